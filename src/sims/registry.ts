// Which sims exist: title, lessons, result code and projector keys. Pure data the island, the course map and the debrief page read.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { BestRule } from '../lib/best-run.ts';
import { batchCode } from './batch.ts';
import { driftCode } from './drift.ts';
import { handoffCode } from './handoff.ts';
import { capstoneChart, capstoneCode } from './capstone.ts';

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
  /** How the course summary picks the learner's best saved run (summary keys with the better direction), and what "best" means in words. */
  best?: { rule: BestRule; words: string };
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
    best: {
      rule: [
        ['downtimeMinutes', 'lower'],
        ['changesDeployed', 'higher'],
      ],
      words: 'least downtime',
    },
    projectorKeys: { P: 'play or pause', N: 'next day', F: 'run to the next outage or the end', S: 'ship now', R: 'restart' },
  },
  {
    id: 'handoff',
    title: 'The handoff pipeline',
    lessons: ['waterfall', 'agile'],
    missions: 4,
    code: handoffCode as unknown as CodeSpec<never, never>,
    best: { rule: [['leadMedianDays', 'lower']], words: 'shortest median lead time' },
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
    best: { rule: [['totalMinutes', 'lower']], words: 'least team time' },
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
    id: 'capstone',
    title: 'Capstone: run a quarter',
    lessons: ['together'],
    missions: 3,
    code: capstoneCode as unknown as CodeSpec<never, never>,
    best: {
      rule: [
        ['eliteKeys', 'higher'],
        ['featuresLive', 'higher'],
        ['downtimeMinutes', 'lower'],
      ],
      words: 'most keys elite, then most features live',
    },
    projectorKeys: {
      P: 'play or pause',
      N: 'next day',
      F: 'run to the next incident or the end',
      B: 'roll back',
      X: 'fix forward',
      K: 'kill switch',
      U: 'rebuild the server',
      R: 'restart',
    },
    chart: capstoneChart,
  },
];

export function simById(id: string): SimEntry | undefined {
  return SIMS.find((s) => s.id === id);
}

export function simForLesson(slug: string): SimEntry | undefined {
  return SIMS.find((s) => s.lessons.includes(slug));
}

export const CODE_SPECS: ReadonlyArray<CodeSpec<never, never>> = SIMS.map((s) => s.code);
