// The test-portfolio sim's definition: its fields, model, run controls (a red build waiting for a response is the decision), result code and the link into the batch-size sim.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import { batchLink, model as testsModel, summarize, type TestsAction, type TestsParams, type TestsState, type TestsSummary } from '../models/tests/index.ts';
import { sharePercents, sharesMessage, testsFields, testsParams, type TestsValues } from '../schemas/tests-scenario.ts';

export { testsFields, testsModel };

/** The run stops at every red build: the learner investigates it or waves it through. */
export const testsRun: RunMachineOptions<TestsState, TestsAction> = {
  id: 'tests',
  tick: { type: 'build' },
  needsDecision: (state) => state.awaiting !== null,
};

/**
 * Model params for the page. Custom shares that do not add up to 100 cannot be played (the setup says why and keeps Start
 * disabled); until they do, the machine holds the default shape so the page never breaks on a half-typed share or a bad link.
 */
export function testsSimParams(values: TestsValues): TestsParams {
  return testsParams(sharesMessage(values) === null ? values : { ...values, preset: testsFields.preset.default });
}

const PRESET_INDEX = { 'ice-cream-cone': 0, pyramid: 1, hourglass: 2, custom: 3 } as const;
export const PRESET_NAMES = ['Ice-cream cone', 'Pyramid', 'Hourglass', 'Own shares'] as const;

/** What a test-portfolio result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const testsCode: CodeSpec<TestsValues, TestsSummary> = {
  sim: 't',
  version: 1,
  world: ['effort', 'builds', 'defect', 'window'],
  parts: [
    { key: 'shape', label: 'Portfolio shape (0 ice-cream cone, 1 pyramid, 2 hourglass, 3 own shares)', read: (v) => PRESET_INDEX[v.preset] },
    { key: 'unit', label: 'Unit share (%)', read: (v) => sharePercents(v).unit },
    { key: 'integ', label: 'Integration share (%)', read: (v) => sharePercents(v).integration },
    { key: 'ui', label: 'User interface share (%)', read: (v) => sharePercents(v).ui },
    { key: 'system', label: 'System share (%)', read: (v) => sharePercents(v).system },
    { key: 'suite', label: 'One suite run (tenths of a minute)', read: (_, s) => s.suiteMinutes * 10 },
    { key: 'pipeline', label: 'Pipeline minutes', read: (_, s) => s.pipelineMinutes },
    { key: 'caught', label: 'Defects caught', read: (_, s) => s.caught },
    { key: 'escaped', label: 'Defects escaped', read: (_, s) => s.escaped },
    { key: 'flaky', label: 'Flaky failures', read: (_, s) => s.flakyFailures },
    { key: 'ignored', label: 'Red builds ignored', read: (_, s) => s.ignoredReds },
    { key: 'escape', label: 'Escape rate (per mille of builds)', read: (_, s) => s.escapeRate * 1000 },
  ],
};

/** The flat summary kept in saved progress (and read by the metrics dashboard). */
export function savedSummary(values: TestsValues, run: TestsState) {
  const s = summarize(run);
  return {
    preset: values.preset,
    suiteMinutes: s.suiteMinutes,
    pipelineMinutes: s.pipelineMinutes,
    caught: s.caught,
    escaped: s.escaped,
    flakyFailures: s.flakyFailures,
    ignoredReds: s.ignoredReds,
    escapePercent: Math.round(s.escapeRate * 1000) / 10,
  };
}

/** The batch-size lesson's address with this run's escape rate as its defect percent (the batch field's 0 to 50). */
export function batchHref(base: string, summary: Pick<TestsSummary, 'escaped' | 'builds'>): string {
  return `${base.replace(/\/$/, '')}/lessons/batch-size/?${batchLink(summary)}`;
}
