// Tests for the drift sim's definition: its result code decodes with its parts on the debrief page, and its decision rule.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { model, summarize } from '../../../src/models/drift/index.ts';
import { driftFields, driftParams, type DriftValues } from '../../../src/schemas/drift-scenario.ts';
import { driftCode, driftRun } from '../../../src/sims/drift.ts';
import { CODE_SPECS, simById, simForLesson } from '../../../src/sims/registry.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';

const values = (over: Partial<DriftValues> = {}): DriftValues => ({ ...defaultValues(driftFields), ...over });

describe('the drift sim', () => {
  it('is registered for the source-control lesson with its own code letters', () => {
    expect(simForLesson('source-control')?.id).toBe('drift');
    expect(simById('drift')?.missions).toBe(2);
    expect(CODE_SPECS.filter((s) => s.sim === driftCode.sim)).toHaveLength(1);
  });

  it('makes result codes that decode to the run’s numbers', () => {
    const v = values({ policy: 'code' });
    const s = summarize(runToEnd(model, driftParams(v), 2026));
    const decoded = decodeResult(CODE_SPECS, encodeResult(driftCode, 2026, v, s, 'ab12'));
    expect(decoded).toMatchObject({ ok: true, sim: 'dr', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      policy: 1,
      hand: 0,
      code: s.codeFixes,
      configs: 1,
      incidents: 0,
      minutes: s.totalMinutes,
      rebuild: 30,
      reverts: s.reverts,
    });
  });

  it('puts two learners on the same dice in one scenario on the debrief page, whatever they chose', () => {
    const byHand = values({ policy: 'hand' });
    const byCode = values({ policy: 'code' });
    const a = encodeResult(driftCode, 7, byHand, summarize(runToEnd(model, driftParams(byHand), 7)), 'aaaa');
    const b = encodeResult(driftCode, 7, byCode, summarize(runToEnd(model, driftParams(byCode), 7)), 'bbbb');
    const report = readClassCodes(`Ana: ${a}\nBo: ${b}`);
    expect(report.counted).toBe(2);
    const drift = report.sims.find((g) => g.sim.id === 'drift');
    expect(drift?.scenarios).toHaveLength(1);
  });

  it('charts each learner on the debrief page: team time against the share of fixes made by hand, a shape per default', () => {
    const chart = simById('drift')!.chart!;
    const runs = (['hand', 'code', 'mixed'] as const).map((policy) => {
      const v = values({ policy });
      const s = summarize(runToEnd(model, driftParams(v), 7));
      const decoded = decodeResult(CODE_SPECS, encodeResult(driftCode, 7, v, s, 'abcd'));
      if (!decoded.ok) throw new Error(decoded.reason);
      return { s, point: [chart.x(decoded.values), chart.y(decoded.values), chart.group(decoded.values)] };
    });
    const [hand, code, mixed] = runs;
    expect(hand!.point).toEqual([100, Math.round(hand!.s.totalMinutes / 6) / 10, 'By hand']);
    expect(code!.point).toEqual([0, Math.round(code!.s.totalMinutes / 6) / 10, 'In the configuration']);
    expect(mixed!.point[2]).toBe('A mix');
    // The lesson's point, on the chart: on the same dice, fixing everything by hand costs the team more time over the quarter.
    expect(hand!.point[1] as number).toBeGreaterThan(code!.point[1] as number);
    // A learner with no fixes to show is left off the chart rather than drawn at a made-up share.
    expect(chart.x({ hand: 0, code: 0, minutes: 0, policy: 0 })).toBeNull();
  });

  it('waits for the learner while an event needs a fix, and not on a quiet day', () => {
    let state = model.init(driftParams(values()), 5);
    expect(driftRun.needsDecision(state)).toBe(false);
    while (state.waiting.length === 0) state = model.step(state, driftRun.tick);
    expect(driftRun.needsDecision(state)).toBe(true);
  });
});
