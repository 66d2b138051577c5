// Tests for the environment-parity model: its rules, the kit contract, and the lesson's claims over 200 seeds at the defaults.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { actionsToEnd, overSeeds, replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { missionsWon } from '../../../src/sim-kit/core/missions.ts';
import {
  budgetCheck,
  changeStatus,
  deployTable,
  expectedNumbers,
  FAMILIES,
  FIX_CLOSES,
  FIX_COST,
  FIX_FOR,
  FIXES,
  firstClosed,
  init,
  model,
  narrate,
  parityMissions,
  ASSUMPTIONS,
  SOURCES,
  step,
  summarize,
  sweep,
  table,
  versionGapAt,
  type Family,
  type Fix,
  type ParityAction,
  type ParityParams,
  type ParityState,
} from '../../../src/models/parity/index.ts';
import { checkParityValues, parityFields, parityParams, type ParityValues } from '../../../src/schemas/parity-scenario.ts';

const defaults: ParityValues = defaultValues(parityFields);
const base: ParityParams = parityParams(defaults);
const SEEDS = 200;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const prodOf: Record<Family, 'prodColocation' | 'prodSecurity' | 'prodLibrary' | 'prodNeighbour' | 'prodData'> = {
  colocation: 'prodColocation',
  security: 'prodSecurity',
  library: 'prodLibrary',
  neighbour: 'prodNeighbour',
  data: 'prodData',
};

/** A hand-made state: one change written on day 0 that leans on `family`, so each rule can be seen alone. */
function oneChange(family: Family, fixes: Fix[], every = 1): ParityState {
  const start = init({ ...base, fixes, every, budget: 12, days: 3 }, 1);
  const change = { id: 0, readyAt: 0.5, family, depends: true, failedIn: null, findMinutes: 0, deployId: null };
  return { ...start, changes: [change], versionTimes: [] };
}

const paramsArb: fc.Arbitrary<ParityParams> = fc.record({
  days: fc.integer({ min: 1, max: 40 }),
  changesPerDay: fc.double({ min: 0, max: 8, noNaN: true }),
  dependShare: fc.double({ min: 0, max: 1, noNaN: true }),
  every: fc.integer({ min: 1, max: 40 }),
  versionsPerDay: fc.double({ min: 0, max: 3, noNaN: true }),
  fixes: fc.subarray([...FIXES]),
  budget: fc.constant(12),
  devMinutes: fc.integer({ min: 0, max: 60 }),
  stagingMinutes: fc.integer({ min: 0, max: 120 }),
  pageMinutes: fc.integer({ min: 0, max: 600 }),
  findMinutesPerChange: fc.integer({ min: 0, max: 20 }),
});

describe('the parity rules', () => {
  it('close each family in the environment its fix reaches, and leave it open to production without the fix', () => {
    expect(FIXES.map((f) => [f, FIX_CLOSES[f].family, FIX_CLOSES[f].from])).toEqual([
      ['containers', 'colocation', 'development'],
      ['network', 'security', 'staging'],
      ['lockfile', 'library', 'development'],
      ['pin', 'neighbour', 'staging'],
      ['data', 'data', 'staging'],
    ]);
    for (const family of FAMILIES) {
      expect(firstClosed(family, [])).toBe('production');
      expect(firstClosed(family, [FIX_FOR[family]])).toBe(FIX_CLOSES[FIX_FOR[family]].from);
      expect(
        firstClosed(
          family,
          FIXES.filter((f) => f !== FIX_FOR[family]),
        ),
      ).toBe('production');
    }
  });

  it('say whether fixes fit the budget and by how much they miss', () => {
    expect(budgetCheck(['containers', 'lockfile', 'pin'], 6)).toEqual({ fits: true, spent: 5, left: 1, message: null });
    const over = budgetCheck(['data', 'network'], 6);
    expect(over.fits).toBe(false);
    expect(over.message).toBe('The fixes chosen, data (4), network (3), cost 7 engineer-days, 1 more than the budget of 6.');
    expect(budgetCheck(['lockfile', 'lockfile'], 1).fits).toBe(true);
  });

  it('refuse to start with fixes over the budget or a bad value, naming it', () => {
    expect(() => init({ ...base, fixes: ['data', 'network'] }, 1)).toThrow(/7 engineer-days, 1 more than the budget of 6/);
    expect(() => init({ ...base, every: 0 }, 1)).toThrow(/every must be a whole number/);
    expect(() => init({ ...base, fixes: ['magic' as Fix] }, 1)).toThrow(/unknown fix “magic”/);
  });

  it('catch a change at a desk when its difference is closed in development, for a few minutes', () => {
    const s = step(oneChange('library', ['lockfile']), { type: 'day' });
    expect(s.changes[0]).toMatchObject({ failedIn: 'development', findMinutes: 15, deployId: 0 });
  });

  it('catch a change in staging at the deploy when its difference is closed there, and still ship it', () => {
    const s = step(oneChange('data', ['data']), { type: 'day' });
    expect(s.changes[0]).toMatchObject({ failedIn: 'staging', findMinutes: 60, deployId: 0 });
    expect(s.deploys[0]).toMatchObject({ stagingIds: [0], productionIds: [] });
  });

  it('let a change fail in production when its difference is open everywhere, costing a page plus a search through the deploy', () => {
    const s = step(oneChange('security', ['containers']), { type: 'day' });
    expect(s.changes[0]).toMatchObject({ failedIn: 'production', findMinutes: 180 + 5 * 1 });
    expect(s.deploys[0]!.productionIds).toEqual([0]);
  });

  it('make a bigger deploy cost more to search when it breaks production', () => {
    const start = init({ ...base, every: 1 }, 3);
    const manyWaiting = { ...start, changes: start.changes.map((c, i) => ({ ...c, readyAt: 0.1, depends: i === 0, family: 'data' as const })) };
    const s = step(manyWaiting, { type: 'day' });
    expect(s.deploys[0]!.changeIds.length).toBe(start.changes.length);
    expect(s.changes[0]!.findMinutes).toBe(180 + 5 * start.changes.length);
  });

  it('deploy on the schedule at the end of every interval, and on demand only when something waits', () => {
    let s = init({ ...base, every: 3 }, 7);
    for (let d = 0; d < 9; d++) s = step(s, { type: 'day' });
    expect(s.deploys.map((d) => d.at)).toEqual([3, 6, 9]);
    expect(step(s, { type: 'deploy' })).toBe(s);
    s = step(s, { type: 'day' });
    const shipped = step(s, { type: 'deploy' });
    expect(shipped.deploys.at(-1)).toMatchObject({ at: 10, changeIds: s.queue });
    expect(shipped.queue).toEqual([]);
  });

  it('count versions development picked up since the last deploy as the version gap', () => {
    const start = { ...init({ ...base, every: 4 }, 1), versionTimes: [0.5, 1.5, 3.5, 4.5, 5] };
    let s = start;
    for (let d = 0; d < 6; d++) s = step(s, { type: 'day' });
    expect(versionGapAt(s, 3.9)).toBe(3);
    expect(versionGapAt(s, 4.6)).toBe(1);
    expect(s.deploys[0]!.versionGap).toBe(3);
    // Area under the gap: 0.5..4 at 1, 1.5..4 at 1, 3.5..4 at 1, then 4.5..6 and 5..6 after the deploy at day 4.
    expect(summarize(s).versionGap).toBeCloseTo((3.5 + 2.5 + 0.5 + 1.5 + 1) / 6, 10);
  });

  it('let the learner who makes no choices simply let the days run', () => {
    expect(model.autoplay(init(base, 1))).toEqual({ type: 'day' });
  });
});

describe('the parity model keeps the kit contract', () => {
  it('gives the same run for the same seed, params and actions', () => {
    expect(runToEnd(model, base, 42)).toEqual(runToEnd(model, base, 42));
    expect(runToEnd(model, base, 42)).not.toEqual(runToEnd(model, base, 43));
  });

  it('replays the actions that reach the end to the same state as running to the end', () => {
    fc.assert(
      fc.property(paramsArb, fc.integer({ min: 0, max: 1e6 }), (params, seed) => {
        const start = init(params, seed);
        const actions = actionsToEnd(model, start);
        expect(actions.length).toBe(params.days);
        expect(replay(model, params, seed, actions)).toEqual(runToEnd(model, params, seed));
      }),
      { numRuns: 60 },
    );
  });

  it('replays a run with the learner’s own deploys mixed in to the same state', () => {
    fc.assert(
      fc.property(paramsArb, fc.integer({ min: 0, max: 1e6 }), fc.array(fc.boolean(), { maxLength: 80 }), (params, seed, deploys) => {
        const log: ParityAction[] = [];
        let s = init(params, seed);
        for (const ship of deploys) {
          const action: ParityAction = ship ? { type: 'deploy' } : { type: 'day' };
          log.push(action);
          s = step(s, action);
        }
        expect(replay(model, params, seed, log)).toEqual(s);
        expect(s.deploys.every((d, i) => i === 0 || d.at >= s.deploys[i - 1]!.at)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('loses no change: at the end each is waiting or live, and failures sit only on changes that lean on a difference', () => {
    fc.assert(
      fc.property(paramsArb, fc.integer({ min: 0, max: 1e6 }), (params, seed) => {
        const end = runToEnd(model, params, seed);
        const s = summarize(end);
        expect(end.arrived).toBe(end.changes.length);
        for (const c of end.changes) {
          expect(['waiting', 'live']).toContain(changeStatus(end, c));
          if (c.failedIn !== null) expect(c.depends).toBe(true);
        }
        expect(s.shipped + s.waiting).toBe(s.changes);
        expect(end.deploys.reduce((n, d) => n + d.changeIds.length, 0)).toBe(s.shipped);
        expect(s.prodColocation + s.prodSecurity + s.prodLibrary + s.prodNeighbour + s.prodData).toBe(s.failedProduction);
      }),
      { numRuns: 60 },
    );
  });

  it('draws the same changes whatever fixes and deploy interval are chosen (same dice)', () => {
    fc.assert(
      fc.property(paramsArb, paramsArb, fc.integer({ min: 0, max: 1e6 }), (a, b, seed) => {
        const strip = (s: ParityState) => ({ changes: s.changes.map(({ readyAt, family, depends }) => ({ readyAt, family, depends })), v: s.versionTimes });
        const world = { days: a.days, changesPerDay: a.changesPerDay, dependShare: a.dependShare, versionsPerDay: a.versionsPerDay };
        expect(strip(init({ ...b, ...world }, seed))).toEqual(strip(init(a, seed)));
      }),
      { numRuns: 40 },
    );
  });

  it('never lets a fix add a production failure on the same dice', () => {
    fc.assert(
      fc.property(paramsArb, fc.integer({ min: 0, max: 1e6 }), (params, seed) => {
        const without = runToEnd(model, { ...params, fixes: [] }, seed);
        const withFixes = runToEnd(model, params, seed);
        for (const c of withFixes.changes) if (c.failedIn === 'production') expect(without.changes[c.id]!.failedIn).toBe('production');
      }),
      { numRuns: 40 },
    );
  });
});

describe('the parity scenario', () => {
  it('has defaults within the budget, with no fix bought and a fortnightly deploy', () => {
    expect(base).toMatchObject({ every: 10, budget: 6, fixes: [], days: 65, changesPerDay: 3, dependShare: 0.3 });
    expect(checkParityValues(defaults)).toEqual({ values: defaults, problems: [] });
  });

  it('turns off fixes that cost more than the budget, with a message naming them', () => {
    const { values, problems } = checkParityValues({ ...defaults, data: true, network: true, budget: 6 });
    expect(FIXES.some((f) => values[f])).toBe(false);
    expect(problems).toEqual([
      {
        param: 'budget',
        message: 'The fixes chosen, network (3), data (4), cost 7 engineer-days, 1 more than the budget of 6. No fix is applied; choose fixes that fit.',
      },
    ]);
  });

  it('states each fix cost in its field description', () => {
    for (const f of FIXES) expect(parityFields[f].description).toContain(`${FIX_COST[f]} engineer-day`);
  });
});

describe('the lesson’s claims over 200 seeds at the defaults', () => {
  const baseline = overSeeds(model, base, SEEDS, summarize);

  it.each(FIXES.map((f) => [f, FIX_CLOSES[f].family] as const))(
    'closing the gap with %s removes every %s failure from production and leaves the other families as they were',
    (fix, family) => {
      const closed = overSeeds(model, { ...base, fixes: [fix] }, SEEDS, summarize);
      // There was something to remove: at least 5 such production failures a run on average without the fix.
      expect(mean(baseline.map((s) => s[prodOf[family]]))).toBeGreaterThan(5);
      for (let i = 0; i < SEEDS; i++) {
        expect(closed[i]![prodOf[family]]).toBe(0);
        for (const other of FAMILIES.filter((f) => f !== family)) expect(closed[i]![prodOf[other]]).toBe(baseline[i]![prodOf[other]]);
      }
    },
  );

  it('three fixes that fit the default budget keep most failures out of production in at least 85% of seeds (measured 88.5%)', () => {
    const three = overSeeds(model, { ...base, fixes: ['containers', 'lockfile', 'pin'] }, SEEDS, summarize);
    const underHalf = three.filter((s) => s.productionShare !== null && s.productionShare < 0.5).length;
    expect(underHalf / SEEDS).toBeGreaterThanOrEqual(0.85);
    expect(mean(three.map((s) => s.failedProduction))).toBeLessThan(0.5 * mean(baseline.map((s) => s.failedProduction)));
  });

  it('deploying more often shrinks the version gap: the mean rises with the interval, and daily beats fortnightly in at least 95% of seeds', () => {
    const gaps = [1, 5, 10, 20, 65].map((every) => overSeeds(model, { ...base, every }, SEEDS, (end) => summarize(end).versionGap));
    const means = gaps.map(mean);
    for (let i = 1; i < means.length; i++) expect(means[i]! - means[i - 1]!).toBeGreaterThan(0.3);
    expect(means[2]! - means[0]!).toBeGreaterThan(1);
    const dailyWins = gaps[0]!.filter((g, i) => g < gaps[2]![i]!).length;
    expect(dailyWins / SEEDS).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the parity missions', () => {
  const rate = (values: ParityValues, id: string) => {
    const mission = parityMissions.find((m) => m.id === id)!;
    const runs = Array.from({ length: SEEDS }, (_, i) => runToEnd(model, parityParams(values), i + 1));
    return runs.filter((end) => mission.won(end, values)).length / SEEDS;
  };

  it('are at least three, with unique ids', () => {
    expect(parityMissions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(parityMissions.map((m) => m.id)).size).toBe(parityMissions.length);
  });

  it.each(parityMissions.map((m) => m.id))('%s is not won at the defaults by doing nothing (under 5% of seeds)', (id) => {
    expect(rate(defaults, id)).toBeLessThan(0.05);
  });

  const strategies: Record<string, Partial<ParityValues>> = {
    'most-gone': { containers: true, lockfile: true, pin: true },
    'close-versions': { every: 1 },
    'cheap-finds': { containers: true, lockfile: true, pin: true, every: 1 },
    'no-scaling-surprise': { data: true, lockfile: true, every: 3 },
  };
  it.each(Object.entries(strategies))('%s is won over at least 80% of seeds by choosing %o', (id, choice) => {
    const values = { ...defaults, ...choice };
    expect(checkParityValues(values).problems).toEqual([]);
    expect(rate(values, id)).toBeGreaterThanOrEqual(0.8);
  });

  it('are read from a finished run only', () => {
    const start = init(parityParams({ ...defaults, every: 1 }), 1);
    expect(missionsWon(parityMissions, start, defaults)).toEqual([]);
  });
});

describe('what the parity sim tells and exports', () => {
  it('narrates desk finds, deploys and the end with correct plurals', () => {
    const one = oneChange('library', ['lockfile']);
    expect(narrate(one, step(one, { type: 'day' }))).toBe(
      "1 change broke at a developer's desk and was fixed in minutes. Deploy 1 on day 1 shipped 1 change; development was 0 versions ahead of production. Nothing broke in production.",
    );
    const prodOne = oneChange('data', []);
    expect(narrate(prodOne, step(prodOne, { type: 'day' }))).toContain('1 failure reached production, a night-time page each (1 on production-sized data).');
    let s = init(base, 5);
    while (s.day < base.days - 1) s = step(s, { type: 'day' });
    expect(narrate(s, step(s, { type: 'day' }))).toMatch(
      /^The run is over: \d+ failures? found at a desk, \d+ in staging, \d+ in production; \d+ hours spent finding them\.$/,
    );
    const quiet = init({ ...base, changesPerDay: 0 }, 1);
    expect(narrate(quiet, step(quiet, { type: 'day' }))).toBeNull();
  });

  it('tables every written change and every deploy with no comma or quote inside a cell', () => {
    const end = runToEnd(model, base, 9);
    const t = table(end);
    expect(t.rows.length).toBe(end.changes.length);
    expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
    expect(deployTable(end).rows.length).toBe(end.deploys.length);
    for (const cell of [...t.columns, ...t.rows.flat(), ...deployTable(end).rows.flat()]) expect(String(cell)).not.toMatch(/[",]/);
  });

  it('lists its assumptions and sources', () => {
    expect(ASSUMPTIONS.length).toBeGreaterThan(5);
    for (const s of SOURCES) expect(s.url).toMatch(/^https:\/\//);
  });

  it('sweeps production failures and the version gap against the deploy interval', () => {
    const rows = sweep(defaults, [1, 10, 65], 30);
    expect(rows.map((r) => r.every)).toEqual([1, 10, 65]);
    expect(rows[0]!.versionGap).toBeLessThan(rows[1]!.versionGap);
    expect(rows[1]!.versionGap).toBeLessThan(rows[2]!.versionGap);
    expect(rows[0]!.findHours).toBeLessThan(rows[2]!.findHours);
    // With no fix every shipped change that leans on a difference fails in production, however often you deploy.
    expect(rows.map((r) => r.productionShare)).toEqual([1, 1, 1]);
  });

  it('gives the facilitator guide its headline numbers, means over seeds 1 to 200', () => {
    const n = expectedNumbers();
    expect(n.productionFailures).toBeCloseTo(mean(baseline().map((s) => s.failedProduction)), 10);
    expect(n.threeFixesProductionFailures).toBeLessThan(n.productionFailures / 2);
    expect(n.dailyVersionGap).toBeLessThan(n.versionGap);
    expect(n.versionGap).toBeLessThan(n.quarterlyVersionGap);
  });
});

function baseline() {
  return overSeeds(model, base, SEEDS, summarize);
}
