// The top rung of the ladder: outcomes against the deploy interval, over many seeds, for the sweep chart (run in a worker).
import { runToEnd } from '../../sim-kit/core/model.ts';
import { batchModel } from './model.ts';
import { median, summarize } from './metrics.ts';
import type { BatchParams, Policy } from './types.ts';

export const SWEEP_POLICIES: ReadonlyArray<{ label: string; policy: Policy }> = [
  { label: 'continuous', policy: { kind: 'continuous' } },
  { label: '1 day', policy: { kind: 'every', days: 1 } },
  { label: '2 days', policy: { kind: 'every', days: 2 } },
  { label: '1 week', policy: { kind: 'every', days: 5 } },
  { label: '2 weeks', policy: { kind: 'every', days: 10 } },
  { label: '1 month', policy: { kind: 'every', days: 21 } },
  { label: '2 months', policy: { kind: 'every', days: 43 } },
  { label: 'quarter', policy: { kind: 'every', days: 65 } },
];

export interface SweepPoint {
  label: string;
  /** Downtime per run in hours: lower quartile, median, upper quartile. */
  downtime: [number, number, number];
  /** Median of the runs' median lead times, in working days. */
  leadDays: number;
  /** Mean change failure rate. */
  changeFailureRate: number;
  seeds: number;
}

function quartiles(values: number[]): [number, number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!;
  return [at(0.25), median(sorted)!, at(0.75)];
}

/** Runs every sweep policy on seeds firstSeed..firstSeed+seeds-1 with the given params, recovering by params.recovery. */
export function sweep(params: BatchParams, seeds: number, firstSeed = 1): SweepPoint[] {
  return SWEEP_POLICIES.map(({ label, policy }) => {
    const runs = Array.from({ length: seeds }, (_, i) => summarize(runToEnd(batchModel, { ...params, policy }, firstSeed + i)));
    return {
      label,
      downtime: quartiles(runs.map((s) => s.downtimeMinutes / 60)),
      leadDays: median(runs.map((s) => s.medianLeadTimeDays ?? params.days)) ?? 0,
      changeFailureRate: runs.reduce((sum, s) => sum + s.changeFailureRate, 0) / seeds,
      seeds,
    };
  });
}
