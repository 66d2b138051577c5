// Tests for the metrics dashboard: reading runs from any sim, the wall and its bands, the sample, the gamed target, CSV and missions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import {
  DEFAULT_WALL,
  DORA_METRICS,
  MAX_RUNS,
  METRIC_IDS,
  SAMPLE_NOTICE,
  SAMPLE_RUNS,
  baseline,
  cleanRuns,
  csvRows,
  dashboardMissions,
  direction,
  expectedNumbers,
  gameTarget,
  keepRun,
  readKey,
  tile,
  toCsv,
  toSavedRun,
  wall,
  wallCsvRows,
  type DashboardValues,
  type SavedRun,
} from '../../../src/models/dashboard/index.ts';
import { DEFAULT_PARAMS as FLAGS_DEFAULTS, model as flagsModel, summarize as flagsSummary } from '../../../src/models/flags/index.ts';
import { LEVER_NAMES, model as capstoneModel, pulled, summarize as capstoneSummary } from '../../../src/models/capstone/index.ts';
import { dashboardFields } from '../../../src/schemas/dashboard-scenario.ts';

const run = (day: number, summary: SavedRun['summary'], sim = 'capstone'): SavedRun => ({
  sim,
  at: new Date(Date.UTC(2026, 10, 1 + day, 12)).toISOString(),
  summary,
});
const elite = { deploysPerDay: 4, leadTimeDays: 0.5, changeFailureRate: 0.04, recoveryMinutes: 30, changesPerDay: 4 };
const values: DashboardValues = defaultValues(dashboardFields);

describe('the metrics dashboard', () => {
  it('shows the labelled sample when the learner has no runs yet', () => {
    const w = wall([]);
    expect(w.sample).toBe(true);
    expect(w.notice).toBe(SAMPLE_NOTICE);
    expect(SAMPLE_RUNS.every((r) => r.summary.source === 'sample')).toBe(true);
    expect(w.tiles.map((t) => t.id)).toEqual([...DEFAULT_WALL]);
    expect(w.tiles.every((t) => t.value !== null)).toBe(true);
  });

  it('shows the learner’s own runs, not the sample, once there are any', () => {
    const w = wall([run(1, elite)]);
    expect(w.sample).toBe(false);
    expect(w.notice).toBeNull();
    expect(w.dora.bands).toEqual({ deploymentFrequency: 'elite', leadTime: 'elite', changeFailureRate: 'elite', recoveryTime: 'elite' });
    expect(w.dora.year).toBe(2024);
  });

  it('places each of the four keys in its 2024 band with the year and names the weakest', () => {
    const w = wall([run(1, { ...elite, leadTimeDays: 3, changeFailureRate: 0.35 })]);
    const byId = Object.fromEntries(w.tiles.map((t) => [t.id, t]));
    expect(byId.leadTime!.band).toBe('high');
    expect(byId.changeFailureRate!.band).toBe('low');
    expect(byId.changeFailureRate!.year).toBe(2024);
    expect(byId.buildsPerDay!.band).toBeNull();
    expect(w.dora.weakest).toBe('changeFailureRate');
    expect(w.dora.weakestLabel).toBe('Change failure rate');
  });

  it('reads the batch sim’s first summaries through their older names', () => {
    const batch = { deploysPerWeek: 5, medianLeadTimeDays: 2, changeFailureRate: 0.1, meanTimeToRestoreMinutes: 50, failedDeploys: 3, meanBatchSize: 4 };
    expect(readKey(batch, 'deploysPerDay')).toBe(1);
    expect(readKey(batch, 'changesPerDay')).toBe(4);
    expect(readKey(batch, 'leadTimeDays')).toBe(2);
    expect(readKey(batch, 'recoveryMinutes')).toBe(50);
    expect(readKey(batch, 'outages')).toBe(3);
    expect(readKey({ deploysPerDay: 2, deploysPerWeek: 100 }, 'deploysPerDay')).toBe(2);
  });

  it('reads the batch sim’s current saved summary: mean restore minutes, and changes in production over the days the run lasted', () => {
    const batch = { deploysPerDay: 1, medianLeadTimeDays: 0.5, changeFailureRate: 0.07, meanRestoreMinutes: 80, changesDeployed: 260, runDays: 65 };
    expect(readKey(batch, 'recoveryMinutes')).toBe(80);
    expect(readKey(batch, 'changesPerDay')).toBe(4);
    expect(readKey({ ...batch, runDays: 0 }, 'changesPerDay')).toBeNull();
    expect(readKey({ ...batch, recoveryMinutes: 10 }, 'recoveryMinutes')).toBe(10);
  });

  it('reads a flags run’s peak database load as the performance metric', () => {
    const summary = flagsSummary(runToEnd(flagsModel, FLAGS_DEFAULTS, 2026));
    const saved = toSavedRun('flags', '2026-12-02T10:00:00.000Z', summary);
    expect(saved.summary.peakLoadPercent).toBe(summary.peakDbLoadPercent);
    expect(tile([saved], 'performance').value).toBe(summary.peakDbLoadPercent);
  });

  it('places all four keys from a capstone quarter, whose summary uses the dashboard’s names', () => {
    const summary = capstoneSummary(runToEnd(capstoneModel, pulled(LEVER_NAMES), 1));
    const w = wall([toSavedRun('capstone', '2026-12-02T10:00:00.000Z', summary)], DORA_METRICS);
    expect(w.dora.band).toBe('elite');
    expect(w.tiles.map((t) => t.runs)).toEqual([1, 1, 1, 1]);
  });

  it('leaves a tile empty when no run reports its metric', () => {
    const t = tile([run(1, elite)], 'coverage');
    expect(t).toMatchObject({ value: null, runs: 0, band: null, direction: null });
  });

  it('takes each number over the most recent window of runs, lead time as a median', () => {
    const runs = [1, 2, 3, 4, 5].map((d) => run(d, { deploysPerDay: d, leadTimeDays: d === 5 ? 100 : 1 }));
    expect(tile(runs, 'deploymentFrequency', 2).value).toBe(4.5);
    expect(tile(runs, 'leadTime', 3).value).toBe(1);
    expect(tile(runs, 'deploymentFrequency', 2).runs).toBe(2);
  });

  it('reads a trend as better, worse or flat according to which way is better', () => {
    expect(direction([10, 10, 10, 5, 5, 5], 'lower')).toBe('better');
    expect(direction([10, 10, 10, 5, 5, 5], 'higher')).toBe('worse');
    expect(direction([10, 10, 10, 10.2, 10.1, 10], 'higher')).toBe('flat');
    expect(direction([1, 2, 3], 'higher')).toBeNull();
  });

  it('orders runs by date, skips unreadable ones with a reason, and keeps only the newest runs', () => {
    const { runs, skipped } = cleanRuns([run(3, elite), { sim: 'flags', at: 'yesterday', summary: {} }, null, run(1, elite)]);
    expect(runs.map((r) => r.at)).toEqual([run(1, elite).at, run(3, elite).at]);
    expect(skipped).toEqual([
      { index: 1, reason: 'Run 2 has no valid date.' },
      { index: 2, reason: 'Run 3 is not a run.' },
    ]);
    let kept: SavedRun[] = [];
    for (let d = 0; d < MAX_RUNS + 5; d++) kept = keepRun(kept, run(d, elite));
    expect(kept).toHaveLength(MAX_RUNS);
    expect(kept[0]!.at).toBe(run(5, elite).at);
  });

  it('keeps only the keys it reads when a run is saved, and refuses a run it could not read back', () => {
    const saved = toSavedRun('batch', '2026-12-02T10:00:00.000Z', { deploysPerWeek: 10, label: 'weekly', junk: 5 });
    expect(saved.summary).toEqual({ deploysPerDay: 2 });
    expect(() => toSavedRun('Batch Sim', '2026-12-02T10:00:00.000Z', {})).toThrow(/no valid sim id/);
  });

  it('never crashes on any saved value, and every tile is either empty or a finite number', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 8 }), (junk) => {
        const w = wall(junk, METRIC_IDS);
        for (const t of w.tiles) expect(t.value === null || Number.isFinite(t.value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a metric it does not know and a window below one run', () => {
    expect(() => tile([], 'happiness' as never)).toThrow(/not a metric the wall knows/);
    expect(() => wall([], DEFAULT_WALL, 0)).toThrow(/at least 1/);
  });
});

describe('target one number', () => {
  it('raises deployment frequency by splitting deploys while the changes reaching users stay exactly flat', () => {
    const rows = gameTarget({ deploysPerDay: 0.2, changesPerDay: 4, changeFailureRate: 0.3 }, [1, 2, 5, 10]);
    expect(rows.map((r) => r.deploysPerDay)).toEqual([0.2, 0.4, 1, 2]);
    expect(new Set(rows.map((r) => r.changesToUsersPerDay))).toEqual(new Set([4]));
    expect(rows.map((r) => r.deploymentFrequencyBand)).toEqual(['high', 'high', 'high', 'elite']);
    expect(rows[3]!.changeFailureRate).toBeCloseTo(0.03);
  });

  it('for any baseline and split, multiplies deploys, divides the failure rate and leaves the work unchanged', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        (deploysPerDay, changesPerDay, changeFailureRate, split) => {
          const [one, many] = gameTarget({ deploysPerDay, changesPerDay, changeFailureRate }, [1, split]);
          expect(many!.deploysPerDay).toBeCloseTo(one!.deploysPerDay * split);
          expect(many!.changesToUsersPerDay).toBe(one!.changesToUsersPerDay);
          expect(many!.changeFailureRate).toBeLessThanOrEqual(one!.changeFailureRate);
        },
      ),
    );
  });

  it('starts from the learner’s runs when they report deploys and changes, else from the sample', () => {
    expect(baseline([]).sample).toBe(true);
    const b = baseline([run(1, elite)]);
    expect(b).toEqual({ deploysPerDay: 4, changesPerDay: 4, changeFailureRate: 0.04, sample: false });
    expect(() => gameTarget({ deploysPerDay: 0, changesPerDay: 1, changeFailureRate: 0 })).toThrow(/needs some deploys/);
  });
});

describe('CSV export', () => {
  it('writes one row per run with a header, marking sample data', () => {
    const rows = csvRows([]);
    expect(rows[0]!.slice(0, 3)).toEqual(['finished at', 'sim', 'data']);
    expect(rows).toHaveLength(SAMPLE_RUNS.length + 1);
    expect(rows.slice(1).every((r) => r[2] === 'sample')).toBe(true);
    expect(csvRows([run(1, elite)])[1]![2]).toBe('own');
  });

  it('quotes cells with commas or quotes and ends every line with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', '1'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""",1\r\n');
    const w = wallCsvRows(wall([run(1, elite)]));
    expect(w[0]).toEqual(['metric', 'value', 'unit', 'runs', 'band', 'band year', 'data']);
    expect(w.find((r) => r[0] === 'Deployment frequency')).toEqual(['Deployment frequency', '4', 'deploys a working day', '1', 'elite', '2024', 'own']);
  });
});

describe('missions', () => {
  const four = [...DORA_METRICS];

  it('“All four keys on the wall” needs the learner’s own runs and all four keys chosen', () => {
    const m = dashboardMissions.find((x) => x.id === 'all-four-keys')!;
    expect(m.won({ runs: [], chosen: four }, values)).toBe(false);
    expect(m.won({ runs: [run(1, elite)], chosen: [...DEFAULT_WALL].filter((id) => id !== 'leadTime') }, values)).toBe(false);
    expect(m.won({ runs: [run(1, { deploysPerDay: 3 })], chosen: four }, values)).toBe(false);
    expect(m.won({ runs: [run(1, elite)], chosen: four }, values)).toBe(true);
  });

  it('“Lift the weakest key” is won when the newest run moves the weakest key up a band, and not by a run that leaves it', () => {
    const m = dashboardMissions.find((x) => x.id === 'lift-the-weakest')!;
    const weak = run(1, { ...elite, changeFailureRate: 0.4 });
    expect(m.won({ runs: [weak], chosen: four }, values)).toBe(false);
    expect(m.won({ runs: [weak, run(2, { ...elite, changeFailureRate: 0.4 })], chosen: four }, { window: 2 })).toBe(false);
    expect(m.won({ runs: [weak, run(2, { ...elite, changeFailureRate: 0 })], chosen: four }, { window: 2 })).toBe(true);
  });
});

describe('figures for the facilitator guide', () => {
  it('show the sample wall with its weakest key and the gamed target tenfold with the work flat', () => {
    const x = expectedNumbers();
    expect(x.sampleWeakest).toBe('changeFailureRate');
    expect(x.game[1]!.deploysPerDay).toBeCloseTo(10 * x.game[0]!.deploysPerDay, 1);
    expect(x.game[1]!.changesToUsersPerDay).toBe(x.game[0]!.changesToUsersPerDay);
  });
});
