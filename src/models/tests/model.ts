// The test-portfolio model: a fixed test effort spread over four levels meets seeded defects; flaky reds erode trust and ignored reds let defects through.
import { streams } from '../../sim-kit/core/random.ts';
import type { SimModel } from '../../sim-kit/core/model.ts';
import {
  KINDS,
  LEVELS,
  type BuildDraws,
  type BuildResult,
  type Kind,
  type Level,
  type PerKind,
  type PerLevel,
  type TestsAction,
  type TestsParams,
  type TestsState,
  type TestsSummary,
} from './types.ts';

/** Hours to write one test: a system test drives the whole app, a unit test one function. Guesses. */
export const HOURS_PER_TEST: PerLevel<number> = { unit: 1, integration: 3, ui: 6, system: 10 };
/** Minutes to run one test: a fraction of a second up to minutes for a whole journey. Guesses in the usual order of magnitude. */
export const RUN_MINUTES: PerLevel<number> = { unit: 0.005, integration: 0.1, ui: 0.5, system: 2 };
/**
 * Chance that one test catches a given defect. Unit tests see logic but not contracts between services (they use
 * stand-ins) nor journeys; integration tests see contracts; user interface tests see screens; a system test walks the
 * whole photo-sharing journey. Guesses that keep the lesson's ordering.
 */
export const CATCH_PER_TEST: PerLevel<PerKind<number>> = {
  unit: { logic: 0.02, contract: 0, interface: 0.002, journey: 0 },
  integration: { logic: 0.01, contract: 0.06, interface: 0, journey: 0.01 },
  ui: { logic: 0.005, contract: 0.005, interface: 0.08, journey: 0.03 },
  system: { logic: 0.01, contract: 0.03, interface: 0.04, journey: 0.25 },
};
/** Chance that one test fails for no reason on one run: larger, slower tests are flakier. Guesses. */
export const FLAKE_PER_TEST: PerLevel<number> = { unit: 0.0001, integration: 0.002, ui: 0.01, system: 0.02 };
/** Share of defects of each kind (a guess: most bugs are plain logic). */
export const KIND_MIX: PerKind<number> = { logic: 0.5, contract: 0.2, interface: 0.2, journey: 0.1 };

/** The photo-sharing journey the system test walks. */
export const JOURNEY = ['open the home page', 'sign in', 'upload a photo', 'add a caption', 'publish', 'sign out'] as const;

const LEVEL_WORDS: PerLevel<string> = { unit: 'unit', integration: 'integration', ui: 'user interface', system: 'system' };
export const levelName = (level: Level) => LEVEL_WORDS[level];

/** Why a set of shares is unusable, or null: each from 0 to 1, together 1. */
export function sharesProblem(shares: PerLevel<number>): string | null {
  for (const level of LEVELS) {
    const s = shares[level];
    if (!Number.isFinite(s) || s < 0 || s > 1) return `the ${levelName(level)} share must be from 0% to 100% (got ${s * 100}%)`;
  }
  const total = LEVELS.reduce((sum, l) => sum + shares[l], 0);
  if (Math.abs(total - 1) > 1e-9) return `the four shares add up to ${Math.round(total * 1000) / 10}%; they must add up to 100%`;
  return null;
}

/** Whole tests the effort buys at each level. */
export function testCounts(params: TestsParams): PerLevel<number> {
  const counts = {} as PerLevel<number>;
  for (const level of LEVELS) counts[level] = Math.floor((params.shares[level] * params.effort) / params.hoursPerTest[level] + 1e-9);
  return counts;
}

/** Chance that `n` tests at a level catch a defect of a kind: each test independently, 1 - (1 - r)^n. */
export function catchChance(params: TestsParams, level: Level, kind: Kind, n: number): number {
  return 1 - (1 - params.catchPerTest[level][kind]) ** n;
}

/** Chance that `n` tests at a level give at least one flaky failure on a run: 1 - (1 - f)^n. */
export function flakeChance(params: TestsParams, level: Level, n: number): number {
  return 1 - (1 - params.flakePerTest[level]) ** n;
}

/** Chance that a build with nothing wrong goes red anyway: at least one flaky failure at some level. Grows as effort moves to the slow levels. */
export function buildFlakeChance(params: TestsParams, tests: PerLevel<number>): number {
  return 1 - LEVELS.reduce((p, l) => p * (1 - flakeChance(params, l, tests[l])), 1);
}

/** Minutes one run of the whole suite takes (levels run one after another). */
export function suiteMinutes(params: TestsParams, tests: PerLevel<number>): number {
  return LEVELS.reduce((sum, l) => sum + tests[l] * params.runMinutes[l], 0);
}

/** Chance that one build escapes with its defect when every red is acted on (no trust effect), by kind and overall. */
export function missChance(params: TestsParams, tests: PerLevel<number>, kind: Kind): number {
  return LEVELS.reduce((p, l) => p * (1 - catchChance(params, l, kind, tests[l])), 1);
}

/** Every build's dice, from the seed alone. */
export function drawBuilds(params: TestsParams, seed: number): BuildDraws[] {
  const dice = streams(seed);
  const defects = dice('defects');
  const catches = dice('catch');
  const flakes = dice('flakes');
  const trust = dice('trust');
  const perLevel = (draw: () => number) => Object.fromEntries(LEVELS.map((l) => [l, draw()])) as PerLevel<number>;
  return Array.from({ length: params.builds }, () => {
    const hasDefect = defects.float() < params.defectChance;
    const u = defects.float();
    let acc = 0;
    const kind = KINDS.find((k) => (acc += params.kindMix[k]) > u) ?? KINDS[KINDS.length - 1]!;
    return { defect: hasDefect ? kind : null, catchDraw: perLevel(catches.float), flakeDraw: perLevel(flakes.float), ignoreDraw: trust.float() };
  });
}

export function init(params: TestsParams, seed: number): TestsState {
  const problem = sharesProblem(params.shares);
  if (problem) throw new RangeError(`Test portfolio: ${problem}.`);
  return { params, tests: testCounts(params), draws: drawBuilds(params, seed), results: [], awaiting: null, recentReds: [] };
}

/**
 * The chance people ignore the next red build: the share of the last `trustWindow` reds that turned out false (none
 * remembered: 0). When most reds have been false, most reds are waved through.
 */
export function ignoreChance(state: TestsState): number {
  return state.recentReds.length ? state.recentReds.filter(Boolean).length / state.recentReds.length : 0;
}

function runBuild(state: TestsState): TestsState {
  if (state.awaiting !== null || state.results.length >= state.draws.length) return state;
  const { params, tests } = state;
  const id = state.results.length;
  const draw = state.draws[id]!;
  const defect = draw.defect;
  const caughtAt = defect === null ? [] : LEVELS.filter((l) => draw.catchDraw[l] < catchChance(params, l, defect, tests[l]));
  const flakyAt = LEVELS.filter((l) => draw.flakeDraw[l] < flakeChance(params, l, tests[l]));
  const red = caughtAt.length ? 'true' : flakyAt.length ? 'false' : 'none';
  const result: BuildResult = {
    id,
    defect,
    caughtAt,
    flakyAt,
    red,
    response: null,
    outcome: defect === null ? 'none' : 'escaped',
    minutes: suiteMinutes(params, tests),
  };
  if (red === 'none') return { ...state, results: [...state.results, result] };
  return { ...state, awaiting: result };
}

function respond(state: TestsState, how: TestsAction & { type: 'respond' }): TestsState {
  const build = state.awaiting;
  if (build === null) return state;
  const isFalse = build.red === 'false';
  const result: BuildResult = {
    ...build,
    response: how.how,
    outcome: isFalse ? build.outcome : how.how === 'investigate' ? 'caught' : 'ignored',
    // A false red looked into is rerun (and passes, since no test can see the change's defect, if any).
    minutes: isFalse && how.how === 'investigate' ? 2 * build.minutes : build.minutes,
  };
  const recentReds = [...state.recentReds, isFalse].slice(-state.params.trustWindow);
  return { ...state, results: [...state.results, result], awaiting: null, recentReds };
}

/** The one transition: `build` runs the next build through the suite; `respond` decides what to do with a red one. */
export function step(state: TestsState, action: TestsAction): TestsState {
  switch (action.type) {
    case 'build':
      return runBuild(state);
    case 'respond':
      return respond(state, action);
  }
}

export function isOver(state: TestsState): boolean {
  return state.awaiting === null && state.results.length >= state.draws.length;
}

/** A team left to itself ignores a red with the chance set by recent false reds (the seeded draw decides), and otherwise runs the next build. */
export function autoplay(state: TestsState): TestsAction {
  if (state.awaiting === null) return { type: 'build' };
  const draw = state.draws[state.awaiting.id]!;
  return { type: 'respond', how: draw.ignoreDraw < ignoreChance(state) ? 'ignore' : 'investigate' };
}

const capital = (k: Kind) => `${k[0]!.toUpperCase()}${k.slice(1)}` as Capitalize<Kind>;

export function summarize(state: TestsState): TestsSummary {
  const r = state.results;
  const count = (pred: (b: BuildResult) => boolean) => r.filter(pred).length;
  const reds = count((b) => b.red !== 'none');
  const falseReds = count((b) => b.red === 'false');
  const byKind = {} as Record<`caught${Capitalize<Kind>}` | `escaped${Capitalize<Kind>}`, number>;
  for (const k of KINDS) {
    byKind[`caught${capital(k)}`] = count((b) => b.defect === k && b.outcome === 'caught');
    byKind[`escaped${capital(k)}`] = count((b) => b.defect === k && (b.outcome === 'escaped' || b.outcome === 'ignored'));
  }
  const escaped = count((b) => b.outcome === 'escaped' || b.outcome === 'ignored');
  return {
    builds: r.length,
    defects: count((b) => b.defect !== null),
    caught: count((b) => b.outcome === 'caught'),
    escaped,
    ...byKind,
    ignoredDefects: count((b) => b.outcome === 'ignored'),
    suiteMinutes: Math.round(suiteMinutes(state.params, state.tests) * 100) / 100,
    pipelineMinutes: Math.round(r.reduce((sum, b) => sum + b.minutes, 0) * 10) / 10,
    flakyFailures: falseReds,
    reruns: count((b) => b.red === 'false' && b.response === 'investigate'),
    ignoredReds: count((b) => b.response === 'ignore'),
    falseRedShare: reds ? falseReds / reds : null,
    escapeRate: r.length ? escaped / r.length : 0,
    unitTests: state.tests.unit,
    integrationTests: state.tests.integration,
    uiTests: state.tests.ui,
    systemTests: state.tests.system,
  };
}

/** The escape rate as a per-change defect probability (escaped defects per build). */
export function escapeRate(summary: Pick<TestsSummary, 'escaped' | 'builds'>): number {
  return summary.builds ? summary.escaped / summary.builds : 0;
}

/** The query string that opens the batch-size sim with this run's escape rate as its defect percent (0 to 50, one decimal), e.g. `defect=9.2`. */
export function batchLink(summary: Pick<TestsSummary, 'escaped' | 'builds'>): string {
  const percent = Math.min(50, Math.max(0, Math.round(escapeRate(summary) * 1000) / 10));
  return new URLSearchParams({ defect: String(percent) }).toString();
}

export const model: SimModel<TestsParams, TestsState, TestsAction> = { init, step, isOver, autoplay };
