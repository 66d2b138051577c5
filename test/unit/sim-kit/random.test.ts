// Tests for the kit's seeded random streams.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { random, streams } from '../../../src/sim-kit/core/random.ts';

const draw = (r: ReturnType<typeof random>, n: number) => Array.from({ length: n }, () => r.float());

describe('seeded random streams', () => {
  it('give the same draws for the same seed and name', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), (seed, name) => {
        expect(draw(streams(seed)(name), 5)).toEqual(draw(streams(seed)(name), 5));
      }),
    );
  });

  it('give different draws for different names under one seed', () => {
    const s = streams(2026);
    expect(draw(s('arrivals'), 5)).not.toEqual(draw(s('defects'), 5));
  });

  it('keep every float in [0, 1) and every int within its bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, min, span) => {
        const r = random(seed);
        const f = r.float();
        const i = r.int(min, min + span);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThan(1);
        expect(i).toBeGreaterThanOrEqual(min);
        expect(i).toBeLessThanOrEqual(min + span);
      }),
    );
  });

  it('draw Poisson counts whose mean matches the rate', () => {
    const r = random(7);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r.poisson(4);
    expect(sum / n).toBeCloseTo(4, 1);
  });

  it('draw chances at the asked-for rate', () => {
    const r = random(11);
    const n = 20_000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (r.chance(0.3)) hits++;
    expect(Math.abs(hits / n - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
  });
});
