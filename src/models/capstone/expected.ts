// Headline figures of the capstone over many seeds: the sweep of keys against levers pulled, and the facilitator guide's numbers.
import { overSeeds } from '../../sim-kit/core/model.ts';
import { BEST, LEVER_NAMES } from './levers.ts';
import { DEFAULT_PARAMS, model, summarize } from './model.ts';
import type { CapstoneParams, LeverName, Levers } from './types.ts';

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The defaults with the given levers pulled to their strongest choice. */
export function pulled(names: readonly LeverName[], base: CapstoneParams = DEFAULT_PARAMS): CapstoneParams {
  const levers: Levers = { ...base.levers };
  for (const n of names) (levers as Record<LeverName, string>)[n] = BEST[n];
  return { ...base, levers };
}

/** Mean results of a setting over seeds 1..seeds. */
export function outcome(params: CapstoneParams, seeds = 200) {
  const rows = overSeeds(model, params, seeds, summarize);
  const m = (k: string) => round(mean(rows.map((r) => (r[k] as number | null) ?? 0)));
  return {
    allEliteShare: round(rows.filter((r) => r.eliteKeys === 4).length / rows.length, 3),
    eliteKeys: m('eliteKeys'),
    deploysPerDay: m('deploysPerDay'),
    leadTimeDays: round(mean(rows.filter((r) => r.leadTimeDays !== null).map((r) => r.leadTimeDays as number))),
    changeFailureRate: round(mean(rows.filter((r) => r.changeFailureRate !== null).map((r) => r.changeFailureRate as number)), 3),
    recoveryMinutes: round(mean(rows.filter((r) => r.recoveryMinutes !== null).map((r) => r.recoveryMinutes as number)), 1),
    downtimeMinutes: m('downtimeMinutes'),
    featuresLive: m('featuresLive'),
    nightPages: m('nightPages'),
    spend: m('spend'),
  };
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, size - 1).map((s) => [first!, ...s]), ...subsets(rest, size)];
}

/** Keys against the number of levers pulled: for each count, every combination of that many levers, `seeds` seeds each. */
export function sweep(
  seeds = 20,
): Array<{ levers: number; combinations: number; allEliteShare: number; eliteKeys: number; downtimeMinutes: number; featuresLive: number }> {
  return LEVER_NAMES.map((_, i) => i)
    .concat(LEVER_NAMES.length)
    .map((count) => {
      const combos = subsets(LEVER_NAMES, count);
      const results = combos.map((c) => outcome(pulled(c), seeds));
      return {
        levers: count,
        combinations: combos.length,
        allEliteShare: round(mean(results.map((r) => r.allEliteShare)), 3),
        eliteKeys: round(mean(results.map((r) => r.eliteKeys))),
        downtimeMinutes: round(mean(results.map((r) => r.downtimeMinutes))),
        featuresLive: round(mean(results.map((r) => r.featuresLive))),
      };
    });
}

/** The figures the together lesson's guide quotes, over seeds 1 to 200. */
export function expectedNumbers(seeds = 200) {
  return {
    seeds,
    defaults: outcome(DEFAULT_PARAMS, seeds),
    singleLever: Object.fromEntries(LEVER_NAMES.map((n) => [n, outcome(pulled([n]), seeds)])),
    allLevers: outcome(pulled(LEVER_NAMES), seeds),
    allLeversManaged: outcome({ ...pulled(LEVER_NAMES), managed: { parity: true, tests: true, iac: true, deploy: true, flags: true } }, seeds),
  };
}
