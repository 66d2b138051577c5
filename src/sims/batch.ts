// The batch-size sim's definition: its fields, model, run controls, missions and result code, in one place for the island, the registry and the tests.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import { BANDS } from '../models/dora/bands.ts';
import { batchModel, summarize, type BatchAction, type BatchState, type RunSummary } from '../models/batch/index.ts';
import { POLICY_OPTIONS, batchFields, type BatchValues } from '../schemas/batch-scenario.ts';

export { batchFields, batchModel };

export const batchRun: RunMachineOptions<BatchState, BatchAction> = {
  id: 'batch',
  tick: { type: 'tick' },
  needsDecision: (state) => state.incident !== null,
};

const policyIndex = (v: BatchValues) => POLICY_OPTIONS.findIndex((o) => o.value === v.policy);

/** What a batch-size result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const batchCode: CodeSpec<BatchValues, RunSummary> = {
  sim: 'b',
  version: 1,
  world: ['days', 'rate', 'migration', 'detect', 'rollback', 'read', 'bisect', 'fix'],
  parts: [
    { key: 'policy', label: 'Policy', read: policyIndex },
    { key: 'defect', label: 'Defective changes (per mille)', read: (v) => v.defect * 10 },
    { key: 'ready', label: 'Changes ready', read: (_, s) => s.changesReady },
    { key: 'deployed', label: 'Changes in production', read: (_, s) => s.changesDeployed },
    { key: 'deploys', label: 'Deploys', read: (_, s) => s.deploys },
    { key: 'outages', label: 'Outages', read: (_, s) => s.failedDeploys },
    { key: 'rollbacks', label: 'Rollbacks', read: (_, s) => s.rollbacks },
    { key: 'downtime', label: 'Downtime (minutes)', read: (_, s) => s.downtimeMinutes },
    {
      key: 'lead',
      label: 'Median lead time (hundredths of a working day, 0 if nothing shipped)',
      read: (_, s) => (s.medianLeadTimeDays === null ? 0 : 1 + s.medianLeadTimeDays * 100),
    },
    { key: 'band', label: 'Weakest band (0 elite to 3 low, 4 none)', read: (_, s) => (s.placement.band === null ? 4 : BANDS.indexOf(s.placement.band)) },
  ],
};

/** The flat summary kept in saved progress and read by the course summary and the metrics dashboard. */
export function savedSummary(values: BatchValues, run: BatchState) {
  const s = summarize(run);
  return {
    policy: values.policy,
    defectPercent: values.defect,
    changesReady: s.changesReady,
    changesDeployed: s.changesDeployed,
    deploys: s.deploys,
    deploysPerDay: Math.round(s.deploysPerDay * 1000) / 1000,
    outages: s.failedDeploys,
    rollbacks: s.rollbacks,
    downtimeMinutes: Math.round(s.downtimeMinutes),
    medianLeadTimeDays: s.medianLeadTimeDays === null ? null : Math.round(s.medianLeadTimeDays * 1000) / 1000,
    changeFailureRate: Math.round(s.changeFailureRate * 1000) / 1000,
    meanRestoreMinutes: s.meanRestoreMinutes === null ? null : Math.round(s.meanRestoreMinutes),
    band: s.placement.band,
    weakestKey: s.placement.weakest,
  };
}
