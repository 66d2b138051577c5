// Which sims exist: title, lessons, result code and projector keys. Pure data the island, the course map and the debrief page read.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { BestRule } from '../lib/best-run.ts';
import { batchCode } from './batch.ts';
import { dashboardCode } from './dashboard.ts';
import { conwayCode } from './conway.ts';
import { driftCode } from './drift.ts';
import { flagsCode } from './flags.ts';
import { handoffCode } from './handoff.ts';
import { parityCode } from './parity.ts';
import { provisionCode } from './provision.ts';
import { PRESET_NAMES, testsCode } from './tests.ts';
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
    chart: {
      caption: 'Team time against the share of fixes made by hand, one point per learner and a shape per default way of fixing',
      xLabel: 'Fixes made by hand (%)',
      yLabel: 'team time (hours)',
      x: (v) => {
        const fixes = (v.hand ?? 0) + (v.code ?? 0);
        return fixes === 0 ? null : Math.round((100 * (v.hand ?? 0)) / fixes);
      },
      y: (v) => (v.minutes === undefined ? null : Math.round(v.minutes / 6) / 10),
      group: (v) => ['By hand', 'In the configuration', 'A mix'][v.policy ?? -1] ?? 'Other',
    },
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
    id: 'parity',
    title: 'Environment parity',
    lessons: ['production'],
    missions: 4,
    code: parityCode as unknown as CodeSpec<never, never>,
    projectorKeys: { P: 'play or pause', N: 'next day', F: 'run to the end', D: 'deploy now', R: 'restart' },
    chart: {
      caption: 'Production failures against how far development ran ahead of production, one point per learner and a shape per number of gaps closed',
      xLabel: 'Mean version gap (versions)',
      yLabel: 'production failures',
      x: (v) => (v.gap === undefined ? null : v.gap / 10),
      y: (v) => v.production ?? null,
      group: (v) => {
        const closed = [1, 2, 4, 8, 16].filter((bit) => ((v.fixes ?? 0) & bit) !== 0).length;
        return `${closed} gap${closed === 1 ? '' : 's'} closed`;
      },
    },
  },
  {
    id: 'provision',
    title: 'Provisioning: plan and apply',
    lessons: ['provisioning'],
    missions: 3,
    code: provisionCode as unknown as CodeSpec<never, never>,
    projectorKeys: {
      A: 'apply the definition',
      C: 'run the commands',
      H: 'patch the fleet by hand',
      D: 'patch the fleet through the definition',
      L: 'release the colleague’s change with the setup’s safeguards',
      R: 'restart',
    },
    chart: {
      caption: 'Servers the patch missed against the size of the fleet, one point per learner and a shape per way of patching',
      xLabel: 'Servers in the fleet',
      yLabel: 'servers missed',
      x: (v) => v.fleet ?? null,
      y: (v) => v.missed ?? null,
      group: (v) => (v.patch ? 'Through the definition' : 'By hand'),
    },
  },
  {
    id: 'dashboard',
    title: 'Your metrics dashboard',
    lessons: ['measure'],
    missions: 2,
    code: dashboardCode as unknown as CodeSpec<never, never>,
    projectorKeys: {
      W: 'put the wall up, or back to choosing',
      T: 'target one number, or back to the wall',
      '+': 'split each deploy further',
      '-': 'split less',
    },
  },
  {
    id: 'tests',
    title: 'Test portfolio',
    lessons: ['testing'],
    missions: 2,
    code: testsCode as unknown as CodeSpec<never, never>,
    projectorKeys: {
      P: 'play or pause',
      N: 'next build',
      F: 'run to the next red build or the end',
      I: 'investigate the red build',
      G: 'ignore the red build',
      R: 'restart',
    },
    chart: {
      caption: 'Escape rate against one run of the suite, one point per learner and a shape per portfolio',
      xLabel: 'One run of the suite (minutes)',
      yLabel: 'escape rate (%)',
      x: (v) => (v.suite === undefined ? null : v.suite / 10),
      y: (v) => (v.escape === undefined ? null : v.escape / 10),
      group: (v) => PRESET_NAMES[v.shape ?? 3] ?? 'Other',
    },
  },
  {
    id: 'flags',
    title: 'CI/CD with feature flags and dark launches',
    lessons: ['deployment'],
    missions: 2,
    code: flagsCode as unknown as CodeSpec<never, never>,
    projectorKeys: {
      P: 'play or pause',
      N: 'next minute',
      F: 'run to the next alert or the end',
      K: 'kill switch (or roll back a full release)',
      G: 'keep going after an alert',
      R: 'restart',
    },
    chart: {
      caption: 'Users hurt by the feature against the rollout share in the plan, one point per learner and a shape per way of shipping',
      xLabel: 'Rollout share in the plan (%)',
      yLabel: 'users hurt',
      x: (v) => (v.release ? 100 : (v.rollout ?? null)),
      y: (v) => v.hurt ?? null,
      group: (v) => (v.release ? 'Full release, no flag' : v.dark ? 'Flag with a dark launch' : 'Flag, no dark launch'),
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
