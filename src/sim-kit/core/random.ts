// Seeded randomness for every sim: independent named streams from one seed, so draws for one concern never shift another's.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { streamSeed } from './stream-seed.ts';

export { streamSeed };

/** A stream of seeded draws. Every method consumes the stream; the same seed and name give the same sequence. */
export interface Random {
  /** A float in [0, 1). */
  float(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A Poisson count with the given mean (Knuth's method for small means, a normal approximation above 30). */
  poisson(mean: number): number;
  /** An exponential duration with the given mean. */
  exponential(mean: number): number;
  /** A normal draw (Box-Muller). */
  normal(mean: number, sd: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/** A Random over a fresh xoroshiro128+ generator seeded with `seed`. */
export function random(seed: number): Random {
  const rng = xoroshiro128plus(seed | 0);
  const float = () => uniformFloat64(rng);
  const normal = (mean: number, sd: number) => {
    const u = 1 - float();
    const v = float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    float,
    int: (min, max) => uniformInt(rng, min, max),
    chance: (p) => float() < p,
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 30) return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
      const limit = Math.exp(-mean);
      let k = 0;
      let product = float();
      while (product > limit) {
        k++;
        product *= float();
      }
      return k;
    },
    exponential: (mean) => -mean * Math.log(1 - float()),
    normal,
    pick: (items) => items[uniformInt(rng, 0, items.length - 1)]!,
  };
}

/**
 * Named, independent streams from one seed: `streams(seed)('defects')` and `streams(seed)('arrivals')` never share draws,
 * so adding a draw to one concern leaves every other concern's dice as they were. Asking twice for a name gives a fresh
 * stream from its start.
 */
export function streams(seed: number): (name: string) => Random {
  return (name) => random(streamSeed(seed, name));
}
