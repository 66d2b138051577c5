// Metrics of a batch-size run: DORA's four keys placed in their 2024 bands, and the headline numbers a learner sees.
import { placeAll, type Placement } from '../dora/bands.ts';
import type { BatchState } from './types.ts';

export interface RunSummary {
  deploys: number;
  failedDeploys: number;
  /** Failed deploys over all deploys, 0 to 1 (0 with no deploy). */
  changeFailureRate: number;
  downtimeMinutes: number;
  /** Mean minutes from a failed deploy to production restored (failed deployment recovery time); null with no failure. */
  meanRestoreMinutes: number | null;
  /** Median working days from a change being ready to it being in production for good; null if nothing shipped. */
  medianLeadTimeDays: number | null;
  /** Deploys of new work per working day (shipping a rolled-back batch again does not count as a new deploy). */
  deploysPerDay: number;
  /** Mean changes per deploy. */
  meanBatchSize: number;
  changesReady: number;
  /** Changes in production at the end. */
  changesDeployed: number;
  /** Ready changes not in production at the end (waiting, or rolled back and not yet shipped again). */
  changesWaiting: number;
  /** Changes that were pulled out again by a rollback at least once. */
  changesRolledBack: number;
  /** Failed deploys that could not be rolled back because they held a migration. */
  rollbacksBlocked: number;
  /** Minutes spent finding bad changes, in all. */
  diagnosisMinutes: number;
  /** Outages recovered by rolling back, and by fixing forward. */
  rollbacks: number;
  fixForwards: number;
  placement: Placement;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(state: BatchState): RunSummary {
  const { deploys, changes } = state;
  const ready = changes.slice(0, state.arrived);
  const failed = deploys.filter((d) => d.failed);
  const restored = failed.filter((d) => d.recovery !== null);
  const deployed = ready.filter((c) => c.deployedAt !== null);
  const elapsed = Math.max(1, Math.min(state.time, state.params.days));
  const fresh = deploys.filter((d) => d.kind !== 'reship').length;
  const base = {
    deploys: deploys.length,
    failedDeploys: failed.length,
    changeFailureRate: deploys.length ? failed.length / deploys.length : 0,
    downtimeMinutes: failed.reduce((sum, d) => sum + d.downtimeMinutes, 0),
    meanRestoreMinutes: restored.length ? restored.reduce((sum, d) => sum + d.downtimeMinutes, 0) / restored.length : null,
    medianLeadTimeDays: median(deployed.map((c) => c.deployedAt! - c.readyAt)),
    deploysPerDay: fresh / elapsed,
    meanBatchSize: deploys.length ? deploys.reduce((sum, d) => sum + d.changeIds.length, 0) / deploys.length : 0,
    changesReady: ready.length,
    changesDeployed: deployed.length,
    changesWaiting: ready.length - deployed.length,
    changesRolledBack: ready.filter((c) => c.deploys.some((id) => deploys[id]?.recovery === 'rollback')).length,
    rollbacksBlocked: failed.filter((d) => d.irreversible).length,
    diagnosisMinutes: failed.reduce((sum, d) => sum + d.diagnosisMinutes, 0),
    rollbacks: failed.filter((d) => d.recovery === 'rollback').length,
    fixForwards: failed.filter((d) => d.recovery === 'fix-forward').length,
  };
  const placement = placeAll({
    deploymentFrequency: base.deploys ? base.deploysPerDay : null,
    leadTime: base.medianLeadTimeDays,
    changeFailureRate: base.deploys ? base.changeFailureRate : null,
    recoveryTime: base.meanRestoreMinutes,
  });
  return { ...base, placement };
}
