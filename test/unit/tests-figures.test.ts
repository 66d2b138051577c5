// Checks that the testing lesson and its facilitator guide state the test-portfolio model's own figures (defaults, seeds 1 to 200).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { overSeeds } from '../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../src/sim-kit/core/fields.ts';
import { HOURS_PER_TEST, expectedNumbers, model, summarize, type PortfolioFigures } from '../../src/models/tests/index.ts';
import { PRESETS, testsFields, testsParams, type TestsValues } from '../../src/schemas/tests-scenario.ts';
import { SUITES } from '../../src/schemas/batch-scenario.ts';

const lesson = readFileSync(new URL('../../content/lessons/03-principles/02-testing.mdx', import.meta.url), 'utf8');
const guide = parse(readFileSync(new URL('../../content/facilitator/testing.yaml', import.meta.url), 'utf8')) as { expected: string[] };
const defaults: TestsValues = defaultValues(testsFields);
const own = (unit: number, integ: number, ui: number, system: number) => testsParams({ ...defaults, preset: 'custom', unit, integ, ui, system });
const n = expectedNumbers({
  pyramid: testsParams({ ...defaults, preset: 'pyramid' }),
  hourglass: testsParams({ ...defaults, preset: 'hourglass' }),
  cone: testsParams({ ...defaults, preset: 'ice-cream-cone' }),
  unitOnly: own(100, 0, 0, 0),
  best: own(70, 30, 0, 0),
}) as Record<'pyramid' | 'hourglass' | 'cone' | 'unitOnly' | 'best', PortfolioFigures>;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const journeys = (params: ReturnType<typeof testsParams>) => overSeeds(model, params, 200, (end) => summarize(end));

/** Whether a shown figure is the model's, rounded to the digits shown (one unit of the last digit either way). */
function agrees(shown: number, actual: number, digits: number): boolean {
  return Math.abs(shown - actual) <= 10 ** -digits + 1e-9;
}

/** The numbers a regular expression captures in a text, or a failure naming what was looked for. */
function grab(text: string, pattern: RegExp): number[] {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no match for ${pattern}`);
  return m.slice(1).map(Number);
}

/** The cells of the lesson's table row that starts with `label`, as text. */
function row(label: string): string[] {
  const line = lesson.split('\n').find((l) => l.trim().startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/03-principles/02-testing.mdx: no table row for “${label}”`);
  return line
    .trim()
    .split('|')
    .slice(2, -1)
    .map((c) => c.trim());
}
const numbers = (label: string) => row(label).map((cell) => Number(/-?[\d.]+/.exec(cell)![0]));

describe('the testing lesson’s simulation figures', () => {
  it('states the model’s defaults: the hours, the builds, the share of defective changes and the cost of each test', () => {
    expect(lesson).toContain(`gives a team ${defaults.effort} hours to write tests`);
    expect(lesson).toContain(`Then ${defaults.builds} changes go through the pipeline`);
    expect(defaults.defect).toBe(20);
    expect(lesson).toContain('one change in five carries a defect');
    expect(
      grab(
        lesson,
        /A unit test takes (\d+) hour to write, an integration test (\d+), a user interface test (\d+) and a system test of the whole journey (\d+)/,
      ),
    ).toEqual([HOURS_PER_TEST.unit, HOURS_PER_TEST.integration, HOURS_PER_TEST.ui, HOURS_PER_TEST.system]);
    expect(lesson).toContain(`| Over ${defaults.builds} builds, on average | Pyramid | Hourglass | Ice-cream cone |`);
  });

  it('gives each preset’s shares as the scenario table defines them', () => {
    expect(row('Effort on unit, integration, interface, system (%)')).toEqual(
      (['pyramid', 'hourglass', 'ice-cream-cone'] as const).map((p) => [PRESETS[p].unit, PRESETS[p].integration, PRESETS[p].ui, PRESETS[p].system].join(', ')),
    );
  });

  const columns = [n.pyramid, n.hourglass, n.cone];
  const cases: Array<[string, (f: PortfolioFigures) => number, number]> = [
    ['One run of the suite (minutes)', (f) => f.suiteMinutes, 1],
    ['Pipeline minutes, reruns included', (f) => f.pipelineMinutes, 0],
    ['Flaky failures', (f) => f.flakyFailures, 1],
    ['Red builds ignored', (f) => f.ignoredReds, 1],
    ['Defects caught', (f) => f.caught, 1],
    ['Defects shipped', (f) => f.escaped, 1],
    ['Escape rate (defects shipped per change)', (f) => f.escapePercent, 1],
  ];
  for (const [label, read, digits] of cases)
    it(`gives the model’s averages for “${label}”`, () => {
      const shown = numbers(label);
      columns.forEach((f, i) => expect(agrees(shown[i]!, read(f), digits), `${label}, column ${i + 1}: ${shown[i]} against ${read(f)}`).toBe(true));
    });

  it('says how much slower and flakier the cone is, as the model’s ratios round', () => {
    expect(lesson).toContain('over four times slower per run');
    expect(Math.floor(n.cone.suiteMinutes / n.pyramid.suiteMinutes)).toBe(4);
    expect(lesson).toContain('fails for no reason three times as often');
    expect(Math.round(n.cone.flakyFailures / n.pyramid.flakyFailures)).toBe(3);
    expect(n.cone.escaped).toBeGreaterThan(n.pyramid.escaped);
  });

  it('states honestly that the model gives the top little to do: unit tests alone do about as well, and the best split found has no top', () => {
    expect(grab(lesson, /an escape rate of (\d+(?:\.\d+)?)% against (\d+(?:\.\d+)?)%\)/)).toEqual([n.unitOnly.escapePercent, n.pyramid.escapePercent]);
    expect(grab(lesson, /(\d+)% unit and (\d+)% integration tests, with an escape rate of (\d+(?:\.\d+)?)%/)).toEqual([70, 30, n.best.escapePercent]);
    expect(n.best.escapePercent).toBeLessThan(n.pyramid.escapePercent);
  });

  it('gives the journeys each suite lets through, and none caught without a system or interface test', () => {
    const unitOnly = journeys(own(100, 0, 0, 0));
    const pyramid = journeys(testsParams({ ...defaults, preset: 'pyramid' }));
    const cone = journeys(testsParams({ ...defaults, preset: 'ice-cream-cone' }));
    expect(unitOnly.every((s) => s.caughtJourney === 0)).toBe(true);
    const shown = grab(
      lesson,
      /lets every broken journey through \((\d+(?:\.\d+)?) a run on average\), the pyramid (\d+(?:\.\d+)?) and the cone (\d+(?:\.\d+)?)/,
    );
    [unitOnly, pyramid, cone].forEach((runs, i) =>
      expect(agrees(shown[i]!, mean(runs.map((s) => s.escapedJourney)), 1), `journeys, suite ${i + 1}`).toBe(true),
    );
  });

  it('compares the escape rates with the batch sim’s weak suite as the model and the batch scenario give them', () => {
    expect(grab(lesson, /\((\d+(?:\.\d+)?)% for the pyramid, (\d+(?:\.\d+)?)% for the cone\)/)).toEqual([n.pyramid.escapePercent, n.cone.escapePercent]);
    for (const f of [n.pyramid, n.hourglass, n.cone]) expect(f.escapePercent).toBeGreaterThan(10);
    expect(grab(lesson, /even the best split['’]s (\d+(?:\.\d+)?)% is worse than the batch-size simulation['’]s weak suite of (\d+)%/)).toEqual([
      n.best.escapePercent,
      SUITES.weak,
    ]);
    expect(n.best.escapePercent).toBeGreaterThan(SUITES.weak);
  });
});

describe('the testing facilitator guide’s expected numbers', () => {
  const text = guide.expected.join('\n');
  it('gives the model’s suite, pipeline, flakiness and trust figures for the cone and the pyramid', () => {
    expect(
      grab(text, /suite takes (\d+(?:\.\d+)?) minutes a run against (\d+(?:\.\d+)?) for the pyramid and uses (\d+) pipeline minutes against (\d+)/),
    ).toEqual([n.cone.suiteMinutes, n.pyramid.suiteMinutes, n.cone.pipelineMinutes, n.pyramid.pipelineMinutes]);
    expect(
      grab(text, /It gives (\d+(?:\.\d+)?) flaky failures against (\d+(?:\.\d+)?), people ignore (\d+(?:\.\d+)?) red builds against (\d+(?:\.\d+)?)/),
    ).toEqual([n.cone.flakyFailures, n.pyramid.flakyFailures, n.cone.ignoredReds, n.pyramid.ignoredReds]);
  });

  it('gives the model’s escapes for the three shapes and for unit tests alone', () => {
    expect(
      grab(
        text,
        /ships (\d+(?:\.\d+)?) defects a run, an escape rate of (\d+(?:\.\d+)?)%, against the pyramid['’]s (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)%; the hourglass sits between at (\d+(?:\.\d+)?)%/,
      ),
    ).toEqual([n.cone.escaped, n.cone.escapePercent, n.pyramid.escaped, n.pyramid.escapePercent, n.hourglass.escapePercent]);
    expect(grab(text, /only unit tests ship (\d+(?:\.\d+)?)% of changes/)).toEqual([n.unitOnly.escapePercent]);
    expect(grab(text, /broken journeys, (\d+(?:\.\d+)?) a run against (\d+(?:\.\d+)?) for the pyramid/)).toEqual(
      grab(lesson, /lets every broken journey through \((\d+(?:\.\d+)?) a run on average\), the pyramid (\d+(?:\.\d+)?)/),
    );
    expect(grab(text, /weak suite \((\d+)%\)/)).toEqual([SUITES.weak]);
  });
});
