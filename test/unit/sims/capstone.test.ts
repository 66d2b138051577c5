// Tests for the capstone sim's definition: its result code decodes with its parts on the debrief page, its choice orders match the model, its decision rule and saved summary.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { simRunProblem } from '../../../src/lib/progress.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';
import { METRIC_KEYS } from '../../../src/models/dashboard/model.ts';
import { BEST, DEPLOY, FLAGS, IAC, PARITY, SERVICES, TEAM, TESTS, model, summarize } from '../../../src/models/capstone/index.ts';
import { capstoneFields, capstoneParams, type CapstoneScenarioValues } from '../../../src/schemas/capstone-scenario.ts';
import { CHOICE_ORDER, MANAGED_FLAGS, capstoneChart, capstoneCode, capstoneRun, leversPulled, managedMask } from '../../../src/sims/capstone.ts';
import { CODE_SPECS, simById, simForLesson } from '../../../src/sims/registry.ts';
import { savedSummary } from '../../../src/islands/CapstoneSim/saved.ts';

const values = (over: Partial<CapstoneScenarioValues> = {}): CapstoneScenarioValues => ({ ...defaultValues(capstoneFields), ...over });
const BEST_VALUES = values({ ...BEST });

describe('the capstone sim', () => {
  it('is registered for the together lesson, with its own code letters and three missions', () => {
    expect(simForLesson('together')?.id).toBe('capstone');
    expect(simById('capstone')?.missions).toBe(3);
    expect(CODE_SPECS.filter((s) => s.sim === 'cq')).toHaveLength(1);
  });

  it('lists each lever’s choices in the model’s order, strongest last, and the managed flags in the services’ order', () => {
    const tables = { team: TEAM, parity: PARITY, tests: TESTS, iac: IAC, deploy: DEPLOY, flags: FLAGS };
    for (const [lever, table] of Object.entries(tables)) {
      expect(CHOICE_ORDER[lever as keyof typeof CHOICE_ORDER]).toEqual(Object.keys(table));
      expect(CHOICE_ORDER[lever as keyof typeof CHOICE_ORDER].at(-1)).toBe(BEST[lever as keyof typeof BEST]);
    }
    expect(MANAGED_FLAGS.map((f) => f.slice(1))).toEqual(Object.keys(SERVICES));
    expect(leversPulled(values())).toBe(0);
    expect(leversPulled(BEST_VALUES)).toBe(6);
    expect(managedMask(values({ mtests: true, mflags: true }))).toBe(2 + 16);
  });

  it('makes result codes that decode to the run’s numbers', () => {
    const v = values({ ...BEST, mdeploy: true });
    const s = summarize(runToEnd(model, capstoneParams(v), 2026));
    const decoded = decodeResult(CODE_SPECS, encodeResult(capstoneCode, 2026, v, s, 'ab12'));
    expect(decoded).toMatchObject({ ok: true, sim: 'cq', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      team: 2,
      parity: 2,
      tests: 2,
      iac: 1,
      deploy: 3,
      flags: 1,
      managed: 8,
      pulled: 6,
      elite: s.eliteKeys,
      band: s.bandRank,
      live: s.featuresLive,
      downtime: Math.round(s.downtimeMinutes!),
      night: s.nightPages,
      spend: s.spend! / 100,
      deploys: s.deploys,
      failed: s.failedDeploys,
      lead: 1 + Math.round(s.leadTimeDays! * 100),
      recovery: 1 + Math.round(s.recoveryMinutes!),
    });
    expect(capstoneChart.x(decoded.values)).toBe(s.spend! / 1000);
    expect(capstoneChart.y(decoded.values)).toBe(s.featuresLive);
    expect(capstoneChart.group(decoded.values)).toBe(`${s.eliteKeys} of 4 keys elite`);
  });

  it('codes a quarter that shipped nothing and never failed as zeros, never a negative part', () => {
    const v = values({ days: 10, rate: 0.5 });
    const s = summarize(runToEnd(model, capstoneParams(v), 1));
    const decoded = decodeResult(CODE_SPECS, encodeResult(capstoneCode, 1, v, s, '0000'));
    expect(decoded.ok).toBe(true);
  });

  it('puts two learners on the same dice in one scenario on the debrief page, whatever levers they chose', () => {
    const a = encodeResult(capstoneCode, 7, values(), summarize(runToEnd(model, capstoneParams(values()), 7)), 'aaaa');
    const b = encodeResult(capstoneCode, 7, BEST_VALUES, summarize(runToEnd(model, capstoneParams(BEST_VALUES), 7)), 'bbbb');
    const report = readClassCodes(`Ana: ${a}\nBo: ${b}`);
    expect(report.counted).toBe(2);
    expect(report.sims.find((g) => g.sim.id === 'capstone')?.scenarios).toHaveLength(1);
  });

  it('waits for the learner while an incident is open, and not on a quiet day', () => {
    let state = model.init(capstoneParams(values()), 5);
    expect(capstoneRun.needsDecision(state)).toBe(false);
    while (state.open.length === 0) state = model.step(state, capstoneRun.tick);
    expect(capstoneRun.needsDecision(state)).toBe(true);
  });

  it('saves a summary progress accepts, with the dashboard’s metric keys', () => {
    const run = runToEnd(model, capstoneParams(BEST_VALUES), 3);
    const summary = savedSummary(BEST_VALUES, run);
    expect(simRunProblem({ at: '2026-12-02T10:00:00.000Z', code: 'x', query: 'seed=3', summary })).toBeNull();
    for (const key of ['deploysPerDay', 'changesPerDay', 'leadTimeDays', 'changeFailureRate', 'recoveryMinutes', 'rollbacks', 'pages', 'outages']) {
      expect(Object.keys(METRIC_KEYS)).toContain(key);
      expect(typeof summary[key as keyof typeof summary]).toBe('number');
    }
    expect(summary).toMatchObject({ levers: '222131-00000', leversPulled: 6, eliteKeys: 4, band: 'elite' });
  });
});
