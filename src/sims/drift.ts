// The configuration-drift sim's definition: its fields, model, run controls (an event waiting for a fix is the decision) and result code.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import { model as driftModel, openAlarms, summarize, type DriftAction, type DriftState, type DriftSummary } from '../models/drift/index.ts';
import { driftFields, type DriftValues } from '../schemas/drift-scenario.ts';

export { driftFields, driftModel };

/** The run stops while an event waits for a fix, or while a faulty reviewed change waits for its revert. */
export const driftRun: RunMachineOptions<DriftState, DriftAction> = {
  id: 'drift',
  tick: { type: 'day' },
  needsDecision: (state) => state.waiting.length > 0 || openAlarms(state).length > 0,
};

const POLICIES = ['hand', 'code', 'mixed'] as const;

/** What a drift result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const driftCode: CodeSpec<DriftValues, DriftSummary> = {
  sim: 'dr',
  version: 1,
  world: ['servers', 'events', 'days', 'disks', 'hand', 'code', 'mismatch', 'incident', 'rebuild', 'rediscover', 'fault', 'review', 'undo', 'revert', 'broken'],
  parts: [
    { key: 'policy', label: 'Default when not choosing (0 hand, 1 configuration, 2 mix)', read: (v) => POLICIES.indexOf(v.policy) },
    { key: 'hand', label: 'Fixes by hand', read: (_, s) => s.handFixes },
    { key: 'code', label: 'Fixes in the configuration', read: (_, s) => s.codeFixes },
    { key: 'configs', label: 'Configurations at the end', read: (_, s) => s.configurations },
    { key: 'incidents', label: 'Mismatch incidents', read: (_, s) => s.incidents },
    { key: 'minutes', label: 'Team time (minutes)', read: (_, s) => s.totalMinutes },
    { key: 'rebuild', label: 'Worst rebuild (minutes)', read: (_, s) => s.worstRebuildMinutes },
    { key: 'reverts', label: 'Reverts', read: (_, s) => s.reverts },
  ],
};

export function summaryOf(state: DriftState): DriftSummary {
  return summarize(state);
}
