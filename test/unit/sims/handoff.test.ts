// Tests for the handoff sim's definition: its result code decodes with its parts, and the class debrief reads it beside the batch sim's.
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { simulate, summarize } from '../../../src/models/handoff/index.ts';
import { handoffFields, handoffParams, type HandoffValues } from '../../../src/schemas/handoff-scenario.ts';
import { handoffCode } from '../../../src/sims/handoff.ts';
import { CODE_SPECS, SIMS, simForLesson } from '../../../src/sims/registry.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';
import { MISSIONS } from '../../../src/models/handoff/missions.ts';

const values = (over: Partial<HandoffValues> = {}): HandoffValues => ({ ...defaultValues(handoffFields), ...over });
const codeFor = (over: Partial<HandoffValues>, seed: number, nonce: string) => {
  const v = values(over);
  return encodeResult(handoffCode, seed, v, summarize(simulate(handoffParams(v), seed)), nonce);
};

describe('the handoff sim’s result code', () => {
  it('decodes to the way of working, the levers and the run’s headline numbers', () => {
    const v = values({ way: 'agile', cadence: 'month', wip: 6, fast: true, busy: 70 });
    const s = summarize(simulate(handoffParams(v), 2026));
    const decoded = decodeResult(CODE_SPECS, encodeResult(handoffCode, 2026, v, s, 'zz90'));
    expect(decoded).toMatchObject({ ok: true, sim: 'h', version: 1, nonce: 'zz90' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      way: 1,
      batch: 0,
      cadence: 5,
      wip: 6,
      fast: 1,
      busy: 70,
      items: s.items,
      live: s.live,
      lead: 1 + Math.round(s.leadMedian!),
      flow: Math.round(100 * s.flowEfficiency!),
      feedback: 1 + Math.round(s.firstFeedbackDay!),
      laps: s.reworkLaps,
      door: s.doorPeak,
    });
  });

  it('gives learners on the same dice one scenario whatever way of working they pick', () => {
    const a = decodeResult(CODE_SPECS, codeFor({ way: 'waterfall' }, 7, 'aaaa'));
    const b = decodeResult(CODE_SPECS, codeFor({ way: 'devops', fast: true }, 7, 'bbbb'));
    const c = decodeResult(CODE_SPECS, codeFor({ way: 'devops' }, 8, 'cccc'));
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(a.scenario).toBe(b.scenario);
    expect(c.scenario).not.toBe(a.scenario);
  });

  it('is charted by the class debrief apart from batch codes', () => {
    const codes = ['waterfall', 'agile', 'devops'].map((way, i) => codeFor({ way: way as HandoffValues['way'] }, 2026, `n00${i}`));
    const report = readClassCodes(codes.join('\n'));
    expect(report.counted).toBe(3);
    const group = report.sims.find((g) => g.sim.id === 'handoff');
    expect(group?.scenarios[0]?.results).toHaveLength(3);
  });

  it('gives the debrief chart each learner’s first feedback day and median lead time, grouped by way of working', () => {
    const v = values({ way: 'devops', fast: true });
    const s = summarize(simulate(handoffParams(v), 11));
    const decoded = decodeResult(CODE_SPECS, encodeResult(handoffCode, 11, v, s, 'q1q1'));
    if (!decoded.ok) throw new Error(decoded.reason);
    const chart = SIMS.find((e) => e.id === 'handoff')!.chart!;
    expect(chart.x(decoded.values)).toBe(Math.round(s.firstFeedbackDay!));
    expect(chart.y(decoded.values)).toBe(Math.round(s.leadMedian!));
    expect(chart.group(decoded.values)).toBe('DevOps, twice as fast');
  });

  it('uses a code letter no other sim uses, and the registry names both lessons and every mission', () => {
    expect(SIMS.filter((s) => s.code.sim === 'h')).toHaveLength(1);
    expect(simForLesson('waterfall')?.id).toBe('handoff');
    expect(simForLesson('agile')?.id).toBe('handoff');
    expect(SIMS.find((s) => s.id === 'handoff')?.missions).toBe(MISSIONS.length);
  });
});
