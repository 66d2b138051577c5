// Metrics of a run (DORA's four keys and more) and the rule that places a run in a DORA 2024 performance cluster.
import type { BatchState } from './types.ts';

export type Cluster = 'elite' | 'high' | 'medium' | 'low';
export const CLUSTERS: readonly Cluster[] = ['elite', 'high', 'medium', 'low'];

export interface RunSummary {
  deploys: number;
  failedDeploys: number;
  /** Failed deploys over all deploys, 0 to 1. */
  changeFailureRate: number;
  downtimeMinutes: number;
  /** Mean minutes from a failed deploy to production restored; null with no failure. */
  meanTimeToRestoreMinutes: number | null;
  /** Median working days from a change being ready to it being in production for good; null if nothing shipped. */
  medianLeadTimeDays: number | null;
  deploysPerWeek: number;
  /** Mean changes per deploy. */
  meanBatchSize: number;
  changesReady: number;
  changesDeployed: number;
  changesWaiting: number;
  /** Changes that were pulled out again by a rollback at least once. */
  changesRolledBack: number;
  cluster: Cluster;
  /** The tier each key reached; the cluster is the lowest of them. */
  tiers: { deploymentFrequency: Cluster; leadTime: Cluster; changeFailureRate: Cluster; timeToRestore: Cluster };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * DORA 2024 bands, with a working week of 5 days and a month of 21 working days:
 * - deployment frequency: elite at least daily (on demand), high at least weekly, medium at least monthly, low less often;
 * - lead time for changes: elite under a day, high up to a week, medium up to a month, low longer;
 * - change failure rate: elite up to 7.5% (typical 5%), high up to 30% (high's typical 20% and medium's 10% both fall here), low above;
 * - time to restore: elite under an hour, high under a day, medium under a week, low longer. No failure counts as elite.
 * A run's cluster is its weakest key: the report's clusters describe teams good at all four at once.
 */
export function tiersOf(
  s: Pick<RunSummary, 'deploysPerWeek' | 'medianLeadTimeDays' | 'changeFailureRate' | 'meanTimeToRestoreMinutes' | 'deploys'>,
): RunSummary['tiers'] {
  const deploymentFrequency: Cluster = s.deploysPerWeek >= 5 ? 'elite' : s.deploysPerWeek >= 1 ? 'high' : s.deploysPerWeek >= 5 / 21 ? 'medium' : 'low';
  const lead = s.medianLeadTimeDays;
  const leadTime: Cluster = lead === null ? 'low' : lead < 1 ? 'elite' : lead <= 5 ? 'high' : lead <= 21 ? 'medium' : 'low';
  const changeFailureRate: Cluster = s.deploys === 0 ? 'low' : s.changeFailureRate <= 0.075 ? 'elite' : s.changeFailureRate <= 0.3 ? 'high' : 'low';
  const mttr = s.meanTimeToRestoreMinutes;
  const timeToRestore: Cluster = mttr === null || mttr < 60 ? 'elite' : mttr < 24 * 60 ? 'high' : mttr < 7 * 24 * 60 ? 'medium' : 'low';
  return { deploymentFrequency, leadTime, changeFailureRate, timeToRestore };
}

export function weakest(tiers: RunSummary['tiers']): Cluster {
  return Object.values(tiers).reduce<Cluster>((worst, t) => (CLUSTERS.indexOf(t) > CLUSTERS.indexOf(worst) ? t : worst), 'elite');
}

export function summarize(state: BatchState): RunSummary {
  const { deploys, changes } = state;
  const ready = changes.slice(0, state.arrived);
  const failed = deploys.filter((d) => d.failed);
  const restored = failed.filter((d) => d.recovery !== null);
  const downtimeMinutes = failed.reduce((sum, d) => sum + d.downtimeMinutes, 0);
  const deployed = ready.filter((c) => c.deployedAt !== null);
  const base = {
    deploys: deploys.length,
    failedDeploys: failed.length,
    changeFailureRate: deploys.length ? failed.length / deploys.length : 0,
    downtimeMinutes,
    meanTimeToRestoreMinutes: restored.length ? restored.reduce((sum, d) => sum + d.downtimeMinutes, 0) / restored.length : null,
    medianLeadTimeDays: median(deployed.map((c) => c.deployedAt! - c.readyAt)),
    deploysPerWeek: deploys.length / (Math.max(1, state.day) / 5),
    meanBatchSize: deploys.length ? deploys.reduce((sum, d) => sum + d.changeIds.length, 0) / deploys.length : 0,
    changesReady: ready.length,
    changesDeployed: deployed.length,
    changesWaiting: state.queue.length,
    changesRolledBack: ready.filter((c) => c.deploys.length > 1 || (c.deploys.length === 1 && c.deployedAt === null)).length,
  };
  const tiers = tiersOf(base);
  return { ...base, tiers, cluster: weakest(tiers) };
}
