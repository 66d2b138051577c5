// Tests for the test-portfolio sim's definition: its registry entry, result codes on the debrief page, its decision rule, the page's params and the link into the batch sim.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues, parseScenario } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { model, summarize } from '../../../src/models/tests/index.ts';
import { testsFields, testsParams, type TestsValues } from '../../../src/schemas/tests-scenario.ts';
import { batchFields } from '../../../src/schemas/batch-scenario.ts';
import { batchHref, savedSummary, testsCode, testsRun, testsSimParams } from '../../../src/sims/tests.ts';
import { CODE_SPECS, simById, simForLesson } from '../../../src/sims/registry.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';

const values = (over: Partial<TestsValues> = {}): TestsValues => ({ ...defaultValues(testsFields), ...over });

describe('the test-portfolio sim', () => {
  it('is registered for the testing lesson, with its own code letter and both missions', () => {
    expect(simForLesson('testing')?.id).toBe('tests');
    expect(simById('tests')?.missions).toBe(2);
    expect(CODE_SPECS.filter((s) => s.sim === 't')).toHaveLength(1);
  });

  it('makes result codes that decode to the run’s shares and numbers', () => {
    const v = values({ preset: 'custom', unit: 70, integ: 20, ui: 5, system: 5 });
    const s = summarize(runToEnd(model, testsParams(v), 2026));
    const decoded = decodeResult(CODE_SPECS, encodeResult(testsCode, 2026, v, s, 'ab12'));
    expect(decoded).toMatchObject({ ok: true, sim: 't', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      shape: 3,
      unit: 70,
      integ: 20,
      ui: 5,
      system: 5,
      suite: Math.round(s.suiteMinutes * 10),
      pipeline: Math.round(s.pipelineMinutes),
      caught: s.caught,
      escaped: s.escaped,
      flaky: s.flakyFailures,
      ignored: s.ignoredReds,
      escape: Math.round(s.escapeRate * 1000),
    });
  });

  it('puts two learners on the same dice in one scenario on the debrief page, whatever shape they chose, and charts them', () => {
    const cone = values();
    const pyramid = values({ preset: 'pyramid' });
    const a = encodeResult(testsCode, 7, cone, summarize(runToEnd(model, testsParams(cone), 7)), 'aaaa');
    const b = encodeResult(testsCode, 7, pyramid, summarize(runToEnd(model, testsParams(pyramid), 7)), 'bbbb');
    const report = readClassCodes(`Ana: ${a}\nBo: ${b}`);
    expect(report.counted).toBe(2);
    const group = report.sims.find((g) => g.sim.id === 'tests');
    expect(group?.scenarios).toHaveLength(1);
    const chart = simById('tests')!.chart!;
    const decoded = decodeResult(CODE_SPECS, b);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(chart.group(decoded.values)).toBe('Pyramid');
    expect(chart.x(decoded.values)).toBe(5.7);
  });

  it('waits for the learner at a red build, and not at a green one', () => {
    let state = model.init(testsParams(values({ defect: 100 })), 5);
    expect(testsRun.needsDecision(state)).toBe(false);
    while (state.awaiting === null) state = model.step(state, testsRun.tick);
    expect(testsRun.needsDecision(state)).toBe(true);
  });

  it('holds the default shape while custom shares do not add up to 100, so a half-typed share never breaks the page', () => {
    const bad = values({ preset: 'custom', unit: 50, integ: 10, ui: 10, system: 10 });
    expect(() => testsParams(bad)).toThrow(/add up to 80%/);
    expect(testsSimParams(bad)).toEqual(testsParams(values()));
    const good = values({ preset: 'custom', unit: 50, integ: 30, ui: 10, system: 10 });
    expect(testsSimParams(good).shares).toEqual({ unit: 0.5, integration: 0.3, ui: 0.1, system: 0.1 });
  });

  it('keeps the headline numbers of a run in saved progress', () => {
    const v = values({ preset: 'pyramid' });
    const end = runToEnd(model, testsParams(v), 3);
    const s = summarize(end);
    expect(savedSummary(v, end)).toEqual({
      preset: 'pyramid',
      suiteMinutes: 5.7,
      pipelineMinutes: s.pipelineMinutes,
      caught: s.caught,
      escaped: s.escaped,
      flakyFailures: s.flakyFailures,
      ignoredReds: s.ignoredReds,
      escapePercent: Math.round(s.escapeRate * 1000) / 10,
    });
  });
});

describe('the link that carries the escape rate into the batch-size sim', () => {
  it('opens the batch lesson under the site’s base with the escape rate as its defect percent', () => {
    expect(batchHref('/', { escaped: 11, builds: 120 })).toBe('/lessons/batch-size/?defect=9.2');
    expect(batchHref('/course/', { escaped: 20, builds: 120 })).toBe('/course/lessons/batch-size/?defect=16.7');
  });

  it('gives a defect value the batch sim accepts without a problem, for every possible escape count', () => {
    for (const builds of [10, 120, 500])
      for (let escaped = 0; escaped <= builds; escaped++) {
        const query = batchHref('/', { escaped, builds }).split('?')[1]!;
        const { scenario, problems } = parseScenario(batchFields, query);
        expect(problems, query).toEqual([]);
        expect(scenario.values.defect).toBe(Math.min(50, Math.round((escaped / builds) * 1000) / 10));
      }
  });
});
