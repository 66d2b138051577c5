// Tests for picking a simulation's best saved run by the registry's rule, as the course summary does.
import { describe, expect, it } from 'vitest';
import { bestSimRun } from '../../../src/lib/best-run.ts';
import type { SimRun } from '../../../src/schemas/progress.ts';

describe('the best saved run of a simulation', () => {
  const run = (at: string, summary: SimRun['summary']): SimRun => ({ at, code: `SS2-${at}`, query: '', summary });
  const runs = [
    run('2026-01-01T00:00:00.000Z', { eliteKeys: 2, featuresLive: 300 }),
    run('2026-01-02T00:00:00.000Z', { eliteKeys: 4, featuresLive: 250 }),
    run('2026-01-03T00:00:00.000Z', { eliteKeys: 4, featuresLive: 280 }),
    run('2026-01-04T00:00:00.000Z', { eliteKeys: null, featuresLive: 400 }),
  ];

  it('ranks by the first key, breaks ties with the next, and never prefers a run missing the number', () => {
    expect(
      bestSimRun(runs, [
        ['eliteKeys', 'higher'],
        ['featuresLive', 'higher'],
      ])?.at,
    ).toBe('2026-01-03T00:00:00.000Z');
    expect(bestSimRun(runs, [['featuresLive', 'lower']])?.at).toBe('2026-01-02T00:00:00.000Z');
  });

  it('gives the newest run when there is no rule or a full tie, and null when there are no runs', () => {
    expect(bestSimRun(runs)?.at).toBe('2026-01-04T00:00:00.000Z');
    expect(bestSimRun([runs[1]!, { ...runs[1]!, at: '2026-02-01T00:00:00.000Z' }], [['eliteKeys', 'higher']])?.at).toBe('2026-02-01T00:00:00.000Z');
    expect(bestSimRun([])).toBeNull();
  });
});
