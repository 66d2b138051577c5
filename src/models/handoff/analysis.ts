// Many-seed views of the handoff model: the expected numbers for the facilitator guides, and the sweep of lead time against batch size.
import { WAYS, paramsFor, simulate } from './model.ts';
import { quantile, summarize } from './metrics.ts';
import type { HandoffParams, HandoffSummary, Way } from './types.ts';

/** The seeds the facilitator guides quote: 1 to 200. */
export const GUIDE_SEEDS = { first: 1, count: 200 } as const;

/** Summaries of one setting over `count` seeds from `first`, each run played to the end with no learner choices. */
export function summariesOverSeeds(params: HandoffParams, count: number, first = 1): HandoffSummary[] {
  return Array.from({ length: count }, (_, i) => summarize(simulate(params, first + i)));
}

/** What a facilitator can expect from one setting: medians across seeds, in whole working days and whole percent. */
export interface Expected {
  /** Median over seeds of each run's median lead time (idea to live), and of its 25th and 75th percentiles. */
  leadMedian: number;
  leadP25: number;
  leadP75: number;
  /** Median over seeds of the day the first item went live, and of the day its first production feedback came back. */
  firstLiveDay: number;
  firstFeedbackDay: number;
  /** Median over seeds of flow efficiency (working time over lead time), in percent. */
  flowEfficiency: number;
  /** Mean over seeds of rework laps between QA and Engineering per run (one decimal). */
  reworkLaps: number;
  /** Median over seeds of the most finished items waiting at the door to Release at once. */
  doorPeak: number;
}

const median = (values: Array<number | null>) =>
  quantile(
    values.filter((v): v is number => v !== null),
    0.5,
  ) ?? NaN;

/** Condenses many runs of one setting into the numbers a guide quotes. */
export function expectedFrom(runs: readonly HandoffSummary[]): Expected {
  return {
    leadMedian: Math.round(median(runs.map((r) => r.leadMedian))),
    leadP25: Math.round(median(runs.map((r) => r.leadP25))),
    leadP75: Math.round(median(runs.map((r) => r.leadP75))),
    firstLiveDay: Math.round(median(runs.map((r) => r.firstLiveDay))),
    firstFeedbackDay: Math.round(median(runs.map((r) => r.firstFeedbackDay))),
    flowEfficiency: Math.round(100 * median(runs.map((r) => r.flowEfficiency))),
    reworkLaps: Math.round((10 * runs.reduce((a, r) => a + r.reworkLaps, 0)) / Math.max(1, runs.length)) / 10,
    doorPeak: Math.round(median(runs.map((r) => r.doorPeak))),
  };
}

/**
 * The expected numbers at the default settings over seeds 1 to 200, for each way of working and for the two answers to
 * the lesson's question (waterfall with every team twice as fast; waterfall handing on one item at a time). Pure: the
 * same numbers every time. About a second of work.
 */
export function expectedNumbers(): Record<Way | 'waterfallTwiceAsFast' | 'waterfallOneAtATime', Expected> {
  const over = (params: HandoffParams) => expectedFrom(summariesOverSeeds(params, GUIDE_SEEDS.count, GUIDE_SEEDS.first));
  return {
    waterfall: over(paramsFor('waterfall')),
    agile: over(paramsFor('agile')),
    devops: over(paramsFor('devops')),
    waterfallTwiceAsFast: over(paramsFor('waterfall', { speed: 2 })),
    waterfallOneAtATime: over(paramsFor('waterfall', { batch: 1 })),
  };
}

/** One point of the sweep: lead time at one batch size across seeds (each seed's median lead time, then quartiles across seeds). */
export interface SweepPoint {
  batch: number;
  median: number;
  p25: number;
  p75: number;
}

/**
 * Lead time against the handoff batch size: for each size, every seed's run at `params` with that batch, and the median
 * and quartiles across seeds of each run's median lead time. The same seeds at every size, so the curve shows the batch,
 * not luck. Build `params` from the learner's values with the scenario's `handoffParams`.
 */
export function sweep(params: HandoffParams, batchSizes: readonly number[], seeds: readonly number[]): SweepPoint[] {
  if (seeds.length === 0) throw new Error('sweep needs at least one seed');
  return batchSizes.map((batch) => {
    const leads = seeds.map((seed) => summarize(simulate({ ...params, batch }, seed)).leadMedian).filter((v): v is number => v !== null);
    return { batch, median: quantile(leads, 0.5) ?? NaN, p25: quantile(leads, 0.25) ?? NaN, p75: quantile(leads, 0.75) ?? NaN };
  });
}

/**
 * Same dice, three ways of working: the learner's other settings (how busy, how fast, the limit, the rates) with each
 * way's own batch and cadence, all on one seed, so the differences come from the way of working, not from luck.
 */
export function compareWays(params: HandoffParams, seed: number): Record<Way, HandoffSummary> {
  const run = (way: Way) => summarize(simulate({ ...params, ...WAYS[way] }, seed));
  return { waterfall: run('waterfall'), agile: run('agile'), devops: run('devops') };
}
