// The capstone sim's definition: its fields, model, run controls (an open incident is the decision), saved summary, result code and debrief chart.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import { BEST, DEPLOY, FLAGS, IAC, LEVER_NAMES, PARITY, SERVICES, TEAM, TESTS, leverCode, placement } from '../models/capstone/index.ts';
import { model as capstoneModel, summarize } from '../models/capstone/model.ts';
import type { CapstoneAction, CapstoneState, CapstoneSummary, ManagedLever } from '../models/capstone/types.ts';
import { capstoneFields, capstoneParams, type CapstoneScenarioValues } from '../schemas/capstone-scenario.ts';
import type { DebriefChart } from './registry.ts';

export { capstoneFields, capstoneModel };

/** The quarter stops while an incident waits for the learner's answer. */
export const capstoneRun: RunMachineOptions<CapstoneState, CapstoneAction> = {
  id: 'capstone',
  tick: { type: 'day' },
  needsDecision: (state) => state.open.length > 0,
};

const index = (table: Record<string, unknown>, value: string) => Object.keys(table).indexOf(value);
const MANAGED = Object.keys(SERVICES) as ManagedLever[];
const MANAGED_FIELDS = { parity: 'mparity', tests: 'mtests', iac: 'miac', deploy: 'mdeploy', flags: 'mflags' } as const;

/** How many of the six levers are at their strongest choice. */
export function leversPulled(values: CapstoneScenarioValues): number {
  return LEVER_NAMES.filter((n) => values[n] === BEST[n]).length;
}

/** The managed services switched on, as bits in SERVICES order (parity 1, tests 2, iac 4, deploy 8, flags 16). */
export function managedMask(values: CapstoneScenarioValues): number {
  return MANAGED.reduce((mask, lever, i) => (values[MANAGED_FIELDS[lever]] ? mask | (1 << i) : mask), 0);
}

const plusOne = (n: number | null, scale = 1) => (n === null ? 0 : 1 + Math.round(n * scale));

/** What a capstone result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const capstoneCode: CodeSpec<CapstoneScenarioValues, CapstoneSummary> = {
  sim: 'cq',
  version: 1,
  world: ['days', 'rate'],
  parts: [
    { key: 'team', label: 'Team shape (0 apart, 1 a team in the middle, 2 one team)', read: (v) => index(TEAM, v.team) },
    { key: 'parity', label: 'Parity spending (0 none, 1 some, 2 full)', read: (v) => index(PARITY, v.parity) },
    { key: 'tests', label: 'Tests (0 manual, 1 top-heavy, 2 pyramid)', read: (v) => index(TESTS, v.tests) },
    { key: 'iac', label: 'Infrastructure (0 by hand, 1 as code)', read: (v) => index(IAC, v.iac) },
    { key: 'deploy', label: 'Deploys (0 monthly, 1 weekly, 2 daily, 3 each change)', read: (v) => index(DEPLOY, v.deploy) },
    { key: 'flags', label: 'Feature flags (0 off, 1 on)', read: (v) => index(FLAGS, v.flags) },
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

/** The flat summary kept in saved progress: the dashboard's metric keys (deploysPerDay, leadTimeDays, …) and the scorecard. */
export function savedSummary(values: CapstoneScenarioValues, run: CapstoneState) {
  const s = summarize(run);
  const p = placement(run);
  return {
    levers: leverCode(capstoneParams(values)),
    leversPulled: leversPulled(values),
    eliteKeys: s.eliteKeys ?? 0,
    band: p.band,
    weakestKey: p.weakest,
    deploysPerDay: s.deploysPerDay ?? null,
    changesPerDay: s.changesPerDay ?? null,
    leadTimeDays: s.leadTimeDays ?? null,
    changeFailureRate: s.changeFailureRate ?? null,
    recoveryMinutes: s.recoveryMinutes ?? null,
    downtimeMinutes: s.downtimeMinutes ?? null,
    featuresLive: s.featuresLive ?? null,
    pages: s.pages ?? null,
    nightPages: s.nightPages ?? null,
    outages: s.outages ?? null,
    rollbacks: s.rollbacks ?? null,
    spend: s.spend ?? null,
    toilHoursPerWeek: s.toilHoursPerWeek ?? null,
  };
}
