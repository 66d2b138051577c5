// The environment-parity sim's definition: its fields, model, run controls (no decision: the learner may deploy at any time) and result code.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import { FIXES, model as parityModel, summarize, type ParityAction, type ParityState, type ParitySummary } from '../models/parity/index.ts';
import { fixesOf, parityFields, type ParityValues } from '../schemas/parity-scenario.ts';

export { parityFields, parityModel };

/** The clock moves a working day at a time; nothing stops the run for a choice, and "Deploy now" is an action the learner may take whenever something waits. */
export const parityRun: RunMachineOptions<ParityState, ParityAction> = {
  id: 'parity',
  tick: { type: 'day' },
  needsDecision: () => false,
};

/** The fixes as one whole number: bit i is FIXES[i] (containers 1, network 2, lock file 4, pinned versions 8, data 16). */
export function fixMask(values: ParityValues): number {
  const chosen = fixesOf(values);
  return FIXES.reduce((mask, f, i) => (chosen.includes(f) ? mask | (1 << i) : mask), 0);
}

/** What a parity result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const parityCode: CodeSpec<ParityValues, ParitySummary> = {
  sim: 'p',
  version: 1,
  world: ['days', 'rate', 'depend', 'versions', 'budget', 'devmin', 'stagemin', 'pagemin', 'findmin'],
  parts: [
    { key: 'every', label: 'Deploy every (working days)', read: (v) => v.every },
    { key: 'fixes', label: 'Gaps closed (bits: 1 containers, 2 network rules, 4 lock file, 8 pinned versions, 16 data)', read: fixMask },
    { key: 'spent', label: 'Engineer-days spent on fixes', read: (_, s) => s.spent },
    { key: 'desk', label: 'Failures found at a desk', read: (_, s) => s.failedDevelopment },
    { key: 'staging', label: 'Failures found in staging', read: (_, s) => s.failedStaging },
    { key: 'production', label: 'Failures in production', read: (_, s) => s.failedProduction },
    { key: 'hours', label: 'Hours spent finding failures', read: (_, s) => s.findHours },
    { key: 'gap', label: 'Mean version gap (tenths of a version)', read: (_, s) => s.versionGap * 10 },
    { key: 'deploys', label: 'Deploys', read: (_, s) => s.deploys },
    { key: 'waiting', label: 'Changes still waiting at the end', read: (_, s) => s.waiting },
  ],
};

/** The flat summary kept in saved progress. */
export function savedSummary(values: ParityValues, run: ParityState) {
  const s = summarize(run);
  return {
    every: values.every,
    fixes: fixesOf(values).join(' ') || 'none',
    spent: s.spent,
    failedDevelopment: s.failedDevelopment,
    failedStaging: s.failedStaging,
    failedProduction: s.failedProduction,
    findHours: Math.round(s.findHours * 10) / 10,
    versionGap: Math.round(s.versionGap * 100) / 100,
    deploys: s.deploys,
    waiting: s.waiting,
  };
}
