// The best of a simulation's saved runs by a rule the registry gives (for the course summary); kept apart from progress.ts so only that page ships it.
import type { SimRun } from '../schemas/progress.ts';

/** How to pick a simulation's best run: summary keys in order of importance, each with the better direction; later keys break ties. */
export type BestRule = ReadonlyArray<readonly [key: string, better: 'lower' | 'higher']>;

/**
 * The best of a simulation's saved runs by a rule: runs missing a key's number rank below those that have it; full ties,
 * or no rule, go to the newest run. Null when there are no runs.
 */
export function bestSimRun(runs: readonly SimRun[], rule: BestRule = []): SimRun | null {
  let best: SimRun | null = null;
  for (const run of runs) {
    if (!best) {
      best = run;
      continue;
    }
    let verdict = 0;
    for (const [key, better] of rule) {
      const a = run.summary[key];
      const b = best.summary[key];
      const na = typeof a === 'number';
      const nb = typeof b === 'number';
      verdict = na !== nb ? (na ? 1 : -1) : na && a !== b ? ((a as number) < (b as number) === (better === 'lower') ? 1 : -1) : 0;
      if (verdict) break;
    }
    if (verdict >= 0) best = run;
  }
  return best;
}
