// Tests for the dashboard's definition: which saved runs feed the wall, its result code on the debrief page, the saved summary and its sentences.
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { emptyProgress, recordSimRun, simRunProblem } from '../../../src/lib/progress.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';
import { batchModel } from '../../../src/models/batch/index.ts';
import { batchFields, batchParams } from '../../../src/schemas/batch-scenario.ts';
import { savedSummary as batchSaved } from '../../../src/sims/batch.ts';
import { scenarioToQuery, defaultScenario } from '../../../src/sim-kit/core/fields.ts';
import { BANDS } from '../../../src/models/dora/bands.ts';
import { DEFAULT_WALL, DORA_METRICS, METRIC_IDS, gameTarget, tile, wall } from '../../../src/models/dashboard/index.ts';
import {
  DASHBOARD_ID,
  dashboardCode,
  dashboardFields,
  narrateSplit,
  narrateWall,
  runsFromProgress,
  savedSummary,
  summarizeWall,
  wallFromMask,
  wallMask,
} from '../../../src/sims/dashboard.ts';
import { CODE_SPECS, simById, simForLesson } from '../../../src/sims/registry.ts';

const values = defaultValues(dashboardFields);
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12)).toISOString();

/** A progress file holding one finished batch quarter of each policy given, played with the batch sim's own saved summary. */
function withBatchRuns(policies: Array<'daily' | 'quarterly' | 'weekly'>) {
  return policies.reduce((p, policy, i) => {
    const v = { ...defaultValues(batchFields), policy };
    const end = runToEnd(batchModel, batchParams(v), 2026);
    const query = scenarioToQuery(batchFields, { ...defaultScenario(batchFields), values: v });
    return recordSimRun(p, 'batch', { at: at(i + 1), code: 'SS2-b-test', query, summary: batchSaved(v, end) });
  }, emptyProgress());
}

describe('the dashboard sim', () => {
  it('is registered for the measure lesson with its own code letters and two missions', () => {
    expect(simForLesson('measure')?.id).toBe(DASHBOARD_ID);
    expect(simById(DASHBOARD_ID)?.missions).toBe(2);
    expect(CODE_SPECS.filter((s) => s.sim === 'db')).toHaveLength(1);
  });

  it('reads every other sim’s saved runs, oldest first, and never its own', () => {
    let p = withBatchRuns(['quarterly', 'daily']);
    p = recordSimRun(p, 'flags', { at: at(0), code: '', query: 'seed=1', summary: { pages: 3 } });
    p = recordSimRun(p, DASHBOARD_ID, { at: at(9), code: '', query: '', summary: { sample: 0, ownRuns: 3 } });
    const runs = runsFromProgress(p);
    expect(runs.map((r) => r.sim)).toEqual(['flags', 'batch', 'batch']);
    expect(runs[1]!.summary.runDays).toBe(65);
  });

  it('puts a batch quarter’s four keys and its changes a day on the wall from the batch sim’s saved summary', () => {
    const runs = runsFromProgress(withBatchRuns(['daily']));
    const w = wall(runs, METRIC_IDS);
    for (const id of [...DORA_METRICS, 'buildsPerDay', 'outages', 'rollbacks', 'mttr'] as const) expect(w.tiles.find((t) => t.id === id)!.value).not.toBeNull();
    const end = runToEnd(batchModel, batchParams({ ...defaultValues(batchFields), policy: 'daily' }), 2026);
    const changes = end.changes.slice(0, end.arrived).filter((c) => c.deployedAt !== null).length;
    expect(tile(runs, 'recoveryTime').value).toBe(runs[0]!.summary.meanRestoreMinutes);
    const rows = gameTarget({ deploysPerDay: 1, changesPerDay: changes / 65, changeFailureRate: 0 }, [1]);
    expect(rows[0]!.changesToUsersPerDay).toBeCloseTo(changes / 65);
    expect(w.sample).toBe(false);
  });

  it('makes result codes that decode to the wall’s bands, its weakest key and the guess', () => {
    const runs = runsFromProgress(withBatchRuns(['quarterly']));
    const s = summarizeWall(runs, DEFAULT_WALL, 10, 'leadTime');
    const decoded = decodeResult(CODE_SPECS, encodeResult(dashboardCode, 2026, values, s, 'ab12'));
    expect(decoded).toMatchObject({ ok: true, sim: 'db', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      sample: 0,
      runs: 1,
      sims: 1,
      deploymentFrequency: 3,
      leadTime: 3,
      changeFailureRate: 3,
      recoveryTime: BANDS.indexOf(s.wall.dora.bands.recoveryTime!),
      weakest: 0,
      guess: 1,
      wall: wallMask(DEFAULT_WALL),
    });
    // Once a quarter is low on frequency, lead time and failure rate: a guess of any of them names a weakest key.
    expect(s.wall.dora.weakestKeys).toEqual(['deploymentFrequency', 'leadTime', 'changeFailureRate']);
    expect(s.guessedRight).toBe(true);
  });

  it('codes the sample wall as sample, and counts a room of dashboards on the debrief page', () => {
    const s = summarizeWall([], DEFAULT_WALL, 10, 'recoveryTime');
    expect(s).toMatchObject({ ownRuns: 0, sims: 0, guessedRight: false });
    const a = encodeResult(dashboardCode, 2026, values, s, 'aaaa');
    const b = encodeResult(dashboardCode, 2026, values, summarizeWall([], DORA_METRICS, 10, 'changeFailureRate'), 'bbbb');
    const report = readClassCodes(`Ana: ${a}\nBo: ${b}`);
    expect(report.counted).toBe(2);
    const group = report.sims.find((g) => g.sim.id === DASHBOARD_ID)!;
    expect(group.scenarios).toHaveLength(1);
    expect(group.scenarios[0]!.results.map((r) => r.values.sample)).toEqual([1, 1]);
    expect(group.scenarios[0]!.results.map((r) => r.values.weakest)).toEqual([2, 2]);
  });

  it('keeps a saved summary the progress file accepts, with the wall as a mask that reads back', () => {
    const s = summarizeWall([], DEFAULT_WALL, 10, 'leadTime');
    const summary = savedSummary(values, s);
    expect(simRunProblem({ at: at(1), code: 'x', query: 'window=10', summary })).toBeNull();
    expect(summary).toMatchObject({ sample: 1, ownRuns: 0, window: 10, weakest: 'changeFailureRate', band: 'medium', guess: 'leadTime' });
    expect(wallFromMask(summary.wall as number)).toEqual([...DEFAULT_WALL]);
    expect(wallFromMask(-1)).toEqual([]);
    expect(wallFromMask(2 ** 20)).toEqual([]);
  });

  it('says what the wall shows and what a split does, for the live region', () => {
    expect(narrateWall(summarizeWall([], DEFAULT_WALL, 10, null))).toBe(
      'Wall up: 7 metrics from the sample data, not your own runs. Weakest key: change failure rate, in the medium band of DORA’s 2024 report.',
    );
    const row = gameTarget({ deploysPerDay: 0.5, changesPerDay: 4, changeFailureRate: 0.2 }, [4])[0]!;
    expect(narrateSplit(row)).toBe('Split into 4: 2 deploys a working day, the elite band for deployment frequency; 4 changes still reach users a day.');
  });
});
