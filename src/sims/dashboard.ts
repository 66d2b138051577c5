// The metrics dashboard's definition: which saved runs feed it, its predictions, its result code and saved summary, and its sentences for the live region.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { Progress } from '../schemas/progress.ts';
import { BANDS, BANDS_YEAR, KEY_INFO, KEYS, type Band, type Key } from '../models/dora/bands.ts';
import { DORA_METRICS, METRIC_IDS, cleanRuns, wall, type GameRow, type MetricId, type SavedRun, type Wall } from '../models/dashboard/index.ts';
import { dashboardFields, type DashboardScenarioValues } from '../schemas/dashboard-scenario.ts';

export { dashboardFields };

export const DASHBOARD_ID = 'dashboard';

/**
 * Every finished run of every other sim in saved progress, as the dashboard's model reads them, oldest first. A run's
 * `days` setting (the working days it lasted) travels in its link, so it is added to the summary as `runDays`.
 */
export function runsFromProgress(progress: Progress): SavedRun[] {
  const runs: SavedRun[] = [];
  for (const [sim, record] of Object.entries(progress.sims)) {
    if (sim === DASHBOARD_ID) continue;
    for (const run of record.runs) {
      const days = Number(new URLSearchParams(run.query).get('days'));
      const summary = Number.isFinite(days) && days > 0 && run.summary.runDays === undefined ? { ...run.summary, runDays: days } : run.summary;
      runs.push({ sim, at: run.at, summary });
    }
  }
  return cleanRuns(runs).runs;
}

/** Which sims a wall's runs came from, by id, in the order they first appear. */
export function simsIn(runs: readonly SavedRun[]): string[] {
  return [...new Set(runs.map((r) => r.sim))];
}

/** The learner's guess before the wall goes up: which key will be the weakest. */
export const WEAKEST_PREDICTIONS: ReadonlyArray<{ value: Key; label: string }> = KEYS.map((k) => ({ value: k, label: KEY_INFO[k].label }));

/** The guess before target mode: what splitting every deploy does to the changes reaching users. */
export const TARGET_PREDICTIONS = [
  { value: 'more', label: 'More changes reach users each day, in step with the deploys' },
  { value: 'same', label: 'The same changes reach users as before' },
  { value: 'fewer', label: 'Fewer changes reach users, because each deploy carries less' },
] as const;
export type TargetGuess = (typeof TARGET_PREDICTIONS)[number]['value'];
/** Splitting deploys leaves the work as it was (gameTarget holds it exactly): the right answer. */
export const TARGET_ANSWER: TargetGuess = 'same';

/** The metrics on a wall as one whole number (a bit per metric, in METRIC_IDS order), for the code and the saved summary. */
export function wallMask(chosen: readonly MetricId[]): number {
  return METRIC_IDS.reduce((mask, id, i) => (chosen.includes(id) ? mask | (1 << i) : mask), 0);
}

/** The metrics a mask names, in METRIC_IDS order; bits beyond the known metrics are ignored. */
export function wallFromMask(mask: number): MetricId[] {
  if (!Number.isInteger(mask) || mask < 0) return [];
  return METRIC_IDS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** What one look at the wall comes to: the wall itself, how many of the learner's own runs fed it, and the guess. */
export interface DashboardSummary {
  wall: Wall;
  /** The learner's own readable runs (0 when the wall shows the sample). */
  ownRuns: number;
  /** Distinct sims those runs came from. */
  sims: number;
  guess: Key | null;
  /** Whether the guess names a key in the weakest band. */
  guessedRight: boolean;
  chosen: MetricId[];
}

export function summarizeWall(saved: readonly SavedRun[], chosen: readonly MetricId[], window: number, guess: string | null): DashboardSummary {
  const w = wall(saved, chosen, window);
  const own = cleanRuns(saved).runs;
  const key = KEYS.find((k) => k === guess) ?? null;
  return {
    wall: w,
    ownRuns: own.length,
    sims: simsIn(own).length,
    guess: key,
    guessedRight: key !== null && w.dora.weakestKeys.includes(key),
    chosen: [...chosen],
  };
}

const bandIndex = (band: Band | null) => (band === null ? 4 : BANDS.indexOf(band));
const keyIndex = (key: Key | null) => (key === null ? 4 : KEYS.indexOf(key));

/** What a dashboard result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const dashboardCode: CodeSpec<DashboardScenarioValues, DashboardSummary> = {
  sim: 'db',
  version: 1,
  world: ['window'],
  parts: [
    { key: 'sample', label: 'Sample data (1) or own runs (0)', read: (_, s) => (s.wall.sample ? 1 : 0) },
    { key: 'runs', label: 'Own runs read', read: (_, s) => s.ownRuns },
    { key: 'sims', label: 'Simulations they came from', read: (_, s) => s.sims },
    ...KEYS.map((k) => ({
      key: k,
      label: `${KEY_INFO[k].label} band (0 elite to 3 low, 4 not measured)`,
      read: (_: unknown, s: DashboardSummary) => bandIndex(s.wall.dora.bands[k]),
    })),
    {
      key: 'weakest',
      label: 'Weakest key (0 deployment frequency, 1 lead time, 2 change failure rate, 3 recovery time, 4 none)',
      read: (_, s) => keyIndex(s.wall.dora.weakest),
    },
    { key: 'guess', label: 'Predicted weakest key (same numbers)', read: (_, s) => keyIndex(s.guess) },
    { key: 'wall', label: 'Metrics on the wall (one bit each)', read: (_, s) => wallMask(s.chosen) },
  ],
};

/** The flat summary kept in saved progress: what the wall showed, never the runs themselves (they are already saved). */
export function savedSummary(values: DashboardScenarioValues, s: DashboardSummary): Record<string, number | string | null> {
  return {
    sample: s.wall.sample ? 1 : 0,
    ownRuns: s.ownRuns,
    sims: s.sims,
    window: values.window,
    wall: wallMask(s.chosen),
    weakest: s.wall.dora.weakest,
    band: s.wall.dora.band,
    guess: s.guess,
  };
}

/** The DashboardState the missions read. */
export function missionState(saved: readonly SavedRun[], chosen: readonly MetricId[]) {
  return { runs: [...saved], chosen: [...chosen] };
}

const bandText = (band: Band | null) => (band === null ? 'not measured' : `the ${band} band`);

/** The live region's sentence when the wall goes up. */
export function narrateWall(s: DashboardSummary): string {
  const from = s.wall.sample
    ? 'from the sample data, not your own runs'
    : `from ${s.ownRuns} of your runs in ${s.sims} ${s.sims === 1 ? 'simulation' : 'simulations'}`;
  const weakest = s.wall.dora.weakest
    ? `Weakest key: ${KEY_INFO[s.wall.dora.weakest].label.toLowerCase()}, in ${bandText(s.wall.dora.band)} of DORA’s ${BANDS_YEAR} report.`
    : 'None of the four keys can be placed yet.'; // only when no run reports a key
  return `Wall up: ${s.chosen.length} ${s.chosen.length === 1 ? 'metric' : 'metrics'} ${from}. ${weakest}`;
}

/** The live region's sentence when the split changes in target mode. */
export function narrateSplit(row: GameRow): string {
  const per = (n: number) => (Math.round(n * 100) / 100).toLocaleString('en');
  return (
    `Split into ${row.split}: ${per(row.deploysPerDay)} deploys a working day, ${bandText(row.deploymentFrequencyBand)} for deployment frequency; ` +
    `${per(row.changesToUsersPerDay)} changes still reach users a day.`
  );
}

/** Whether a wall holds all four keys. */
export function hasAllKeys(chosen: readonly MetricId[]): boolean {
  return DORA_METRICS.every((id) => chosen.includes(id));
}
