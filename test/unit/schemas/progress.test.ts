// Tests for the saved-progress schema: simulation runs and missions within their limits, and hostile ids refused.
import { describe, expect, it } from 'vitest';
import { emptyProgress, PROGRESS_VERSION } from '../../../src/lib/progress.ts';
import { progressSchema, simIdSchema, simRunSchema } from '../../../src/schemas/progress.ts';

const run = { at: '2026-03-01T10:00:00.000Z', code: 'SS1-abc', query: 'seed=7', summary: { deploys: 12, tier: 'elite', lead: null } };
const withSims = (sims: unknown) => ({ ...emptyProgress(), sims });

describe('the saved-progress schema', () => {
  it('accepts the current version with simulation runs and missions', () => {
    const p = withSims({ batch: { runs: [run], missions: { 'ship-daily': '2026-03-01T10:00:00.000Z' } } });
    expect(progressSchema.parse(p)).toEqual(p);
    expect(p.version).toBe(PROGRESS_VERSION);
  });
  it.each(['batch', 'a', 'env-parity', 'a'.repeat(32)])('accepts the simulation id %s', (id) => {
    expect(simIdSchema.safeParse(id).success).toBe(true);
  });
  it.each(['__proto__', 'Batch', '1batch', '-batch', 'a'.repeat(33), '', 'a b', '<img>'])('refuses the simulation id %j', (id) => {
    expect(simIdSchema.safeParse(id).success).toBe(false);
  });
  it('never keeps a __proto__ simulation and never pollutes any object', () => {
    const raw = JSON.parse(`{"__proto__":{"runs":[],"missions":{}}}`) as unknown;
    const result = progressSchema.safeParse(withSims(raw));
    if (result.success) expect(Object.keys(result.data.sims)).toEqual([]);
    expect(({} as Record<string, unknown>)['runs']).toBeUndefined();
  });
  it.each([
    ['a code over 200 characters', { ...run, code: 'x'.repeat(201) }],
    ['a query over 500 characters', { ...run, query: 'x'.repeat(501) }],
    ['a summary key with a dash', { ...run, summary: { 'lead-time': 1 } }],
    ['a summary string over 80 characters', { ...run, summary: { tier: 'x'.repeat(81) } }],
    ['25 summary keys', { ...run, summary: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i])) }],
    ['a summary value that is an object', { ...run, summary: { nested: { a: 1 } } }],
    ['a date that is not ISO', { ...run, at: 'Tuesday' }],
  ])('refuses a run with %s', (_name, bad) => {
    expect(simRunSchema.safeParse(bad).success).toBe(false);
  });
  it('refuses more than 20 runs for one simulation', () => {
    expect(progressSchema.safeParse(withSims({ batch: { runs: Array(21).fill(run), missions: {} } })).success).toBe(false);
    expect(progressSchema.safeParse(withSims({ batch: { runs: Array(20).fill(run), missions: {} } })).success).toBe(true);
  });
  it('refuses a mission won on a date that is not a date', () => {
    expect(progressSchema.safeParse(withSims({ batch: { runs: [], missions: { m: 'soon' } } })).success).toBe(false);
  });
});
