// Tests for the provisioning sim's definition: its decision rule, its result code decoding on the debrief page, and the debrief chart's reading of it.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { model } from '../../../src/models/provision/index.ts';
import { provisionFields, provisionParams, type ProvisionValues } from '../../../src/schemas/provision-scenario.ts';
import { provisionCode, provisionOutcome, provisionRun, savedSummary } from '../../../src/sims/provision.ts';
import { CODE_SPECS, simById, simForLesson } from '../../../src/sims/registry.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';

const values = (over: Partial<ProvisionValues> = {}): ProvisionValues => ({ ...defaultValues(provisionFields), ...over });
const end = (v: ProvisionValues, seed = 2026) => runToEnd(model, provisionParams(v), seed);

describe('the provisioning sim', () => {
  it('is registered for the provisioning lesson, with three missions and its own code letters', () => {
    expect(simForLesson('provisioning')?.id).toBe('provision');
    expect(simById('provision')?.missions).toBe(3);
    expect(provisionCode.sim).toBe('pv');
    expect(CODE_SPECS.filter((s) => s.sim === 'pv')).toHaveLength(1);
  });

  it('waits for the learner at every guided step and not once the run is over', () => {
    let state = model.init(provisionParams(values()), 1);
    for (let i = 0; i < 6; i++) {
      expect(provisionRun.needsDecision(state)).toBe(true);
      state = model.step(state, model.autoplay(state));
    }
    expect(model.isOver(state)).toBe(true);
    expect(provisionRun.needsDecision(state)).toBe(false);
    expect(provisionRun.tick).toEqual({ type: 'apply' });
  });

  it('makes result codes that decode to the run’s numbers and the learner’s choices', () => {
    const v = values({ fleet: 60, slip: 4.5, patch: 'hand', review: true, staging: true });
    const s = provisionOutcome(end(v));
    const decoded = decodeResult(CODE_SPECS, encodeResult(provisionCode, 2026, v, s, 'ab12'));
    expect(decoded).toMatchObject({ ok: true, sim: 'pv', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      fleet: 60,
      slip: 45,
      defined: 3,
      commands: 6,
      applies: 2,
      last: 0,
      patch: 0,
      missed: s.missed,
      pmin: 600,
      guard: 3,
      exposed: 0,
      caught: s.caughtBy === 'review' ? 1 : 2,
      rmin: s.releaseMinutes,
    });
  });

  it('puts learners on the same dice in one scenario on the debrief page and charts servers missed against fleet size', () => {
    const byHand = values({ patch: 'hand' });
    const byDefinition = values({ patch: 'definition' });
    const a = encodeResult(provisionCode, 7, byHand, provisionOutcome(end(byHand, 7)), 'aaaa');
    const b = encodeResult(provisionCode, 7, byDefinition, provisionOutcome(end(byDefinition, 7)), 'bbbb');
    const report = readClassCodes(`Ana: ${a}\nBo: ${b}`);
    const group = report.sims.find((g) => g.sim.id === 'provision');
    expect(group?.scenarios).toHaveLength(1);
    const chart = simById('provision')!.chart!;
    const points = group!.scenarios[0]!.results.map((r) => [chart.x(r.values), chart.y(r.values), chart.group(r.values)]);
    expect(points).toEqual([
      [40, provisionOutcome(end(byHand, 7)).missed, 'By hand'],
      [40, 0, 'Through the definition'],
    ]);
  });

  it('keeps a flat summary of the headline numbers in saved progress', () => {
    const v = values({ patch: 'definition' });
    expect(savedSummary(v, end(v))).toEqual({
      fleet: 40,
      declaredServers: 3,
      scriptedServers: 6,
      lastPlanSteps: 0,
      patchedBy: 'definition',
      missed: 0,
      patchMinutes: 30,
      exposed: 40,
      releaseMinutes: 10,
    });
  });
});
