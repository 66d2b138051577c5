// Types of the metrics dashboard: saved runs from every sim, the metrics a team can put on its wall, and the wall itself.
import type { Band, Key, Placement } from '../dora/bands.ts';

/** One finished run of any sim, as kept in saved progress. */
export interface SavedRun {
  /** The sim's id, such as `batch` or `flags`. */
  sim: string;
  /** When the run finished (ISO date). */
  at: string;
  /** The run's headline results; the dashboard reads the metric keys it knows (METRIC_KEYS) and ignores the rest. */
  summary: Record<string, number | string | null>;
}

/** The metrics a team can put on its wall: lesson 12's operational metrics and DORA's four keys. */
export type MetricId =
  | 'buildsPerDay'
  | 'rollbacks'
  | 'coverage'
  | 'pages'
  | 'outages'
  | 'performance'
  | 'mttr'
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'recoveryTime';

export interface MetricInfo {
  id: MetricId;
  label: string;
  unit: string;
  /** Which way is better. */
  better: 'higher' | 'lower';
  /** The summary key it is read from (see METRIC_KEYS). */
  key: string;
  /** DORA's key for the four keys, or null for an operational metric. */
  dora: Key | null;
  /** One sentence on what it shows, and what it hides. */
  note: string;
}

/** One tile on the wall. */
export interface Tile {
  id: MetricId;
  label: string;
  unit: string;
  /** The metric over the window of recent runs that carry it, or null when none do. */
  value: number | null;
  /** How many runs the value comes from. */
  runs: number;
  /** The metric run by run, oldest first (the last TREND_RUNS runs that carry it). */
  trend: number[];
  /** Recent runs against the runs before them: better, worse, flat, or null with too few runs. */
  direction: 'better' | 'worse' | 'flat' | null;
  /** For the four keys: the DORA band and the report year; null for operational metrics or no value. */
  band: Band | null;
  year: number | null;
}

export interface Wall {
  /** True when the learner has no usable runs yet and the wall shows SAMPLE_RUNS. */
  sample: boolean;
  /** A label to show whenever `sample` is true. */
  notice: string | null;
  tiles: Tile[];
  /** The four keys placed in their 2024 bands, with the weakest named. */
  dora: Placement & { weakestLabel: string | null };
  /** Saved runs that could not be read, with the reason. */
  skipped: Array<{ index: number; reason: string }>;
}

/** One row of the "target one number" view: splitting each change into `split` deploys. */
export interface GameRow {
  split: number;
  deploysPerDay: number;
  /** Changes that reach users a day: the work, which splitting does not change. */
  changesToUsersPerDay: number;
  changeFailureRate: number;
  deploymentFrequencyBand: Band;
  changeFailureRateBand: Band;
}

/** The dashboard's state for missions: the runs it reads and the metrics the learner put on the wall. */
export interface DashboardState {
  runs: SavedRun[];
  chosen: MetricId[];
}
