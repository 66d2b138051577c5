// Risk of a deploy against its size: the closed form 1 - (1 - p)^n, and a Monte Carlo estimate of the same.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** Chance that a batch of n changes, each defective with probability p, holds at least one defect. */
export function failureProbability(p: number, n: number): number {
  return 1 - (1 - p) ** n;
}

export interface RiskPoint {
  size: number;
  closedForm: number;
  monteCarlo: number;
  trials: number;
}

/** Simulates `trials` batches of every size in `sizes`, drawing each change's defect in turn until one is bad. */
export function riskCurve(p: number, sizes: readonly number[], trials: number, seed: number): RiskPoint[] {
  const rng = xoroshiro128plus(seed);
  return sizes.map((size) => {
    let failures = 0;
    for (let t = 0; t < trials; t++) {
      for (let i = 0; i < size; i++) {
        if (uniformFloat64(rng) < p) {
          failures++;
          break;
        }
      }
    }
    return { size, closedForm: failureProbability(p, size), monteCarlo: failures / trials, trials };
  });
}

/** The closed-form curve as [size, probability] points for sizes 1..max, for charts. */
export function closedFormCurve(p: number, max: number): Array<readonly [number, number]> {
  return sizesUpTo(max).map((n) => [n, failureProbability(p, n)] as const);
}

/** Sizes 1..max. */
export function sizesUpTo(max: number): number[] {
  return Array.from({ length: max }, (_, i) => i + 1);
}
