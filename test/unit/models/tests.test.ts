// Tests for the test-portfolio model: its rules, the share checks, the model contract, the missions, and the lesson's claim on 200 seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsToEnd, replay, runToEnd, sameDice } from '../../../src/sim-kit/core/model.ts';
import { defaultValues, parseScenario } from '../../../src/sim-kit/core/fields.ts';
import type { Fields, Values } from '../../../src/sim-kit/core/fields.ts';
import { PRESETS, sharesMessage, testsFields, testsParams, type TestsValues } from '../../../src/schemas/tests-scenario.ts';
import {
  ASSUMPTIONS,
  JOURNEY,
  KINDS,
  LEVELS,
  MISSIONS,
  SOURCES,
  batchLink,
  buildFlakeChance,
  catchChance,
  escapeRate,
  expectedNumbers,
  flakeChance,
  ignoreChance,
  init,
  isOver,
  missChance,
  model,
  narrate,
  sharesProblem,
  step,
  suiteMinutes,
  summarize,
  sweep,
  table,
  testCounts,
  withUnitShare,
  type TestsAction,
  type TestsParams,
  type TestsState,
  type TestsSummary,
} from '../../../src/models/tests/index.ts';

const values: TestsValues = defaultValues(testsFields);
const cone = testsParams(values);
const pyramid = testsParams({ ...values, preset: 'pyramid' });
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

/** Any values within the fields' bounds (whole numbers on whole steps). */
function valuesArb<F extends Fields>(fields: F): fc.Arbitrary<Values<F>> {
  const arbs = Object.fromEntries(
    Object.entries(fields).map(([name, f]) => [
      name,
      f.kind === 'number'
        ? Number.isInteger(f.step)
          ? fc.integer({ min: f.min, max: f.max })
          : fc.double({ min: f.min, max: f.max, noNaN: true })
        : f.kind === 'choice'
          ? fc.constantFrom(...f.options.map((o) => o.value))
          : fc.boolean(),
    ]),
  );
  return fc.record(arbs) as unknown as fc.Arbitrary<Values<F>>;
}
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Runs builds, investigating every red, until a red build waits (or the run ends). */
function toNextRed(state: TestsState): TestsState {
  let s = state;
  while (s.awaiting === null && !isOver(s)) s = step(s, { type: 'build' });
  return s;
}

describe('the test-portfolio scenario', () => {
  it('starts from the ice-cream cone, a top-heavy suite, with the same effort as every preset', () => {
    expect(values.preset).toBe('ice-cream-cone');
    for (const shares of Object.values(PRESETS)) expect(shares.unit + shares.integration + shares.ui + shares.system).toBe(100);
    expect(cone.shares).toEqual({ unit: 0.1, integration: 0.15, ui: 0.3, system: 0.45 });
    expect(cone.effort).toBe(pyramid.effort);
  });

  it('uses the four custom shares only for the custom shape', () => {
    expect(testsParams({ ...values, preset: 'custom', unit: 40, integ: 30, ui: 20, system: 10 }).shares).toEqual({
      unit: 0.4,
      integration: 0.3,
      ui: 0.2,
      system: 0.1,
    });
    expect(testsParams({ ...values, preset: 'pyramid', unit: 0 }).shares.unit).toBe(0.6);
  });

  it('refuses custom shares that do not add up to 100 with a message naming the total and each share', () => {
    const bad = { ...values, preset: 'custom' as const, unit: 40, integ: 30, ui: 20, system: 0 };
    expect(sharesMessage(bad)).toBe('The four shares add up to 90% (unit 40, integration 30, user interface 20, system 0); they must add up to 100%.');
    expect(() => testsParams(bad)).toThrow('add up to 90%');
    expect(sharesMessage(values)).toBeNull();
  });

  it('reads shares from a link and names a share out of range', () => {
    const { scenario, problems } = parseScenario(testsFields, 'preset=custom&unit=70&integ=20&ui=5&system=5');
    expect(problems).toEqual([]);
    expect(testsParams(scenario.values).shares.unit).toBe(0.7);
    expect(parseScenario(testsFields, 'unit=120').problems[0]!.message).toMatch(/“unit” must be at most 100/);
  });
});

describe('the test-portfolio rules', () => {
  it('buys whole tests with the effort: 120 unit, 16 integration, 3 interface and 1 system test in the pyramid', () => {
    expect(testCounts(pyramid)).toEqual({ unit: 120, integration: 16, ui: 3, system: 1 });
    expect(testCounts(cone)).toEqual({ unit: 20, integration: 10, ui: 10, system: 9 });
  });

  it('walks the photo-sharing journey in the system test', () => {
    expect(JOURNEY).toEqual(['open the home page', 'sign in', 'upload a photo', 'add a caption', 'publish', 'sign out']);
  });

  it('rejects shares that are out of range or do not sum to one, before any run', () => {
    expect(sharesProblem({ unit: 0.5, integration: 0.5, ui: 0, system: 0 })).toBeNull();
    expect(sharesProblem({ unit: 0.5, integration: 0.4, ui: 0, system: 0 })).toMatch(/add up to 90%/);
    expect(sharesProblem({ unit: 1.2, integration: -0.2, ui: 0, system: 0 })).toMatch(/unit share must be from 0% to 100%/);
    expect(() => init({ ...pyramid, shares: { unit: 0.5, integration: 0.4, ui: 0, system: 0 } }, 1)).toThrow(/Test portfolio: the four shares add up to 90%/);
  });

  it('catches more with more tests at a level, never a contract or journey defect with unit tests alone', () => {
    for (const level of LEVELS)
      for (const kind of KINDS) {
        expect(catchChance(pyramid, level, kind, 0)).toBe(0);
        expect(catchChance(pyramid, level, kind, 20)).toBeGreaterThanOrEqual(catchChance(pyramid, level, kind, 10));
      }
    expect(catchChance(pyramid, 'unit', 'contract', 1000)).toBe(0);
    expect(catchChance(pyramid, 'unit', 'journey', 1000)).toBe(0);
    expect(catchChance(pyramid, 'system', 'journey', 1)).toBeGreaterThan(catchChance(pyramid, 'unit', 'logic', 1));
  });

  it('makes slow levels flakier per test and a suite slower with each top-level test', () => {
    expect(flakeChance(pyramid, 'system', 1)).toBeGreaterThan(flakeChance(pyramid, 'ui', 1));
    expect(flakeChance(pyramid, 'ui', 1)).toBeGreaterThan(flakeChance(pyramid, 'integration', 1));
    expect(flakeChance(pyramid, 'integration', 1)).toBeGreaterThan(flakeChance(pyramid, 'unit', 1));
    expect(suiteMinutes(pyramid, testCounts(pyramid))).toBeCloseTo(120 * 0.005 + 16 * 0.1 + 3 * 0.5 + 2, 9);
    expect(suiteMinutes(cone, testCounts(cone))).toBeGreaterThan(4 * suiteMinutes(pyramid, testCounts(pyramid)));
  });

  it('makes a build flakier as effort moves from unit tests to the slow levels', () => {
    let previous = -1;
    for (let unit = 1; unit >= 0; unit -= 0.1) {
      const params = { ...pyramid, shares: withUnitShare({ unit: 0, integration: 0.25, ui: 0.25, system: 0.5 }, Math.max(0, unit)) };
      const chance = buildFlakeChance(params, testCounts(params));
      expect(chance).toBeGreaterThanOrEqual(previous);
      previous = chance;
    }
    expect(buildFlakeChance(cone, testCounts(cone))).toBeGreaterThan(2 * buildFlakeChance(pyramid, testCounts(pyramid)));
  });

  it('draws the same changes and defects whatever the portfolio', () => {
    expect(init(cone, 5).draws).toEqual(init(pyramid, 5).draws);
    expect(init(cone, 5).draws).not.toEqual(init(cone, 6).draws);
  });

  it('ignores reds as often as recent reds were false, and trusts them fully with no history', () => {
    const s = init(pyramid, 1);
    expect(ignoreChance(s)).toBe(0);
    expect(ignoreChance({ ...s, recentReds: [true, false, false, true] })).toBe(0.5);
  });

  it('remembers only the last reds of its window', () => {
    const end = runToEnd(model, { ...cone, trustWindow: 3 }, 4);
    expect(end.recentReds.length).toBeLessThanOrEqual(3);
  });

  it('fixes a defect when a real red is investigated and ships it when the red is ignored', () => {
    let seed = 1;
    let s = toNextRed(init(cone, seed));
    while (s.awaiting?.red !== 'true') s = toNextRed(init(cone, ++seed));
    const looked = step(s, { type: 'respond', how: 'investigate' });
    const ignored = step(s, { type: 'respond', how: 'ignore' });
    expect(looked.results.at(-1)!.outcome).toBe('caught');
    expect(ignored.results.at(-1)!.outcome).toBe('ignored');
    expect(summarize(ignored).escaped).toBe(summarize(looked).escaped + 1);
  });

  it('charges a rerun for a flaky red that is looked into, and nothing more for one ignored', () => {
    let s = toNextRed(init(cone, 1));
    while (s.awaiting?.red !== 'false') s = toNextRed(step(s, { type: 'respond', how: 'investigate' }));
    const minutes = s.awaiting!.minutes;
    expect(step(s, { type: 'respond', how: 'investigate' }).results.at(-1)!.minutes).toBeCloseTo(2 * minutes, 9);
    expect(step(s, { type: 'respond', how: 'ignore' }).results.at(-1)!.minutes).toBeCloseTo(minutes, 9);
  });

  it('runs no build while a red waits and ignores a response with no red', () => {
    const s = toNextRed(init(cone, 2));
    expect(step(s, { type: 'build' })).toBe(s);
    const fresh = init(cone, 2);
    expect(step(fresh, { type: 'respond', how: 'ignore' })).toBe(fresh);
  });

  it('lets no defect escape when every test level catches everything and nothing is flaky', () => {
    const perfect: TestsParams = {
      ...pyramid,
      catchPerTest: Object.fromEntries(LEVELS.map((l) => [l, { logic: 1, contract: 1, interface: 1, journey: 1 }])) as TestsParams['catchPerTest'],
      flakePerTest: { unit: 0, integration: 0, ui: 0, system: 0 },
    };
    for (const seed of SEEDS.slice(0, 20)) {
      const s = summarize(runToEnd(model, perfect, seed));
      expect(s.escaped).toBe(0);
      expect(s.caught).toBe(s.defects);
      expect(s.flakyFailures).toBe(0);
    }
  });

  it('escapes, without trust effects, at the rate the per-level chances predict', () => {
    const noFlakes: TestsParams = { ...pyramid, flakePerTest: { unit: 0, integration: 0, ui: 0, system: 0 } };
    const tests = testCounts(noFlakes);
    const predicted = noFlakes.defectChance * KINDS.reduce((p, k) => p + noFlakes.kindMix[k] * missChance(noFlakes, tests, k), 0);
    const observed = mean(SEEDS.map((seed) => summarize(runToEnd(model, noFlakes, seed)).escapeRate));
    expect(Math.abs(observed - predicted)).toBeLessThan(0.01);
  });
});

describe('the test-portfolio model contract', () => {
  it('gives the same run for the same seed and settings', () => {
    expect(runToEnd(model, cone, 42)).toEqual(runToEnd(model, cone, 42));
  });

  it('replays the autoplayed actions from the start to the same end', () => {
    const start = init(pyramid, 17);
    expect(replay(model, pyramid, 17, actionsToEnd(model, start))).toEqual(runToEnd(model, pyramid, 17));
  });

  it('ends every run within two actions per build', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(cone, pyramid), (seed, params) => {
        expect(actionsToEnd(model, init(params, seed)).length).toBeLessThanOrEqual(2 * params.builds);
      }),
      { numRuns: 30 },
    );
  });

  it('gives every build one outcome and every defect caught or escaped, whatever the responses', () => {
    const actionArb: fc.Arbitrary<TestsAction> = fc.oneof(
      fc.constant({ type: 'build' as const }),
      fc.constantFrom('investigate' as const, 'ignore' as const).map((how) => ({ type: 'respond' as const, how })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(actionArb, { maxLength: 300 }), (seed, actions) => {
        const s = summarize(replay(model, cone, seed, actions));
        expect(s.caught + s.escaped).toBe(s.defects);
        expect(s.caughtLogic + s.caughtContract + s.caughtInterface + s.caughtJourney).toBe(s.caught);
        expect(s.escapedLogic + s.escapedContract + s.escapedInterface + s.escapedJourney).toBe(s.escaped);
        expect(s.ignoredDefects).toBeLessThanOrEqual(s.ignoredReds);
        expect(s.builds).toBeLessThanOrEqual(cone.builds);
      }),
      { numRuns: 50 },
    );
  });

  it('runs every build by the end', () => {
    const end = runToEnd(model, cone, 9);
    expect(end.results).toHaveLength(120);
    expect(end.results.every((b, i) => b.id === i && (b.red === 'none') === (b.response === null))).toBe(true);
  });
});

describe('the escape rate and the link to the batch-size sim', () => {
  it('is escaped defects per build', () => {
    expect(escapeRate({ escaped: 12, builds: 120 })).toBeCloseTo(0.1);
    expect(escapeRate({ escaped: 0, builds: 0 })).toBe(0);
  });

  it('gives the batch sim its defect percent with one decimal, within its 0 to 50 bounds', () => {
    expect(batchLink({ escaped: 11, builds: 120 })).toBe('defect=9.2');
    expect(batchLink({ escaped: 0, builds: 120 })).toBe('defect=0');
    expect(batchLink({ escaped: 100, builds: 120 })).toBe('defect=50');
    const s = summarize(runToEnd(model, pyramid, 3));
    expect(new URLSearchParams(batchLink(s)).get('defect')).toBe(String(Math.round(s.escapeRate * 1000) / 10));
  });
});

describe('the lesson’s claim at the default settings: a top-heavy suite against a broad base of the same effort (200 seeds, same dice)', () => {
  const pairs = SEEDS.map((seed) => sameDice(model, cone, pyramid, seed).map(summarize) as [TestsSummary, TestsSummary]);

  it('the ice-cream cone is slower: over four times the suite minutes, and more pipeline minutes in every seed', () => {
    expect(pairs[0]![0].suiteMinutes).toBeGreaterThan(4 * pairs[0]![1].suiteMinutes);
    for (const [top, broad] of pairs) expect(top.pipelineMinutes).toBeGreaterThan(broad.pipelineMinutes);
  });

  it('the ice-cream cone is flakier: at least twice the flaky failures on average, and more in every seed', () => {
    expect(mean(pairs.map(([t]) => t.flakyFailures))).toBeGreaterThan(2 * mean(pairs.map(([, b]) => b.flakyFailures)));
    for (const [top, broad] of pairs) expect(top.flakyFailures).toBeGreaterThan(broad.flakyFailures);
  });

  it('the ice-cream cone lets more defects escape: at least 4 more on average, and more in at least 85% of seeds', () => {
    expect(mean(pairs.map(([t]) => t.escaped))).toBeGreaterThan(mean(pairs.map(([, b]) => b.escaped)) + 4);
    expect(pairs.filter(([t, b]) => t.escaped > b.escaped).length).toBeGreaterThanOrEqual(170);
  });

  it('the ice-cream cone’s reds are mostly false, so people ignore more of them', () => {
    expect(mean(pairs.map(([t]) => t.falseRedShare!))).toBeGreaterThan(0.5);
    expect(mean(pairs.map(([, b]) => b.falseRedShare!))).toBeLessThan(0.5);
    expect(mean(pairs.map(([t]) => t.ignoredReds))).toBeGreaterThan(2 * mean(pairs.map(([, b]) => b.ignoredReds)));
  });
});

describe('the test-portfolio missions', () => {
  const ends = (params: TestsParams) => SEEDS.map((seed) => runToEnd(model, params, seed));
  const atDefaults = ends(cone);
  const unitHeavy = { ...values, preset: 'custom' as const, unit: 90, integ: 10, ui: 0, system: 0 };
  const byUnitHeavy = ends(testsParams(unitHeavy));

  it('has at least two missions with distinct ids and goals that state numbers', () => {
    expect(MISSIONS.length).toBeGreaterThanOrEqual(2);
    expect(new Set(MISSIONS.map((m) => m.id)).size).toBe(MISSIONS.length);
    for (const m of MISSIONS) expect(m.goal).toMatch(/\d/);
  });

  for (const m of MISSIONS) {
    it(`does not give “${m.title}” to the default ice-cream cone`, () => {
      expect(atDefaults.filter((end) => m.won(end, values)).length).toBe(0);
    });
    it(`wins “${m.title}” with 90% unit and 10% integration tests in at least 65% of seeds`, () => {
      expect(byUnitHeavy.filter((end) => m.won(end, unitHeavy)).length).toBeGreaterThanOrEqual(130);
    });
  }
});

describe('the test-portfolio words and records', () => {
  it('announces a red build with the failing levels and asks what to do', () => {
    let prev = init(cone, 1);
    let next = step(prev, { type: 'build' });
    while (next.awaiting === null) [prev, next] = [next, step(next, { type: 'build' })];
    expect(narrate(prev, next)).toMatch(/Build \d+ is red: .*(unit|integration|user interface|system) tests failed\. Investigate or ignore it\?$/);
  });

  it('tells a real red from a flaky one once answered, and sums up the end', () => {
    let s = toNextRed(init(cone, 1));
    const answered = step(s, { type: 'respond', how: 'investigate' });
    expect(narrate(s, answered)).toMatch(s.awaiting!.red === 'true' ? /the red was real/ : /flaky failure; a rerun passed/);
    s = init(pyramid, 8);
    const actions = actionsToEnd(model, s);
    const before = actions.slice(0, -1).reduce(step, s);
    expect(narrate(before, step(before, actions.at(-1)!))).toMatch(/All 120 builds done: \d+ defects? caught, \d+ defects? escaped/);
  });

  it('records one row per build with no commas or quotes in any cell', () => {
    const end = runToEnd(model, cone, 6);
    const t = table(end);
    expect(t.rows).toHaveLength(120);
    for (const row of t.rows) {
      expect(row).toHaveLength(t.columns.length);
      for (const cell of row) expect(String(cell)).not.toMatch(/[,"]/);
    }
  });

  it('lists its assumptions as sentences and cites real pages', () => {
    expect(ASSUMPTIONS.length).toBeGreaterThan(5);
    for (const a of ASSUMPTIONS) expect(a).toMatch(/^[A-Z].*\.$/);
    for (const s of SOURCES) expect(s.url).toMatch(/^https:\/\//);
  });
});

describe('the test-portfolio sweep and expected numbers', () => {
  it('splits the rest of the effort in the base proportions when the unit share moves', () => {
    const shares = withUnitShare(pyramid.shares, 0.2);
    expect(shares.unit).toBe(0.2);
    expect(shares.integration / shares.system).toBeCloseTo(5);
    expect(sharesProblem(shares)).toBeNull();
    expect(withUnitShare({ unit: 1, integration: 0, ui: 0, system: 0 }, 0.4).ui).toBeCloseTo(0.2);
  });

  it('gets faster and lets fewer defects escape as the unit share grows from none to 70%', () => {
    const rows = sweep(pyramid, [0, 0.35, 0.7], 60);
    expect(rows[1]!.suiteMinutes).toBeLessThan(rows[0]!.suiteMinutes);
    expect(rows[2]!.suiteMinutes).toBeLessThan(rows[1]!.suiteMinutes);
    expect(rows[2]!.meanEscaped).toBeLessThan(rows[0]!.meanEscaped);
    expect(rows[2]!.meanPipelineMinutes).toBeLessThan(rows[0]!.meanPipelineMinutes);
  });

  it('reports the facilitator guide’s figures at the defaults over seeds 1 to 200', () => {
    const n = expectedNumbers({ pyramid, 'ice-cream-cone': cone, hourglass: testsParams({ ...values, preset: 'hourglass' }) });
    expect(n.pyramid).toEqual({
      suiteMinutes: 5.7,
      pipelineMinutes: 719,
      caught: 11.4,
      escaped: 12.3,
      escapePercent: 10.2,
      flakyFailures: 9.2,
      ignoredReds: 8.7,
    });
    expect(n['ice-cream-cone']).toEqual({
      suiteMinutes: 24.1,
      pipelineMinutes: 3128,
      caught: 5.3,
      escaped: 18.4,
      escapePercent: 15.4,
      flakyFailures: 27.4,
      ignoredReds: 26.6,
    });
    expect(n.hourglass!.escapePercent).toBeCloseTo(12.7, 1);
  });
});

describe('tests runs across the whole scenario table', () => {
  it('ends with a finite summary for any values within the bounds whose shares add up', () => {
    fc.assert(
      fc.property(
        valuesArb(testsFields).filter((v) => sharesMessage(v) === null),
        fc.integer({ min: 0, max: 1_000_000 }),
        (v, seed) => {
          const s = summarize(runToEnd(model, testsParams(v), seed));
          for (const x of Object.values(s)) if (x !== null) expect(Number.isFinite(x)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
