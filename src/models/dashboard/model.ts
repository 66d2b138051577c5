// The metrics dashboard: reads saved runs from every sim, derives the team's wall and the four keys in their DORA 2024 bands, and shows a target being gamed.
import { BANDS_YEAR, KEY_INFO, placeAll, placeKey, type Key, type KeyValues } from '../dora/bands.ts';
import { SAMPLE_NOTICE, SAMPLE_RUNS } from './sample.ts';
import type { GameRow, MetricId, MetricInfo, SavedRun, Tile, Wall } from './types.ts';

/**
 * The summary keys the dashboard reads: a sim that wants a metric on the wall puts it in its summary under this name,
 * in this unit. Any other key is ignored.
 */
export const METRIC_KEYS = {
  deploysPerDay: 'deploys that reached production, per working day',
  changesPerDay: 'changes that reached users, per working day',
  leadTimeDays: 'median working days from a change being ready to it being in production',
  changeFailureRate: 'failed deploys over all deploys, 0 to 1',
  recoveryMinutes: 'mean minutes from a failed deploy to service restored (time to resolution)',
  rollbacks: 'rollbacks in the run',
  coveragePercent: 'share of code lines the tests run, 0 to 100',
  pages: 'times the on-call was paged in the run',
  outages: 'outages in the run',
  peakLoadPercent: 'highest load on the busiest shared resource, as a percentage of its capacity',
} as const;
export type MetricKey = keyof typeof METRIC_KEYS;

/**
 * Summaries that name a metric differently: the batch sim's first release (deploys a week, time to restore) and its
 * current saved summary (mean restore minutes; changes in production over `runDays`, the working days the run lasted,
 * which the dashboard adds from the run's link).
 */
const ALIASES: Record<MetricKey, Array<(s: SavedRun['summary']) => number | null>> = {
  deploysPerDay: [(s) => num(s.deploysPerWeek, (v) => v / 5)],
  changesPerDay: [
    (s) => (typeof s.deploysPerWeek === 'number' && typeof s.meanBatchSize === 'number' ? (s.deploysPerWeek / 5) * s.meanBatchSize : null),
    (s) => (typeof s.changesDeployed === 'number' && typeof s.runDays === 'number' && s.runDays > 0 ? s.changesDeployed / s.runDays : null),
  ],
  leadTimeDays: [(s) => num(s.medianLeadTimeDays)],
  changeFailureRate: [],
  recoveryMinutes: [(s) => num(s.meanTimeToRestoreMinutes), (s) => num(s.meanRestoreMinutes)],
  rollbacks: [],
  coveragePercent: [],
  pages: [],
  outages: [(s) => num(s.failedDeploys)],
  peakLoadPercent: [(s) => num(s.peakDbLoadPercent)],
};

function num(v: unknown, f: (x: number) => number = (x) => x): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? f(v) : null;
}

/** The metric under its own key, else under an older name, else null. */
export function readKey(summary: SavedRun['summary'], key: MetricKey): number | null {
  const own = num(summary[key]);
  if (own !== null) return own;
  for (const alias of ALIASES[key]) {
    const v = alias(summary);
    if (v !== null && Number.isFinite(v)) return v;
  }
  return null;
}

export const METRICS: readonly MetricInfo[] = [
  {
    id: 'buildsPerDay',
    label: 'Builds a day reaching production',
    unit: 'a working day',
    better: 'higher',
    key: 'deploysPerDay',
    dora: null,
    note: 'Counts deploys, not value: split one change into ten deploys and it rises tenfold.',
  },
  {
    id: 'rollbacks',
    label: 'Rollbacks',
    unit: 'a run',
    better: 'lower',
    key: 'rollbacks',
    dora: null,
    note: 'A rollback means testing missed something that mattered.',
  },
  {
    id: 'coverage',
    label: 'Test coverage',
    unit: '%',
    better: 'higher',
    key: 'coveragePercent',
    dora: null,
    note: 'Lines the tests run, not lines the tests check: a floor, never proof.',
  },
  { id: 'pages', label: 'On-call pages', unit: 'a run', better: 'lower', key: 'pages', dora: null, note: 'How often a person is woken or interrupted.' },
  { id: 'outages', label: 'Outages', unit: 'a run', better: 'lower', key: 'outages', dora: null, note: 'How often users lost the service.' },
  {
    id: 'performance',
    label: 'Performance: peak load',
    unit: '% of capacity',
    better: 'lower',
    key: 'peakLoadPercent',
    dora: null,
    note: 'Past 100% requests start failing; near it, everything slows.',
  },
  {
    id: 'mttr',
    label: 'Mean time to resolution',
    unit: 'minutes',
    better: 'lower',
    key: 'recoveryMinutes',
    dora: null,
    note: 'The mean of how long each outage or slowdown took to fix.',
  },
  {
    id: 'deploymentFrequency',
    label: KEY_INFO.deploymentFrequency.label,
    unit: 'deploys a working day',
    better: 'higher',
    key: 'deploysPerDay',
    dora: 'deploymentFrequency',
    note: 'Speed: how often changes reach production.',
  },
  {
    id: 'leadTime',
    label: KEY_INFO.leadTime.label,
    unit: 'working days',
    better: 'lower',
    key: 'leadTimeDays',
    dora: 'leadTime',
    note: 'Speed: how long a ready change waits to reach production.',
  },
  {
    id: 'changeFailureRate',
    label: KEY_INFO.changeFailureRate.label,
    unit: 'share of deploys',
    better: 'lower',
    key: 'changeFailureRate',
    dora: 'changeFailureRate',
    note: 'Stability: how many deploys break something.',
  },
  {
    id: 'recoveryTime',
    label: KEY_INFO.recoveryTime.label,
    unit: 'minutes',
    better: 'lower',
    key: 'recoveryMinutes',
    dora: 'recoveryTime',
    note: 'Stability: how fast service comes back after a failed deploy (called time to restore before 2023).',
  },
];

export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);
export const DORA_METRICS: readonly MetricId[] = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime'];
/** What a new wall shows until the learner chooses. */
export const DEFAULT_WALL: readonly MetricId[] = ['buildsPerDay', 'outages', 'mttr', ...DORA_METRICS];

/** Saved runs kept for trends; older ones drop off. About 60 runs of 10 numbers stay far inside the progress file's 100 KB. */
export const MAX_RUNS = 60;
/** Recent runs a tile's value is taken over, by default. */
export const DEFAULT_WINDOW = 10;
/** Runs a tile's trend shows. */
export const TREND_RUNS = 12;
/** A change smaller than this share of the earlier value reads as flat. */
export const FLAT_SHARE = 0.05;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const SIM_ID = /^[a-z][a-z0-9-]{0,31}$/;

/** Whether a value is a readable run; the reason if not. */
export function checkRun(run: unknown): string | null {
  if (typeof run !== 'object' || run === null) return 'is not a run';
  const r = run as Partial<SavedRun>;
  if (typeof r.sim !== 'string' || !SIM_ID.test(r.sim)) return 'has no valid sim id';
  if (typeof r.at !== 'string' || !ISO.test(r.at) || Number.isNaN(Date.parse(r.at))) return 'has no valid date';
  if (typeof r.summary !== 'object' || r.summary === null || Array.isArray(r.summary)) return 'has no summary';
  return null;
}

/** The readable runs, oldest first, and the unreadable ones with the reason. */
export function cleanRuns(runs: readonly unknown[]): { runs: SavedRun[]; skipped: Array<{ index: number; reason: string }> } {
  const good: SavedRun[] = [];
  const skipped: Array<{ index: number; reason: string }> = [];
  runs.forEach((run, index) => {
    const reason = checkRun(run);
    if (reason) skipped.push({ index, reason: `Run ${index + 1} ${reason}.` });
    else good.push(run as SavedRun);
  });
  good.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { runs: good, skipped };
}

/** A run trimmed to the keys the dashboard reads, ready to keep in progress. */
export function toSavedRun(sim: string, at: string, summary: Record<string, unknown>): SavedRun {
  const kept: SavedRun['summary'] = {};
  for (const key of Object.keys(METRIC_KEYS) as MetricKey[]) {
    const v = readKey(summary as SavedRun['summary'], key);
    if (v !== null) kept[key] = Math.round(v * 10_000) / 10_000;
  }
  const run = { sim, at, summary: kept };
  const reason = checkRun(run);
  if (reason) throw new Error(`Cannot keep this run: it ${reason} (sim ${JSON.stringify(sim)}, at ${JSON.stringify(at)}).`);
  return run;
}

/** The saved runs with a new one added, keeping the newest MAX_RUNS. */
export function keepRun(runs: readonly SavedRun[], run: SavedRun, max = MAX_RUNS): SavedRun[] {
  const all = cleanRuns([...runs, run]).runs;
  return all.slice(Math.max(0, all.length - max));
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The metric's values run by run, oldest first, from the runs that carry it. */
export function series(runs: readonly SavedRun[], id: MetricId): number[] {
  const info = METRICS.find((m) => m.id === id)!;
  return runs.map((r) => readKey(r.summary, info.key as MetricKey)).filter((v): v is number => v !== null);
}

/** Lead time is a median of runs (one slow run should not swamp it); every other metric is a mean. */
export function aggregate(id: MetricId, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return id === 'leadTime' ? median(values) : mean(values);
}

/** Recent runs against the ones before: the last k (up to 3) against the k before them; flat within FLAT_SHARE. */
export function direction(values: readonly number[], better: 'higher' | 'lower'): Tile['direction'] {
  if (values.length < 4) return null;
  const k = Math.min(3, Math.floor(values.length / 2));
  const recent = mean(values.slice(-k));
  const earlier = mean(values.slice(-2 * k, -k));
  const scale = Math.max(Math.abs(earlier), 1e-9);
  const change = (recent - earlier) / scale;
  if (Math.abs(change) < FLAT_SHARE) return 'flat';
  return change > 0 === (better === 'higher') ? 'better' : 'worse';
}

/** One tile: the metric over the last `window` runs that carry it, its trend and, for the four keys, its band. */
export function tile(runs: readonly SavedRun[], id: MetricId, window = DEFAULT_WINDOW): Tile {
  const info = METRICS.find((m) => m.id === id);
  if (!info) throw new Error(`“${String(id)}” is not a metric the wall knows (${METRIC_IDS.join(', ')})`);
  const all = series(runs, id);
  const recent = all.slice(-window);
  const value = aggregate(id, recent);
  const band = info.dora && value !== null ? placeKey(info.dora, Math.min(info.dora === 'changeFailureRate' ? 1 : Infinity, Math.max(0, value))) : null;
  return {
    id,
    label: info.label,
    unit: info.unit,
    value,
    runs: recent.length,
    trend: all.slice(-TREND_RUNS),
    direction: direction(all.slice(-TREND_RUNS), info.better),
    band,
    year: info.dora ? BANDS_YEAR : null,
  };
}

/** The four keys over the window, as the bands module wants them. */
export function keyValues(runs: readonly SavedRun[], window = DEFAULT_WINDOW): KeyValues {
  const v = (id: MetricId) => tile(runs, id, window).value;
  const cfr = v('changeFailureRate');
  return {
    deploymentFrequency: v('deploymentFrequency'),
    leadTime: v('leadTime'),
    changeFailureRate: cfr === null ? null : Math.min(1, Math.max(0, cfr)),
    recoveryTime: v('recoveryTime'),
  };
}

/**
 * The team's wall: the chosen metrics as tiles and the four keys placed in their 2024 bands with the weakest named.
 * With no readable runs it shows SAMPLE_RUNS and says so.
 */
export function wall(saved: readonly unknown[], chosen: readonly MetricId[] = DEFAULT_WALL, window = DEFAULT_WINDOW): Wall {
  if (!Number.isInteger(window) || window < 1) throw new Error(`The window must be a whole number of runs, at least 1 (got ${window}).`);
  const { runs: own, skipped } = cleanRuns(saved);
  const sample = own.length === 0;
  const runs = sample ? SAMPLE_RUNS : own;
  const placement = placeAll(keyValues(runs, window));
  const labelOf = (k: Key | null) => (k === null ? null : KEY_INFO[k].label);
  return {
    sample,
    notice: sample ? SAMPLE_NOTICE : null,
    tiles: [...new Set(chosen)].map((id) => tile(runs, id, window)),
    dora: { ...placement, weakestLabel: labelOf(placement.weakest) },
    skipped,
  };
}

/** The baseline for the "target one number" view: deploys and changes a day and the failure rate over the window. */
export function baseline(
  saved: readonly unknown[],
  window = DEFAULT_WINDOW,
): { deploysPerDay: number; changesPerDay: number; changeFailureRate: number; sample: boolean } {
  const { runs: own } = cleanRuns(saved);
  const usable = own.filter((r) => readKey(r.summary, 'deploysPerDay') !== null && readKey(r.summary, 'changesPerDay') !== null);
  const sample = usable.length === 0;
  const runs = (sample ? SAMPLE_RUNS : usable).slice(-window);
  const read = (key: MetricKey) => mean(runs.map((r) => readKey(r.summary, key)).filter((v): v is number => v !== null));
  const cfr = runs.some((r) => readKey(r.summary, 'changeFailureRate') !== null) ? read('changeFailureRate') : 0;
  return { deploysPerDay: read('deploysPerDay'), changesPerDay: read('changesPerDay'), changeFailureRate: cfr, sample };
}

/**
 * Target one number: the team is told to raise deployment frequency and does it by splitting each deploy into `split`
 * smaller deploys of the same work. Deploys a day rise by the split; the changes reaching users a day stay exactly the
 * same; a defect still sits in one piece, so the same failed deploys spread over more deploys and the failure rate
 * falls by the split too. Two keys improve and nothing more reaches users: the number stopped measuring the work.
 */
export function gameTarget(
  base: { deploysPerDay: number; changesPerDay: number; changeFailureRate: number },
  splits: readonly number[] = [1, 2, 3, 5, 10],
): GameRow[] {
  if (!(base.deploysPerDay > 0)) throw new Error(`Gaming the target needs some deploys to split (got ${base.deploysPerDay} a day).`);
  return splits.map((split) => {
    if (!Number.isInteger(split) || split < 1 || split > 100) throw new Error(`A split must be a whole number from 1 to 100 (got ${split}).`);
    const deploysPerDay = base.deploysPerDay * split;
    const changeFailureRate = Math.min(1, Math.max(0, base.changeFailureRate / split));
    return {
      split,
      deploysPerDay,
      changesToUsersPerDay: base.changesPerDay,
      changeFailureRate,
      deploymentFrequencyBand: placeKey('deploymentFrequency', deploysPerDay),
      changeFailureRateBand: placeKey('changeFailureRate', changeFailureRate),
    };
  });
}

/** One row per run for CSV: date, sim, whether it is sample data, then every metric key (empty when the run lacks it). */
export function csvRows(saved: readonly unknown[]): string[][] {
  const { runs: own } = cleanRuns(saved);
  const sample = own.length === 0;
  const keys = Object.keys(METRIC_KEYS) as MetricKey[];
  const rows = (sample ? SAMPLE_RUNS : own).map((r) => [r.at, r.sim, sample ? 'sample' : 'own', ...keys.map((k) => cell(readKey(r.summary, k)))]);
  return [['finished at', 'sim', 'data', ...keys], ...rows];
}

/** The wall as CSV rows: metric, value, unit, runs, band and the band's year. */
export function wallCsvRows(w: Wall): string[][] {
  return [
    ['metric', 'value', 'unit', 'runs', 'band', 'band year', 'data'],
    ...w.tiles.map((t) => [t.label, cell(t.value), t.unit, String(t.runs), t.band ?? '', t.year === null ? '' : String(t.year), w.sample ? 'sample' : 'own']),
  ];
}

function cell(v: number | null): string {
  return v === null ? '' : String(Math.round(v * 10_000) / 10_000);
}

/** Rows as CSV text (RFC 4180): cells with a comma, quote or line break are quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}
