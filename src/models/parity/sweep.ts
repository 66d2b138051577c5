// The parity sim's top rung and facilitator figures: outcomes against the deploy interval over many seeds, and headline numbers at the defaults.
import { defaultValues } from '../../sim-kit/core/fields.ts';
import { overSeeds } from '../../sim-kit/core/model.ts';
import { parityFields, parityParams, type ParityValues } from '../../schemas/parity-scenario.ts';
import { model, summarize } from './model.ts';
import type { ParitySummary } from './types.ts';

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Mean of each summary figure over `count` seeds from `firstSeed` (null figures are skipped). */
export function meanSummary(values: ParityValues, count = 200, firstSeed = 1): Record<keyof ParitySummary, number> {
  const runs = overSeeds(model, parityParams(values), count, summarize, firstSeed);
  const keys = Object.keys(runs[0]!) as Array<keyof ParitySummary>;
  return Object.fromEntries(keys.map((k) => [k, mean(runs.map((r) => r[k]).filter((x): x is number => x !== null))])) as Record<keyof ParitySummary, number>;
}

export interface ParitySweepRow {
  /** Working days between deploys. */
  every: number;
  /** Mean production failures over the seeds (fewer when changes are still waiting at the end: see `waiting`). */
  productionFailures: number;
  /** Mean share of the shipped changes that lean on a difference which failed in production. */
  productionShare: number;
  /** Mean of the time-averaged version gap, in versions. */
  versionGap: number;
  /** Mean hours spent finding failures. */
  findHours: number;
  /** Mean changes still waiting at the end. */
  waiting: number;
}

/** Production failures, version gap and find cost against the deploy interval, each a mean over the same seeds. */
export function sweep(values: ParityValues, intervals: readonly number[] = [1, 2, 5, 10, 20, 65], count = 200, firstSeed = 1): ParitySweepRow[] {
  return intervals.map((every) => {
    const m = meanSummary({ ...values, every }, count, firstSeed);
    return {
      every,
      productionFailures: m.failedProduction,
      productionShare: m.productionShare,
      versionGap: m.versionGap,
      findHours: m.findHours,
      waiting: m.waiting,
    };
  });
}

/** The headline figures the facilitator guide quotes: means over seeds 1 to 200 at the defaults, and at a few contrasting settings. */
export function expectedNumbers(count = 200): Record<string, number> {
  const d = defaultValues(parityFields);
  const base = meanSummary(d, count);
  const best = meanSummary({ ...d, containers: true, lockfile: true, pin: true }, count);
  const bestDaily = meanSummary({ ...d, containers: true, lockfile: true, pin: true, every: 1 }, count);
  const daily = meanSummary({ ...d, every: 1 }, count);
  const quarterly = meanSummary({ ...d, every: 65 }, count);
  return {
    changes: base.changes,
    leaning: base.leaning,
    productionFailures: base.failedProduction,
    productionShare: base.productionShare,
    findHours: base.findHours,
    versionGap: base.versionGap,
    versionGapMax: base.versionGapMax,
    waiting: base.waiting,
    threeFixesProductionFailures: best.failedProduction,
    threeFixesProductionShare: best.productionShare,
    threeFixesDevelopment: best.failedDevelopment,
    threeFixesStaging: best.failedStaging,
    threeFixesFindHours: best.findHours,
    threeFixesDailyFindHours: bestDaily.findHours,
    dailyVersionGap: daily.versionGap,
    quarterlyVersionGap: quarterly.versionGap,
    quarterlyFindHours: quarterly.findHours,
  };
}
