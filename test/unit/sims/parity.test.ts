// Tests for the parity sim's definition: registered for its lesson, its result code decodes with its parts on the debrief page, and it never stops for a decision.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { model, summarize } from '../../../src/models/parity/index.ts';
import { parityFields, parityParams, type ParityValues } from '../../../src/schemas/parity-scenario.ts';
import { fixMask, parityCode, parityRun, savedSummary } from '../../../src/sims/parity.ts';
import { CODE_SPECS, simById, simForLesson } from '../../../src/sims/registry.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';
import { parityMissions } from '../../../src/models/parity/index.ts';

const values = (over: Partial<ParityValues> = {}): ParityValues => ({ ...defaultValues(parityFields), ...over });

describe('the parity sim', () => {
  it('is registered for the production lesson with its own code letter and its missions', () => {
    expect(simForLesson('production')?.id).toBe('parity');
    expect(simById('parity')?.missions).toBe(parityMissions.length);
    expect(CODE_SPECS.filter((s) => s.sim === 'p')).toHaveLength(1);
  });

  it('counts the fixes as bits in the order of the table', () => {
    expect(fixMask(values())).toBe(0);
    expect(fixMask(values({ containers: true, lockfile: true, pin: true }))).toBe(1 + 4 + 8);
    expect(fixMask(values({ network: true, data: true, budget: 12 }))).toBe(2 + 16);
  });

  it('makes result codes that decode to the run’s numbers', () => {
    const v = values({ containers: true, lockfile: true, every: 5 });
    const s = summarize(runToEnd(model, parityParams(v), 2026));
    const decoded = decodeResult(CODE_SPECS, encodeResult(parityCode, 2026, v, s, 'ab12'));
    expect(decoded).toMatchObject({ ok: true, sim: 'p', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      every: 5,
      fixes: 5,
      spent: 3,
      desk: s.failedDevelopment,
      staging: 0,
      production: s.failedProduction,
      hours: Math.round(s.findHours),
      gap: Math.round(s.versionGap * 10),
      deploys: s.deploys,
      waiting: s.waiting,
    });
  });

  it('puts learners on the same dice in one scenario on the debrief page, whatever fixes and interval they chose, and charts them', () => {
    const a = values();
    const b = values({ containers: true, lockfile: true, pin: true, every: 1 });
    const codeOf = (v: ParityValues, nonce: string) => encodeResult(parityCode, 7, v, summarize(runToEnd(model, parityParams(v), 7)), nonce);
    const report = readClassCodes(`Ana: ${codeOf(a, 'aaaa')}\nBo: ${codeOf(b, 'bbbb')}`);
    expect(report.counted).toBe(2);
    const group = report.sims.find((g) => g.sim.id === 'parity');
    expect(group?.scenarios).toHaveLength(1);
    const chart = simById('parity')!.chart!;
    const decoded = decodeResult(CODE_SPECS, codeOf(b, 'cccc'));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(chart.group(decoded.values)).toBe('3 gaps closed');
    expect(chart.x(decoded.values)).toBeLessThan(1);
  });

  it('never stops the run for a decision: deploys are the learner’s actions', () => {
    let state = model.init(parityParams(values()), 5);
    for (let d = 0; d < 20; d++) {
      expect(parityRun.needsDecision(state)).toBe(false);
      state = model.step(state, parityRun.tick);
    }
  });

  it('keeps a flat summary in saved progress', () => {
    const v = values({ lockfile: true });
    const saved = savedSummary(v, runToEnd(model, parityParams(v), 3));
    expect(saved).toMatchObject({ every: 10, fixes: 'lockfile', spent: 1 });
    expect(Object.values(saved).every((x) => typeof x === 'number' || typeof x === 'string')).toBe(true);
  });
});
