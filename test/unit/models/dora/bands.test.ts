// Tests for the DORA 2024 bands: each key's published edges, the nearest-typical rule for change failure rate, and the weakest key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, BANDS_SOURCE, allElite, placeAll, placeKey, type Band } from '../../../../src/models/dora/bands.ts';

const rank = (b: Band) => BANDS.indexOf(b);

describe('DORA 2024 bands', () => {
  it('cite the 2024 report and carry its year', () => {
    expect(BANDS_SOURCE.year).toBe(2024);
    expect(BANDS_SOURCE.url).toBe('https://dora.dev/research/2024/dora-report/');
    expect(placeAll({ deploymentFrequency: 3, leadTime: 0.5, changeFailureRate: 0.05, recoveryTime: 30 }).year).toBe(2024);
  });

  it('place several deploys a day in elite, exactly one a day at the top of high, weekly in high, monthly in medium, rarer in low', () => {
    expect(placeKey('deploymentFrequency', 4)).toBe('elite');
    expect(placeKey('deploymentFrequency', 1.01)).toBe('elite');
    expect(placeKey('deploymentFrequency', 1)).toBe('high');
    expect(placeKey('deploymentFrequency', 1 / 5)).toBe('high');
    expect(placeKey('deploymentFrequency', 0.19)).toBe('medium');
    expect(placeKey('deploymentFrequency', 1 / 21)).toBe('medium');
    expect(placeKey('deploymentFrequency', 1 / 65)).toBe('low');
    expect(placeKey('deploymentFrequency', 0)).toBe('low');
  });

  it('place lead time under a day in elite, up to a week in high, up to a month in medium, longer in low', () => {
    expect(placeKey('leadTime', 0.2)).toBe('elite');
    expect(placeKey('leadTime', 1)).toBe('high');
    expect(placeKey('leadTime', 5)).toBe('high');
    expect(placeKey('leadTime', 5.5)).toBe('medium');
    expect(placeKey('leadTime', 21)).toBe('medium');
    expect(placeKey('leadTime', 22)).toBe('low');
    expect(placeKey('leadTime', 400)).toBe('low');
  });

  it('place change failure rate in the band with the nearest published typical value, which is not in band order', () => {
    expect(placeKey('changeFailureRate', 0)).toBe('elite');
    expect(placeKey('changeFailureRate', 0.05)).toBe('elite');
    expect(placeKey('changeFailureRate', 0.075)).toBe('elite');
    expect(placeKey('changeFailureRate', 0.076)).toBe('medium');
    expect(placeKey('changeFailureRate', 0.12)).toBe('medium');
    expect(placeKey('changeFailureRate', 0.15)).toBe('medium');
    expect(placeKey('changeFailureRate', 0.151)).toBe('high');
    expect(placeKey('changeFailureRate', 0.18)).toBe('high');
    expect(placeKey('changeFailureRate', 0.3)).toBe('high');
    expect(placeKey('changeFailureRate', 0.31)).toBe('low');
    expect(placeKey('changeFailureRate', 1)).toBe('low');
  });

  it('place a 12% failure rate below an 18% one, as the 2024 clusters did', () => {
    expect(rank(placeKey('changeFailureRate', 0.12))).toBeGreaterThan(rank(placeKey('changeFailureRate', 0.18)));
  });

  it('place recovery under an hour in elite and under a day in high, since high and medium share that range', () => {
    expect(placeKey('recoveryTime', 59)).toBe('elite');
    expect(placeKey('recoveryTime', 60)).toBe('high');
    expect(placeKey('recoveryTime', 1439)).toBe('high');
    expect(Array.from({ length: 200 }, (_, i) => placeKey('recoveryTime', i * 60))).not.toContain('medium');
  });

  it('place a recovery in the gap between a day and a week in low, and anything longer too', () => {
    expect(placeKey('recoveryTime', 1440)).toBe('low');
    expect(placeKey('recoveryTime', 3 * 1440)).toBe('low');
    expect(placeKey('recoveryTime', 60 * 1440)).toBe('low');
  });

  it('never place a better value in a worse band on the three keys published as ranges', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(rank(placeKey('deploymentFrequency', hi))).toBeLessThanOrEqual(rank(placeKey('deploymentFrequency', lo)));
        expect(rank(placeKey('leadTime', lo))).toBeLessThanOrEqual(rank(placeKey('leadTime', hi)));
        expect(rank(placeKey('recoveryTime', lo * 100))).toBeLessThanOrEqual(rank(placeKey('recoveryTime', hi * 100)));
      }),
    );
  });

  it('place every failure rate in a band whose typical value is no further than any other band’s', () => {
    const typical = { elite: 0.05, high: 0.2, medium: 0.1, low: 0.4 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (rate) => {
        const placed = placeKey('changeFailureRate', rate);
        for (const b of BANDS) expect(Math.abs(rate - typical[placed])).toBeLessThanOrEqual(Math.abs(rate - typical[b]) + 1e-12);
      }),
    );
  });

  it('name the weakest key and its band, breaking ties in the order of the keys', () => {
    const p = placeAll({ deploymentFrequency: 3, leadTime: 4, changeFailureRate: 0.2, recoveryTime: 30 });
    expect(p.bands).toEqual({ deploymentFrequency: 'elite', leadTime: 'high', changeFailureRate: 'high', recoveryTime: 'elite' });
    expect(p.band).toBe('high');
    expect(p.weakest).toBe('leadTime');
    expect(p.weakestKeys).toEqual(['leadTime', 'changeFailureRate']);
    expect(allElite(p)).toBe(false);
  });

  it('call a run elite only when every key is elite', () => {
    const p = placeAll({ deploymentFrequency: 3, leadTime: 0.5, changeFailureRate: 0.04, recoveryTime: 45 });
    expect(p.band).toBe('elite');
    expect(allElite(p)).toBe(true);
  });

  it('leave a key with no value unplaced and out of the weakest', () => {
    const p = placeAll({ deploymentFrequency: 3, leadTime: 0.5, changeFailureRate: 0, recoveryTime: null });
    expect(p.bands.recoveryTime).toBeNull();
    expect(p.band).toBe('elite');
    expect(allElite(p)).toBe(false);
    expect(placeAll({ deploymentFrequency: null, leadTime: null, changeFailureRate: null, recoveryTime: null })).toMatchObject({ weakest: null, band: null });
  });

  it('refuse impossible values with a message that names the key', () => {
    expect(() => placeKey('leadTime', -1)).toThrow(/Lead time for changes cannot be negative/);
    expect(() => placeKey('deploymentFrequency', Number.NaN)).toThrow(/Deployment frequency must be a finite number/);
    expect(() => placeKey('changeFailureRate', 12)).toThrow(/fraction from 0 to 1/);
    expect(() => placeKey('speed' as never, 1)).toThrow(/not one of the four keys/);
  });
});
