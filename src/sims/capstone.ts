// The capstone sim's definition: run controls (an open incident is the decision), result code and debrief chart; types only, so the debrief page stays small.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import type { CapstoneAction, CapstoneState, CapstoneSummary, CapstoneValues, Levers } from '../models/capstone/types.ts';
import type { DebriefChart } from './registry.ts';

/** The quarter stops while an incident waits for the learner's answer. */
export const capstoneRun: RunMachineOptions<CapstoneState, CapstoneAction> = {
  id: 'capstone',
  tick: { type: 'day' },
  needsDecision: (state) => state.open.length > 0,
};

/** Each lever's choices in the model's table order, weakest first, so the strongest is last (a test checks both against src/models/capstone/levers.ts). */
export const CHOICE_ORDER: { readonly [K in keyof Levers]: readonly Levers[K][] } = {
  team: ['silos', 'middle', 'shared'],
  parity: ['none', 'some', 'full'],
  tests: ['manual', 'topheavy', 'pyramid'],
  iac: ['hand', 'code'],
  deploy: ['monthly', 'weekly', 'daily', 'continuous'],
  flags: ['off', 'on'],
};
/** The managed-service flags in the model's SERVICES order: bit 1, 2, 4, 8, 16. */
export const MANAGED_FLAGS = ['mparity', 'mtests', 'miac', 'mdeploy', 'mflags'] as const;

const index = <K extends keyof Levers>(values: CapstoneValues, lever: K) => CHOICE_ORDER[lever].indexOf(values[lever]);

/** How many of the six levers are at their strongest choice. */
export function leversPulled(values: CapstoneValues): number {
  return (Object.keys(CHOICE_ORDER) as Array<keyof Levers>).filter((n) => values[n] === CHOICE_ORDER[n].at(-1)).length;
}

/** The managed services switched on, as bits (parity 1, tests 2, iac 4, deploy 8, flags 16). */
export function managedMask(values: CapstoneValues): number {
  return MANAGED_FLAGS.reduce((mask, flag, i) => (values[flag] ? mask | (1 << i) : mask), 0);
}

const plusOne = (n: number | null, scale = 1) => (n === null ? 0 : 1 + Math.round(n * scale));

/** What a capstone result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const capstoneCode: CodeSpec<CapstoneValues, CapstoneSummary> = {
  sim: 'cq',
  version: 1,
  world: ['days', 'rate'],
  parts: [
    { key: 'team', label: 'Team shape (0 apart, 1 a team in the middle, 2 one team)', read: (v) => index(v, 'team') },
    { key: 'parity', label: 'Parity spending (0 none, 1 some, 2 full)', read: (v) => index(v, 'parity') },
    { key: 'tests', label: 'Tests (0 manual, 1 top-heavy, 2 pyramid)', read: (v) => index(v, 'tests') },
    { key: 'iac', label: 'Infrastructure (0 by hand, 1 as code)', read: (v) => index(v, 'iac') },
    { key: 'deploy', label: 'Deploys (0 monthly, 1 weekly, 2 daily, 3 each change)', read: (v) => index(v, 'deploy') },
    { key: 'flags', label: 'Feature flags (0 off, 1 on)', read: (v) => index(v, 'flags') },
    { key: 'managed', label: 'Managed services (bits: parity 1, tests 2, iac 4, deploy 8, flags 16)', read: managedMask },
    { key: 'pulled', label: 'Levers at their strongest choice', read: leversPulled },
    { key: 'elite', label: 'Keys in the elite band', read: (_, s) => s.eliteKeys ?? 0 },
    { key: 'band', label: 'Weakest band (0 elite to 3 low, 4 none)', read: (_, s) => s.bandRank ?? 4 },
    { key: 'live', label: 'Features live', read: (_, s) => s.featuresLive ?? 0 },
    { key: 'downtime', label: 'Downtime (minutes)', read: (_, s) => s.downtimeMinutes ?? 0 },
    { key: 'night', label: 'Night-time pages', read: (_, s) => s.nightPages ?? 0 },
    { key: 'spend', label: 'Spend (hundreds of dollars)', read: (_, s) => (s.spend ?? 0) / 100 },
    { key: 'deploys', label: 'Deploys', read: (_, s) => s.deploys ?? 0 },
    { key: 'failed', label: 'Failed deploys', read: (_, s) => s.failedDeploys ?? 0 },
    { key: 'lead', label: 'Median lead time (hundredths of a working day, plus 1; 0 if nothing shipped)', read: (_, s) => plusOne(s.leadTimeDays, 100) },
    { key: 'recovery', label: 'Mean recovery (minutes, plus 1; 0 if nothing failed)', read: (_, s) => plusOne(s.recoveryMinutes) },
  ],
};

/** The debrief's leaderboard chart: features live against spend, a shape per number of elite keys. */
export const capstoneChart: DebriefChart = {
  caption: 'Features live against spend, one point per learner and a shape per number of keys in the 2024 elite band',
  xLabel: 'Spend (thousands of dollars a quarter)',
  yLabel: 'features live',
  x: (v) => (v.spend === undefined ? null : v.spend / 10),
  y: (v) => v.live ?? null,
  group: (v) => `${v.elite ?? 0} of 4 keys elite`,
};
