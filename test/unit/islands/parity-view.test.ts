// Tests for the parity island's pure helpers: the version gap as a step line, where most failures broke, and the live-region sentence.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { init, meanVersionGap, model, step, summarize, versionGapAt, type ParityState } from '../../../src/models/parity/index.ts';
import { parityFields, parityParams } from '../../../src/schemas/parity-scenario.ts';
import { closedWhere, gapSteps, narrateParity, whereMost } from '../../../src/islands/ParitySim/view.ts';

const params = parityParams(defaultValues(parityFields));
const play = (state: ParityState, days: number) => Array.from({ length: days }).reduce<ParityState>((s) => step(s, { type: 'day' }), state);

/** The step line's height just after `t`, read as a function. */
function heightAt(points: Array<[number, number]>, t: number): number {
  let h = 0;
  for (const [x, y] of points) if (x <= t) h = y;
  return h;
}

describe('the parity view helpers', () => {
  it('draw the version gap as a step line that agrees with the model at every moment, and whose area is the mean gap', () => {
    const end = runToEnd(model, params, 11);
    const points = gapSteps(end);
    expect(points[0]).toEqual([0, 0]);
    expect(points.at(-1)![0]).toBe(params.days);
    for (let t = 0.05; t < params.days; t += 0.5) expect(heightAt(points, t), `day ${t}`).toBe(versionGapAt(end, t));
    let area = 0;
    for (let i = 1; i < points.length; i++) area += (points[i]![0] - points[i - 1]![0]) * points[i - 1]![1];
    expect(area / params.days).toBeCloseTo(meanVersionGap(end), 10);
  });

  it('draw the line only as far as the run has gone', () => {
    const half = play(init(params, 4), 12);
    expect(gapSteps(half).at(-1)![0]).toBe(12);
    expect(gapSteps(half).every(([x]) => x <= 12)).toBe(true);
  });

  it('name where most failures broke, every place on a tie, and nowhere when nothing broke', () => {
    expect(whereMost({ failedDevelopment: 3, failedStaging: 1, failedProduction: 2 })).toEqual(['development']);
    expect(whereMost({ failedDevelopment: 4, failedStaging: 1, failedProduction: 4 })).toEqual(['development', 'production']);
    expect(whereMost({ failedDevelopment: 0, failedStaging: 0, failedProduction: 0 })).toEqual([]);
    expect(whereMost(summarize(runToEnd(model, params, 2)))).toEqual(['production']);
  });

  it('say where a closed family is caught, and nothing for an open one', () => {
    expect(closedWhere('library', ['lockfile'])).toBe('development');
    expect(closedWhere('data', ['data', 'pin'])).toBe('staging');
    expect(closedWhere('security', ['lockfile'])).toBeNull();
  });

  it('narrate one day or deploy in the model’s words, many at once as one summary, and a fresh run not at all', () => {
    const start = init({ ...params, every: 1 }, 3);
    const day = step(start, { type: 'day' });
    expect(narrateParity(start, day)).toMatch(/^Deploy 1 on day 1 shipped \d+ changes?/);
    const end = play(start, params.days);
    const s = summarize(end);
    expect(narrateParity(day, end)).toBe(
      `64 days and ${end.deploys.length - 1} deploys played. The run is over: ${s.failedDevelopment} failures found at a desk, 0 in staging, ${s.failedProduction} in production; ${Math.round(s.findHours)} hours spent finding them.`,
    );
    expect(narrateParity(end, init({ ...params, every: 1 }, 3))).toBeNull();
    expect(narrateParity(start, init({ ...params, every: 2 }, 3))).toBeNull();
  });
});
