// Types of the test-portfolio model: four levels of tests sharing a fixed effort, seeded builds carrying defects of four kinds.

export const LEVELS = ['unit', 'integration', 'ui', 'system'] as const;
/** Unit, integration, user interface and system (end-to-end) tests. */
export type Level = (typeof LEVELS)[number];

export const KINDS = ['logic', 'contract', 'interface', 'journey'] as const;
/** A wrong calculation, a contract broken between services, a broken screen, a broken user journey. */
export type Kind = (typeof KINDS)[number];

export type PerLevel<T> = Record<Level, T>;
export type PerKind<T> = Record<Kind, T>;

/** What the team does with a red build: look into it (a false red costs a rerun) or merge anyway. */
export type Response = 'investigate' | 'ignore';

export interface TestsParams {
  /** Share of the test effort per level, each from 0 to 1, summing to 1. */
  shares: PerLevel<number>;
  /** Test effort to spread, in hours of writing tests. */
  effort: number;
  /** Hours to write one test at each level. */
  hoursPerTest: PerLevel<number>;
  /** Minutes one test takes to run at each level. */
  runMinutes: PerLevel<number>;
  /** Chance that one test at a level, on one run, catches a given defect of a kind. */
  catchPerTest: PerLevel<PerKind<number>>;
  /** Chance that one test at a level fails on one run with nothing wrong (a flaky failure). */
  flakePerTest: PerLevel<number>;
  /** Builds in the run (a quarter of changes). */
  builds: number;
  /** Chance that a build carries a defect. */
  defectChance: number;
  /** Share of defects of each kind (sums to 1). */
  kindMix: PerKind<number>;
  /** How many recent red builds people remember when deciding whether to trust a red. */
  trustWindow: number;
}

/** One build's dice, drawn up front: the same whatever the portfolio, so two portfolios meet the same defects. */
export interface BuildDraws {
  /** The defect this build carries, or null. */
  defect: Kind | null;
  /** A uniform draw per level: that level's tests catch the defect when below its catch chance. */
  catchDraw: PerLevel<number>;
  /** A uniform draw per level: that level's tests fail for no reason when below its flake chance. */
  flakeDraw: PerLevel<number>;
  /** A uniform draw: a red is ignored when below the chance of ignoring it. */
  ignoreDraw: number;
}

export interface BuildResult {
  id: number;
  defect: Kind | null;
  /** Levels whose tests caught the defect on this run. */
  caughtAt: Level[];
  /** Levels with a flaky failure on this run. */
  flakyAt: Level[];
  /** 'true': a test caught the defect; 'false': only flaky failures; 'none': green. */
  red: 'none' | 'true' | 'false';
  /** What people did with a red, or null for a green build (or a red awaiting a response). */
  response: Response | null;
  /** Where the defect went: caught; escaped past green or flaky-only builds; or let through by ignoring a red that caught it. */
  outcome: 'none' | 'caught' | 'escaped' | 'ignored';
  /** Pipeline minutes this build used, a rerun included. */
  minutes: number;
}

export interface TestsState {
  params: TestsParams;
  /** Whole tests at each level that the effort buys. */
  tests: PerLevel<number>;
  draws: BuildDraws[];
  results: BuildResult[];
  /** A red build waiting for a response, or null. */
  awaiting: BuildResult | null;
  /** Recent reds, newest last: true for a false red (at most trustWindow). */
  recentReds: boolean[];
}

export type TestsAction = { type: 'build' } | { type: 'respond'; how: Response };

export interface TestsSummary {
  builds: number;
  defects: number;
  caught: number;
  escaped: number;
  caughtLogic: number;
  caughtContract: number;
  caughtInterface: number;
  caughtJourney: number;
  escapedLogic: number;
  escapedContract: number;
  escapedInterface: number;
  escapedJourney: number;
  /** Defects a test caught but that went through because the red was ignored (counted in escaped too). */
  ignoredDefects: number;
  /** Minutes one run of the whole suite takes. */
  suiteMinutes: number;
  /** All pipeline minutes over the run, reruns included. */
  pipelineMinutes: number;
  /** Red builds with nothing wrong that a test could see. */
  flakyFailures: number;
  reruns: number;
  ignoredReds: number;
  /** Share of red builds that were false (null with no red). */
  falseRedShare: number | null;
  /** Escaped defects per build: the chance a change ships with a defect. */
  escapeRate: number;
  unitTests: number;
  integrationTests: number;
  uiTests: number;
  systemTests: number;
}
