// Tests for the flags island's pure views: the gap between the groups with its narrowing band, the answer to the prediction, the same dice four ways, the pipeline's marks.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { DEFAULT_PARAMS, MIN_SAMPLE, blastRadius, estimates, model } from '../../../src/models/flags/index.ts';
import { gapSeries, predictionAnswer } from '../../../src/islands/FlagsSim/analysis.ts';
import { WAYS, loadFound, sameDiceWays } from '../../../src/islands/FlagsSim/compare.ts';
import { stageMark } from '../../../src/islands/FlagsSim/Pipeline.tsx';

describe('the flags island’s views', () => {
  it('follows the gap between the groups minute by minute, ending at the model’s estimate, with a band that narrows as users join', () => {
    const end = runToEnd(model, { ...DEFAULT_PARAMS, rollout: 0.5 }, 4);
    const series = gapSeries(end);
    expect(series.length).toBeGreaterThan(100);
    expect(Math.min(series[0]!.newUsers, series[0]!.controlUsers)).toBeGreaterThanOrEqual(MIN_SAMPLE);
    const { gap, gapSE } = estimates(end);
    expect(series.at(-1)!.gap).toBeCloseTo(gap!, 10);
    expect(series.at(-1)!.half).toBeCloseTo(1.96 * gapSE!, 10);
    expect(series.at(-1)!.half).toBeLessThan(series[0]!.half / 2);
  });

  it('has no gap to show when everyone sees the feature (no control group)', () => {
    expect(gapSeries(runToEnd(model, DEFAULT_PARAMS, 7))).toEqual([]);
  });

  it('answers the prediction from users hurt: far fewer under a fiftieth, about a twentieth up to a quarter, else about as many', () => {
    expect(predictionAnswer(0, 1300)).toBe('fewer');
    expect(predictionAnswer(60, 1300)).toBe('share');
    expect(predictionAnswer(500, 1300)).toBe('same');
    expect(predictionAnswer(0, 0.4)).toBeNull();
  });

  it('plays the same dice four ways, and on the default seed the 5% rollout hurts far fewer than the full release', () => {
    const ways = sameDiceWays(DEFAULT_PARAMS, 2026);
    expect(Object.keys(ways)).toEqual(WAYS.map((w) => w.key));
    expect(ways.full.commits).toEqual(ways.five.commits);
    expect(predictionAnswer(blastRadius(ways.five), blastRadius(ways.full))).toBe('fewer');
    expect(loadFound(ways.dark)).toMatch(/^minute \d+$/);
    expect(ways.everyone.params.release).toBe('flag');
  });

  it('marks each stage of a commit passed, stopped, not reached or waiting', () => {
    expect(['build', 'unit', 'integration', 'staging'].map((s) => stageMark('integration', true, s as never))).toEqual(['pass', 'pass', 'stop', 'skip']);
    expect(stageMark(null, true, 'production')).toBe('pass');
    expect(stageMark(null, false, 'build')).toBe('todo');
  });
});
