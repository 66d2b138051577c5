// Tests for the batch-size model: determinism, conservation of changes, risk growing with batch size, and metrics that match the log.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canShip,
  failureProbability,
  init,
  isOver,
  makeChanges,
  policyDeploys,
  replay,
  restoreMinutes,
  riskCurve,
  runQuarter,
  sizesUpTo,
  step,
  summarize,
  tiersOf,
  weakest,
  narrate,
  exportRun,
  deploysToCsv,
  type BatchAction,
  type BatchParams,
  type Policy,
} from '../../../src/models/batch/index.ts';
import { defaultScenario } from '../../../src/schemas/batch-scenario.ts';

const base: BatchParams = defaultScenario().params;

const policyArb: fc.Arbitrary<Policy> = fc.oneof(
  fc.integer({ min: 1, max: 65 }).map((days) => ({ kind: 'every' as const, days })),
  fc.integer({ min: 1, max: 60 }).map((changes) => ({ kind: 'count' as const, changes })),
  fc.integer({ min: 1, max: 65 }).map((days) => ({ kind: 'window' as const, days })),
);
const paramsArb: fc.Arbitrary<BatchParams> = fc.record({
  days: fc.integer({ min: 5, max: 65 }),
  changesPerDay: fc.double({ min: 0.5, max: 10, noNaN: true }),
  defectRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  policy: policyArb,
  recovery: fc.constantFrom('rollback' as const, 'fix-forward' as const),
  detectMinutes: fc.integer({ min: 0, max: 120 }),
  rollbackMinutes: fc.integer({ min: 0, max: 120 }),
  findMinutesPerChange: fc.integer({ min: 0, max: 30 }),
  fixMinutes: fc.integer({ min: 0, max: 120 }),
});
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const actionsArb = fc.array(
  fc.constantFrom<BatchAction>(
    { type: 'day' },
    { type: 'day' },
    { type: 'day' },
    { type: 'ship' },
    { type: 'recover', how: 'rollback' },
    { type: 'recover', how: 'fix-forward' },
  ),
  { maxLength: 120 },
);

describe('the batch-size model', () => {
  it('gives the same run for the same seed, parameters and actions', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, actionsArb, (params, seed, actions) => {
        expect(replay(params, seed, actions)).toEqual(replay(params, seed, actions));
        expect(runQuarter(params, seed)).toEqual(runQuarter(params, seed));
      }),
      { numRuns: 60 },
    );
  });

  it('makes the same changes whatever the policy, so two policies share the same dice', () => {
    fc.assert(
      fc.property(paramsArb, policyArb, seedArb, (params, other, seed) => {
        expect(init({ ...params, policy: other }, seed).changes).toEqual(init(params, seed).changes);
      }),
      { numRuns: 40 },
    );
  });

  it('loses no change: each is deployed, or waiting (first time or after a rollback)', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, actionsArb, (params, seed, actions) => {
        const state = replay(params, seed, actions);
        const ready = state.changes.slice(0, state.arrived);
        const waiting = new Set(state.queue);
        const inFailedBatch = new Set(state.incident === null ? [] : state.deploys[state.incident]!.changeIds);
        for (const change of ready) {
          const deployed = change.deployedAt !== null;
          expect(deployed || waiting.has(change.id), `change ${change.id} vanished`).toBe(true);
          expect(deployed && waiting.has(change.id), `change ${change.id} is both live and queued`).toBe(false);
          if (!deployed) expect(inFailedBatch.has(change.id)).toBe(false);
        }
        expect(state.queue.length).toBe(new Set(state.queue).size);
        expect(ready.filter((c) => c.deployedAt !== null).length + state.queue.length).toBe(ready.length);
      }),
      { numRuns: 100 },
    );
  });

  it('ships everything waiting when a scheduled deploy comes round', () => {
    let state = init({ ...base, policy: { kind: 'every', days: 5 } }, 7);
    for (let d = 0; d < 4; d++) state = step(state, { type: 'day' });
    const waiting = state.queue.length;
    expect(state.deploys).toHaveLength(0);
    state = step(state, { type: 'day' });
    const arrivedOnDay5 = state.arrived - waiting;
    expect(state.deploys[0]!.changeIds).toHaveLength(waiting + arrivedOnDay5);
    expect(state.deploys[0]!.at).toBe(5);
  });

  it('fails a deploy exactly when it carries a defective change', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, (params, seed) => {
        const state = runQuarter(params, seed);
        for (const d of state.deploys) {
          const original = init(params, seed).changes;
          const hadDefect = d.changeIds.some((id) => original[id]!.wasDefective && d.defectIds.includes(id));
          expect(d.failed).toBe(d.defectIds.length > 0);
          expect(d.failed).toBe(hadDefect);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rolls back the whole batch: every change in it waits again, the bad one fixed', () => {
    let state = init({ ...base, defectRate: 1, policy: { kind: 'count', changes: 3 } }, 3);
    while (state.incident === null) state = step(state, { type: 'day' });
    const failed = state.deploys[state.incident]!;
    expect(state.day < base.days).toBe(true);
    state = step(state, { type: 'recover', how: 'rollback' });
    expect(state.queue.slice(0, failed.changeIds.length)).toEqual(failed.changeIds);
    expect(failed.changeIds.every((id) => !state.changes[id]!.defective && state.changes[id]!.deployedAt === null)).toBe(true);
    expect(state.deploys[failed.id]!.downtimeMinutes).toBe(50);
  });

  it('takes longer to fix forward as the batch grows, and the same time to roll back', () => {
    expect(restoreMinutes(base, 50, 'fix-forward')).toBeGreaterThan(restoreMinutes(base, 5, 'fix-forward'));
    expect(restoreMinutes(base, 50, 'rollback')).toBe(restoreMinutes(base, 5, 'rollback'));
    expect(restoreMinutes(base, 20, 'fix-forward')).toBe(30 + 200 + 45);
  });

  it('blocks the next day and any shipping while an outage waits for a decision', () => {
    let state = init({ ...base, defectRate: 1, policy: { kind: 'every', days: 1 } }, 1);
    while (state.incident === null) state = step(state, { type: 'day' });
    expect(step(state, { type: 'day' })).toBe(state);
    expect(canShip(state)).toBe(false);
  });

  it('refuses "Ship now" outside maintenance windows and with nothing queued', () => {
    const windowed = step(step(init({ ...base, policy: { kind: 'window', days: 21 } }, 4), { type: 'day' }), { type: 'day' });
    expect(windowed.queue.length).toBeGreaterThan(0);
    expect(canShip(windowed)).toBe(false);
    expect(canShip(init(base, 4))).toBe(false);
  });

  it('deploys on schedule only when something waits', () => {
    expect(policyDeploys({ kind: 'every', days: 5 }, 4, 3)).toBe(true);
    expect(policyDeploys({ kind: 'every', days: 5 }, 4, 0)).toBe(false);
    expect(policyDeploys({ kind: 'count', changes: 10 }, 0, 9)).toBe(false);
    expect(policyDeploys({ kind: 'manual' }, 4, 100)).toBe(false);
  });

  it('ends the run after the last day once no outage is open', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, (params, seed) => {
        const state = runQuarter(params, seed);
        expect(isOver(state)).toBe(true);
        expect(state.day).toBe(params.days);
      }),
      { numRuns: 30 },
    );
  });
});

describe('risk and batch size', () => {
  it('matches the closed form at the ends', () => {
    expect(failureProbability(0.02, 1)).toBeCloseTo(0.02);
    expect(failureProbability(0.02, 20)).toBeCloseTo(0.3324, 4);
    expect(failureProbability(0, 100)).toBe(0);
  });

  it('never falls as the batch grows', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 500 }), (p, n) => {
        expect(failureProbability(p, n + 1)).toBeGreaterThanOrEqual(failureProbability(p, n));
      }),
    );
  });

  it('agrees with 1 - (1 - p)^n within four standard errors for every size from 1 to 100', () => {
    fc.assert(
      fc.property(fc.constantFrom(0.01, 0.02, 0.05, 0.08, 0.2), seedArb, (p, seed) => {
        const trials = 4000;
        for (const point of riskCurve(p, sizesUpTo(100), trials, seed)) {
          const q = point.closedForm;
          const tolerance = 4 * Math.sqrt((q * (1 - q)) / trials) + 1 / trials;
          expect(Math.abs(point.monteCarlo - q), `n=${point.size}`).toBeLessThanOrEqual(tolerance);
        }
      }),
      { numRuns: 5 },
    );
  });

  it('sees more failed deploys, in share, with bigger batches over many quarters', () => {
    const rate = (policy: Policy) => {
      let deploys = 0;
      let failed = 0;
      for (let seed = 0; seed < 200; seed++) {
        const s = summarize(runQuarter({ ...base, policy, recovery: 'fix-forward' }, seed));
        deploys += s.deploys;
        failed += s.failedDeploys;
      }
      return failed / deploys;
    };
    const daily = rate({ kind: 'every', days: 1 });
    const weekly = rate({ kind: 'every', days: 5 });
    const monthly = rate({ kind: 'every', days: 21 });
    expect(daily).toBeLessThan(weekly);
    expect(weekly).toBeLessThan(monthly);
    expect(daily).toBeCloseTo(1 - Math.exp(-4 * 0.02), 1);
  });
});

describe('metrics of a run', () => {
  it('agree with the per-deploy log', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, (params, seed) => {
        const state = runQuarter(params, seed);
        const s = summarize(state);
        expect(s.deploys).toBe(state.deploys.length);
        expect(s.failedDeploys).toBe(state.deploys.filter((d) => d.failed).length);
        expect(s.downtimeMinutes).toBe(state.deploys.reduce((sum, d) => sum + d.downtimeMinutes, 0));
        expect(s.changeFailureRate).toBe(s.deploys ? s.failedDeploys / s.deploys : 0);
        if (s.failedDeploys) expect(s.meanTimeToRestoreMinutes).toBeCloseTo(s.downtimeMinutes / s.failedDeploys);
        expect(s.changesDeployed + s.changesWaiting).toBe(s.changesReady);
        expect(s.deploysPerWeek).toBeCloseTo(s.deploys / (params.days / 5));
      }),
      { numRuns: 60 },
    );
  });

  it('places a run by its weakest key', () => {
    const elite = { deploys: 65, deploysPerWeek: 5, medianLeadTimeDays: 0.5, changeFailureRate: 0.05, meanTimeToRestoreMinutes: 50 };
    expect(weakest(tiersOf(elite))).toBe('elite');
    expect(weakest(tiersOf({ ...elite, medianLeadTimeDays: 3 }))).toBe('high');
    expect(weakest(tiersOf({ ...elite, deploysPerWeek: 0.5 }))).toBe('medium');
    expect(weakest(tiersOf({ ...elite, changeFailureRate: 0.45 }))).toBe('low');
    expect(weakest(tiersOf({ ...elite, meanTimeToRestoreMinutes: 3 * 24 * 60 }))).toBe('medium');
    expect(weakest(tiersOf({ ...elite, deploys: 0, deploysPerWeek: 0, medianLeadTimeDays: null }))).toBe('low');
  });

  it('puts daily small deploys with a strong suite above quarterly big-bang releases', () => {
    const daily = summarize(runQuarter({ ...base, policy: { kind: 'every', days: 1 } }, 11));
    const quarterly = summarize(runQuarter({ ...base, policy: { kind: 'every', days: 65 }, recovery: 'fix-forward' }, 11));
    expect(['elite', 'high']).toContain(daily.cluster);
    expect(quarterly.cluster).toBe('low');
    expect(daily.medianLeadTimeDays!).toBeLessThan(quarterly.medianLeadTimeDays!);
  });
});

describe('narrating a run', () => {
  it('announces deploys, outages, recoveries and the end of the quarter', () => {
    let state = init({ ...base, days: 3, defectRate: 1, policy: { kind: 'every', days: 1 } }, 2);
    const next = step(state, { type: 'day' });
    expect(narrate(state, next)).toMatch(/^Outage! Deploy 1 shipped \d+ changes? on day 1/);
    state = next;
    expect(narrate(state, step(state, { type: 'recover', how: 'rollback' }))).toMatch(/Rolled back deploy 1: production restored after 50 minutes/);
    const quiet = init({ ...base, days: 1, changesPerDay: 0.5, defectRate: 0, policy: { kind: 'manual' } }, 2);
    expect(narrate(quiet, step(quiet, { type: 'day' }))).toMatch(/The quarter is over: 0 deploys/);
  });
});

describe('making changes', () => {
  it('arrives at about the chosen rate and keeps arrival order', () => {
    const changes = makeChanges({ days: 650, changesPerDay: 4, defectRate: 0.02 }, 5);
    expect(changes.length / 650).toBeGreaterThan(3.7);
    expect(changes.length / 650).toBeLessThan(4.3);
    expect(changes.every((c, i) => i === 0 || c.readyAt >= changes[i - 1]!.readyAt)).toBe(true);
  });
});

describe('exporting a run', () => {
  it('lists every ready change with its fate, agreeing with the summary', () => {
    const state = runQuarter({ ...base, policy: { kind: 'every', days: 21 } }, 8);
    const run = exportRun(state, 8, 'seed=8', []);
    expect(run.changes).toHaveLength(run.summary.changesReady);
    expect(run.changes.filter((c) => c.fate === 'deployed')).toHaveLength(run.summary.changesDeployed);
    expect(run.changes.filter((c) => c.fate !== 'deployed')).toHaveLength(run.summary.changesWaiting);
  });
  it('writes one CSV row per deploy under a fixed header', () => {
    const run = exportRun(runQuarter(base, 3), 3, 'seed=3', []);
    const lines = deploysToCsv(run).trim().split('\n');
    expect(lines[0]).toBe('deploy,day,changes,failed,defects,recovery,downtime_minutes');
    expect(lines).toHaveLength(run.deploys.length + 1);
  });
});
