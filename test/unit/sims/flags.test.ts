// Tests for the flags sim's definition: its registry entry, its result code on the debrief page, its saved summary and its decision rule.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { model, step, summarize, type FlagsState } from '../../../src/models/flags/index.ts';
import { flagsFields, flagsParams, type FlagsScenarioValues } from '../../../src/schemas/flags-scenario.ts';
import { alertWaiting, flagsCode, flagsRun, planStep, savedSummary } from '../../../src/sims/flags.ts';
import { CODE_SPECS, simById, simForLesson } from '../../../src/sims/registry.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';

const values = (over: Partial<FlagsScenarioValues> = {}): FlagsScenarioValues => ({ ...defaultValues(flagsFields), ...over });
const end = (v: FlagsScenarioValues, seed = 2026) => runToEnd(model, flagsParams(v), seed);

describe('the flags sim', () => {
  it('is registered for the deployment lesson with its own code letter and two missions', () => {
    expect(simForLesson('deployment')?.id).toBe('flags');
    expect(simById('flags')?.missions).toBe(2);
    expect(CODE_SPECS.filter((s) => s.sim === 'f')).toHaveLength(1);
  });

  it('makes result codes that decode to the run’s numbers', () => {
    const v = values({ dark: '5', rollout: '25', plan: 'ramp' });
    const s = summarize(end(v));
    const code = encodeResult(flagsCode, 2026, v, s, 'ab12');
    expect(code.length).toBeLessThanOrEqual(160);
    const decoded = decodeResult(CODE_SPECS, code);
    expect(decoded).toMatchObject({ ok: true, sim: 'f', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      release: 0,
      dark: 5,
      rollout: 25,
      plan: 1,
      escaped: s.escaped,
      exposed: s.usersExposed,
      hurt: Math.round(s.usersHurt!),
      load: Math.round(s.peakDbLoadPercent!),
      alert: s.firstAlertMinute === null ? 0 : s.firstAlertMinute + 1,
      revealed: s.loadRevealedMinute === null ? 0 : s.loadRevealedMinute + 1,
      stopped: s.killedMinute === null ? 0 : s.killedMinute + 1,
      final: s.finalRolloutPercent,
      false: s.falseAlarms,
    });
  });

  it('puts two learners on the same dice in one scenario on the debrief page, and charts users hurt against the rollout', () => {
    const full = values({ release: 'full' });
    const small = values({ rollout: '5' });
    const a = encodeResult(flagsCode, 7, full, summarize(end(full, 7)), 'aaaa');
    const b = encodeResult(flagsCode, 7, small, summarize(end(small, 7)), 'bbbb');
    const report = readClassCodes(`Ana: ${a}\nBo: ${b}`);
    expect(report.counted).toBe(2);
    const group = report.sims.find((g) => g.sim.id === 'flags');
    expect(group?.scenarios).toHaveLength(1);
    const chart = simById('flags')!.chart!;
    const decoded = decodeResult(CODE_SPECS, b);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(chart.x(decoded.values)).toBe(5);
    expect(chart.group(decoded.values)).toBe('Flag, no dark launch');
  });

  it('keeps at most 24 numbers per saved run, under the dashboard’s names', () => {
    const saved = savedSummary(values(), end(values()));
    expect(Object.keys(saved).length).toBeLessThanOrEqual(24);
    expect(saved).toMatchObject({ release: 'flag', rollout: 100, plan: 'hold' });
    for (const key of ['pages', 'rollbacks', 'peakLoadPercent', 'usersHurt']) expect(saved).toHaveProperty(key);
  });

  it('waits through the pipeline, at each due step of the plan, and at a fresh alert, and not on a quiet minute', () => {
    let s: FlagsState = model.init(flagsParams(values({ dark: '5' })), 2026);
    expect(flagsRun.needsDecision(s)).toBe(true);
    while (s.phase === 'pipeline') s = step(s, { type: 'next' });
    expect(planStep(s)).toEqual({ type: 'dark', percent: 5 });
    expect(flagsRun.needsDecision(s)).toBe(true);
    s = step(s, planStep(s)!);
    expect(flagsRun.needsDecision(s)).toBe(false);
    while (!flagsRun.needsDecision(s)) s = step(s, flagsRun.tick);
    // The dark path's load shows before the hour is over on this seed: an alert waits, and the plan holds while it does.
    expect(alertWaiting(s)).toBe(true);
    expect(planStep(s)).toBeNull();
    const kept = step(s, flagsRun.tick);
    expect(alertWaiting(kept)).toBe(false);
  });
});
