// Which sims exist: title, lessons, result code and projector keys. Pure data the island, the course map and the debrief page read.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import { batchCode } from './batch.ts';
import { conwayCode } from './conway.ts';
import { driftCode } from './drift.ts';
import { handoffCode } from './handoff.ts';

export interface SimEntry {
  id: string;
  title: string;
  /** Slugs of the lessons that embed it. */
  lessons: string[];
  /** How many missions it has (the course map shows missions won out of this). */
  missions: number;
  code: CodeSpec<never, never>;
  /** Single-key shortcuts in the projector view, in words, for the instructor page. */
  projectorKeys: Record<string, string>;
  /** How the class debrief charts this sim's codes: one point per learner, from the decoded parts (null leaves the learner off the chart). */
  chart?: DebriefChart;
}

export interface DebriefChart {
  caption: string;
  xLabel: string;
  yLabel: string;
  x: (values: Readonly<Record<string, number>>) => number | null;
  y: (values: Readonly<Record<string, number>>) => number | null;
  /** The point's group (drawn with its own shape and named in the legend). */
  group: (values: Readonly<Record<string, number>>) => string;
}

export const SIMS: readonly SimEntry[] = [
  {
    id: 'batch',
    title: 'Batch size and outage risk',
    lessons: ['batch-size'],
    missions: 3,
    code: batchCode as unknown as CodeSpec<never, never>,
    projectorKeys: { P: 'play or pause', N: 'next day', F: 'run to the next outage or the end', S: 'ship now', R: 'restart' },
  },
  {
    id: 'handoff',
    title: 'The handoff pipeline',
    lessons: ['waterfall', 'agile'],
    missions: 4,
    code: handoffCode as unknown as CodeSpec<never, never>,
    projectorKeys: { P: 'play or pause', N: 'next day', F: 'run to the end', S: 'release now', R: 'restart' },
    chart: {
      caption: 'Median lead time against the day the first production feedback came back, one point per learner and a shape per way of working',
      xLabel: 'First production feedback (working day)',
      yLabel: 'median lead time (days)',
      x: (v) => (v.feedback ? v.feedback - 1 : null),
      y: (v) => (v.lead ? v.lead - 1 : null),
      group: (v) => `${['Waterfall', 'Agile', 'DevOps'][v.way ?? 0] ?? 'Other'}${v.fast ? ', twice as fast' : ''}`,
    },
  },
  {
    id: 'drift',
    title: 'Configuration drift',
    lessons: ['source-control'],
    missions: 2,
    code: driftCode as unknown as CodeSpec<never, never>,
    projectorKeys: {
      P: 'play or pause',
      N: 'next day',
      F: 'run to the next event or the end',
      H: 'fix by hand',
      C: 'fix in the configuration',
      V: 'revert the last reviewed change',
      R: 'restart',
    },
  },
  {
    id: 'conway',
    title: 'Conway’s law: you ship your org chart',
    lessons: ['conway'],
    missions: 4,
    code: conwayCode as unknown as CodeSpec<never, never>,
    projectorKeys: { P: 'play or pause', N: 'next feature', F: 'build the rest', O: 'reorganise into DevOps product teams', R: 'restart' },
    chart: {
      caption: 'Incidents at the dev-ops seam against teams per feature, one point per learner and a shape per starting organisation',
      xLabel: 'Teams per feature',
      yLabel: 'dev-ops incidents',
      x: (v) => (v.teams ? (v.teams - 1) / 100 : null),
      y: (v) => (v.teams ? (v.devops ?? null) : null),
      group: (v) =>
        `${['Operations apart', 'Silos', 'Platform team', 'DevOps teams', 'Their own teams'][v.org ?? 0] ?? 'Other'}${v.reorgs ? ', reorganised' : ''}`,
    },
  },
];

export function simById(id: string): SimEntry | undefined {
  return SIMS.find((s) => s.id === id);
}

export function simForLesson(slug: string): SimEntry | undefined {
  return SIMS.find((s) => s.lessons.includes(slug));
}

export const CODE_SPECS: ReadonlyArray<CodeSpec<never, never>> = SIMS.map((s) => s.code);
