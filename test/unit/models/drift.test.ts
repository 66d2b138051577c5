// Tests for the configuration-drift model: its rules, the model contract, the missions, and the lesson's claim on 200 seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsToEnd, replay, runToEnd, sameDice } from '../../../src/sim-kit/core/model.ts';
import { defaultScenario, defaultValues, parseScenario, scenarioToQuery } from '../../../src/sim-kit/core/fields.ts';
import type { Fields, Values } from '../../../src/sim-kit/core/fields.ts';
import { driftFields, driftParams, type DriftValues } from '../../../src/schemas/drift-scenario.ts';
import {
  ASSUMPTIONS,
  MISSIONS,
  SOURCES,
  configGroups,
  configurations,
  expectedNumbers,
  incidentChance,
  init,
  isOver,
  model,
  narrate,
  openAlarms,
  rebuildMinutesFor,
  revertTarget,
  step,
  summarize,
  sweep,
  table,
  type DriftAction,
  type DriftParams,
  type DriftState,
} from '../../../src/models/drift/index.ts';

const values: DriftValues = defaultValues(driftFields);
const defaults: DriftParams = driftParams(values);
const hand: DriftParams = { ...defaults, policy: 'hand' };
const code: DriftParams = { ...defaults, policy: 'code' };
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

/** Any values within the fields' bounds (whole numbers on whole steps). */
function valuesArb<F extends Fields>(fields: F): fc.Arbitrary<Values<F>> {
  const arbs = Object.fromEntries(
    Object.entries(fields).map(([name, f]) => [
      name,
      f.kind === 'number'
        ? Number.isInteger(f.step)
          ? fc.integer({ min: f.min, max: f.max })
          : fc.double({ min: f.min, max: f.max, noNaN: true })
        : f.kind === 'choice'
          ? fc.constantFrom(...f.options.map((o) => o.value))
          : fc.boolean(),
    ]),
  );
  return fc.record(arbs) as unknown as fc.Arbitrary<Values<F>>;
}
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Advances days until an event waits (or the run ends). */
function toNextEvent(state: DriftState): DriftState {
  let s = state;
  while (s.waiting.length === 0 && !isOver(s)) s = step(s, { type: 'day' });
  return s;
}

describe('the drift scenario', () => {
  it('turns percents into chances and keeps every other value', () => {
    expect(defaults.mismatchChance).toBeCloseTo(0.04);
    expect(defaults.faultChance).toBeCloseTo(0.1);
    expect(defaults.reviewCatch).toBeCloseTo(0.5);
    expect(defaults.handShare).toBeCloseTo(0.5);
    expect(defaults.servers).toBe(8);
    expect(defaults.days).toBe(65);
    expect(defaults.policy).toBe('hand');
  });

  it('reads back its own canonical query with no problem, and names a bad policy', () => {
    const query = scenarioToQuery(driftFields, defaultScenario(driftFields));
    expect(parseScenario(driftFields, query)).toEqual({ scenario: defaultScenario(driftFields), problems: [] });
    expect(parseScenario(driftFields, 'policy=yolo').problems[0]!.message).toMatch(/“policy” must be one of hand, code, mixed/);
  });
});

describe('the drift rules', () => {
  it('draws the same events whatever the policy, so two policies meet the same quarter', () => {
    expect(init(hand, 9).events).toEqual(init(code, 9).events);
    expect(init(hand, 9).draws).toEqual(init(code, 9).draws);
    expect(init(hand, 9).events).not.toEqual(init(hand, 10).events);
  });

  it('starts every server on the same configuration', () => {
    const s = init(defaults, 1);
    expect(configurations(s.configs)).toBe(1);
    expect(configGroups(s)).toEqual(Array(8).fill(0));
  });

  it('a hand fix changes only its server, so the fleet gains a configuration', () => {
    const s = toNextEvent(init(defaults, 3));
    const event = s.events[s.waiting[0]!]!;
    const next = step(s, { type: 'fix', how: 'hand' });
    expect(next.configs[event.server]).toEqual([0]);
    expect(next.configs.filter((c) => c.length === 0)).toHaveLength(7);
    expect(configurations(next.configs)).toBe(2);
    expect(configGroups(next)[event.server]).toBe(1);
    expect(next.events[event.id]!.minutes).toBe(event.handMinutes);
  });

  it('a reviewed change reaches every server, so the fleet keeps one configuration', () => {
    const s = toNextEvent(init(defaults, 3));
    const event = s.events[s.waiting[0]!]!;
    const next = step(s, { type: 'fix', how: 'code' });
    expect(next.configs.every((c) => c.length === 1 && c[0] === 0)).toBe(true);
    expect(configurations(next.configs)).toBe(1);
    expect(configGroups(next)).toEqual(Array(8).fill(0));
    expect(next.events[event.id]!.minutes).toBe(event.codeMinutes);
  });

  it('does not begin a new day while an event waits for a fix', () => {
    const s = toNextEvent(init(defaults, 3));
    expect(step(s, { type: 'day' })).toBe(s);
  });

  it('ignores a fix when no event waits and a revert when no reviewed change exists', () => {
    const s = init(defaults, 3);
    expect(step(s, { type: 'fix', how: 'hand' })).toBe(s);
    expect(step(s, { type: 'revert' })).toBe(s);
  });

  it('gives no incident chance to one configuration and a rising chance to each one more', () => {
    expect(incidentChance(defaults, 1)).toBe(0);
    expect(incidentChance(defaults, 2)).toBeCloseTo(0.04);
    expect(incidentChance(defaults, 8)).toBeCloseTo(1 - 0.96 ** 7);
    for (let k = 1; k < 16; k++) expect(incidentChance(defaults, k + 1)).toBeGreaterThan(incidentChance(defaults, k));
  });

  it('never has an incident while every fix goes through the repository', () => {
    for (const seed of SEEDS.slice(0, 50)) expect(runToEnd(model, code, seed).incidents).toHaveLength(0);
  });

  it('names two servers that really differ in each incident', () => {
    const end = runToEnd(model, hand, 5);
    expect(end.incidents.length).toBeGreaterThan(0);
    for (const i of end.incidents) expect(i.works).not.toBe(i.fails);
  });

  it('rebuilds from the repository in constant time and by hand in time that grows with unrecorded changes', () => {
    const byCode = runToEnd(model, code, 4);
    for (let s = 0; s < 8; s++) expect(rebuildMinutesFor(byCode, s)).toBe(30);
    const byHand = runToEnd(model, hand, 4);
    for (let s = 0; s < 8; s++) {
      const unrecorded = byHand.configs[s]!.filter((id) => byHand.changes[id]!.how === 'hand').length;
      expect(rebuildMinutesFor(byHand, s)).toBe(30 + 45 * unrecorded);
    }
    for (const e of byCode.events.filter((e) => e.kind === 'disk')) expect(e.minutes).toBe(30);
  });

  it('reverts a reviewed change on every server in one step of 5 minutes', () => {
    let s = toNextEvent(init(defaults, 3));
    s = step(s, { type: 'fix', how: 'code' });
    const reverted = step(s, { type: 'revert' });
    expect(reverted.configs.every((c) => c.length === 0)).toBe(true);
    expect(reverted.undoMinutes - s.undoMinutes).toBe(5);
    expect(reverted.reverts).toBe(1);
    expect(revertTarget(reverted)).toBeNull();
  });

  it('finds a faulty reviewed change the next day, charges each day it stays and reverts it before newer changes', () => {
    const faulty = { ...defaults, faultChance: 1, reviewCatch: 0 };
    let s = toNextEvent(init(faulty, 3));
    const day = s.day;
    s = step(s, { type: 'fix', how: 'code' });
    while (s.waiting.length) s = step(s, { type: 'fix', how: 'hand' });
    s = step(s, { type: 'day' });
    expect(openAlarms(s)).toHaveLength(1);
    expect(openAlarms(s)[0]!.foundDay).toBe(day);
    expect(s.brokenMinutes).toBe(0);
    while (s.waiting.length) s = step(s, { type: 'fix', how: 'code' });
    const target = openAlarms(s)[0]!;
    expect(revertTarget(s)!.id).toBe(target.id);
    const left = step(s, { type: 'day' });
    expect(left.brokenMinutes).toBeGreaterThanOrEqual(60);
    const reverted = step(s, { type: 'revert' });
    expect(openAlarms(reverted)).toHaveLength(0);
    expect(reverted.configs.some((c) => c.includes(target.id))).toBe(false);
  });

  it('undoes a faulty hand fix by hand the next day', () => {
    const faulty = { ...defaults, faultChance: 1 };
    let s = toNextEvent(init(faulty, 3));
    const server = s.events[s.waiting[0]!]!.server;
    s = step(s, { type: 'fix', how: 'hand' });
    while (s.waiting.length) s = step(s, { type: 'fix', how: 'code' });
    const next = step(s, { type: 'day' });
    expect(next.configs[server]!.includes(0)).toBe(false);
    expect(next.undoMinutes - s.undoMinutes).toBe(30);
  });

  it('lets review catch faulty reviewed changes that a hand fix would have let through', () => {
    const params = { ...defaults, reviewCatch: 1 };
    const faults = (p: DriftParams) => SEEDS.slice(0, 30).reduce((n, seed) => n + summarize(runToEnd(model, p, seed)).faults, 0);
    expect(faults({ ...params, policy: 'code' })).toBe(0);
    expect(faults({ ...params, policy: 'hand' })).toBeGreaterThan(0);
  });

  it('keeps every server a set of real, applied change ids whatever the learner does', () => {
    const actionArb: fc.Arbitrary<DriftAction> = fc.oneof(
      fc.constant({ type: 'day' as const }),
      fc.constantFrom('hand' as const, 'code' as const).map((how) => ({ type: 'fix' as const, how })),
      fc.constant({ type: 'revert' as const }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(actionArb, { maxLength: 150 }), (seed, actions) => {
        const s = replay(model, defaults, seed, actions);
        const n = configurations(s.configs);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(8);
        expect(s.maxConfigurations).toBeGreaterThanOrEqual(n);
        for (const config of s.configs) {
          expect([...config].sort((a, b) => a - b)).toEqual(config);
          for (const id of config) expect(s.changes[id]!.undoneDay).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the drift model contract', () => {
  it('gives the same run for the same seed and settings', () => {
    expect(runToEnd(model, defaults, 42)).toEqual(runToEnd(model, defaults, 42));
  });

  it('replays the autoplayed actions from the start to the same end', () => {
    for (const params of [hand, code, { ...defaults, policy: 'mixed' as const }]) {
      const start = init(params, 17);
      expect(replay(model, params, 17, actionsToEnd(model, start))).toEqual(runToEnd(model, params, 17));
    }
  });

  it('ends every run within one action per day, per event and per revert', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('hand' as const, 'code' as const, 'mixed' as const), (seed, policy) => {
        const params = { ...defaults, policy };
        const start = init(params, seed);
        expect(actionsToEnd(model, start).length).toBeLessThanOrEqual(params.days + 2 * start.events.length);
      }),
      { numRuns: 40 },
    );
  });

  it('handles every event: fixed by hand, via the repository, or rebuilt', () => {
    for (const params of [hand, code, { ...defaults, policy: 'mixed' as const }]) {
      const end = runToEnd(model, params, 23);
      expect(isOver(end)).toBe(true);
      expect(end.events.every((e) => (e.kind === 'disk' ? e.handled === 'rebuild' : e.handled === 'hand' || e.handled === 'code'))).toBe(true);
      const s = summarize(end);
      expect(s.events).toBe(end.events.length);
      expect(s.totalMinutes).toBe(s.fixMinutes + s.incidentMinutes + s.rebuildMinutes + s.faultMinutes);
    }
  });

  it('fixes a seeded share of events by hand under the mixed policy', () => {
    const share = mean(
      SEEDS.slice(0, 50).map((seed) => {
        const s = summarize(runToEnd(model, { ...defaults, policy: 'mixed', handShare: 0.3 }, seed));
        return s.handFixes / (s.handFixes + s.codeFixes);
      }),
    );
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });
});

describe('the lesson’s claim at the default settings (200 seeds, same dice)', () => {
  const pairs = SEEDS.map((seed) => sameDice(model, hand, code, seed).map(summarize) as [ReturnType<typeof summarize>, ReturnType<typeof summarize>]);

  it('hand fixes cost less per event: about a third of the minutes in every seed', () => {
    for (const [h, c] of pairs) expect(h.minutesPerFix!).toBeLessThan(c.minutesPerFix!);
    expect(mean(pairs.map(([h]) => h.minutesPerFix!))).toBeLessThan(0.4 * mean(pairs.map(([, c]) => c.minutesPerFix!)));
  });

  it('hand fixes cost more over the quarter: at least 25% more on average, and more in at least 90% of seeds', () => {
    const handTotal = mean(pairs.map(([h]) => h.totalMinutes));
    const codeTotal = mean(pairs.map(([, c]) => c.totalMinutes));
    expect(handTotal).toBeGreaterThan(1.25 * codeTotal);
    expect(pairs.filter(([h, c]) => h.totalMinutes > c.totalMinutes).length).toBeGreaterThanOrEqual(180);
  });

  it('hand fixes leave the fleet drifted and slow to rebuild', () => {
    expect(mean(pairs.map(([h]) => h.configurations))).toBeGreaterThan(6);
    expect(pairs.every(([, c]) => c.configurations === 1 && c.worstRebuildMinutes === 30)).toBe(true);
    expect(mean(pairs.map(([h]) => h.worstRebuildMinutes))).toBeGreaterThan(4 * 30);
  });
});

describe('the drift missions', () => {
  const play = (policy: DriftValues['policy']) => SEEDS.map((seed) => runToEnd(model, driftParams({ ...values, policy }), seed));
  const byHand = play('hand');
  const byCode = play('code');

  it('has at least two missions with distinct ids and goals that state numbers', () => {
    expect(MISSIONS.length).toBeGreaterThanOrEqual(2);
    expect(new Set(MISSIONS.map((m) => m.id)).size).toBe(MISSIONS.length);
    for (const m of MISSIONS) expect(m.goal).toMatch(/\d/);
  });

  for (const m of MISSIONS) {
    it(`does not give “${m.title}” to a learner who lets the defaults play`, () => {
      expect(byHand.filter((end) => m.won(end, values)).length).toBeLessThanOrEqual(10);
    });
    it(`wins “${m.title}” by fixing through the repository in at least 90% of seeds`, () => {
      expect(byCode.filter((end) => m.won(end, { ...values, policy: 'code' })).length).toBeGreaterThanOrEqual(180);
    });
  }
});

describe('the drift words and records', () => {
  it('announces a waiting event, a fix with the configuration count, and the end of the quarter', () => {
    let s = init(defaults, 3);
    let next = toNextEvent(s);
    expect(narrate(s, next)).toMatch(/Day \d+: .* Fix it by hand or in the configuration\./);
    s = next;
    next = step(s, { type: 'fix', how: 'hand' });
    expect(narrate(s, next)).toMatch(/^Fixed web-\d+ by hand in \d+ minutes?\. 2 configurations in the fleet\./);
    const code1 = step(s, { type: 'fix', how: 'code' });
    expect(narrate(s, code1)).toMatch(/applied it to all 8 servers .* 1 configuration in the fleet\./);
    const start = init(hand, 8);
    const actions = actionsToEnd(model, start);
    const before = actions.slice(0, -1).reduce(step, start);
    expect(narrate(before, step(before, actions.at(-1)!))).toMatch(/The quarter is over: .* of team time/);
  });

  it('says nothing when nothing happened', () => {
    const s = init({ ...defaults, eventsPerDay: 0.05, disks: 0 }, 1);
    expect(narrate(s, s)).toBeNull();
  });

  it('records one row per event with no commas or quotes in any cell', () => {
    const end = runToEnd(model, defaults, 6);
    const t = table(end);
    expect(t.rows).toHaveLength(end.events.length);
    for (const row of t.rows) {
      expect(row).toHaveLength(t.columns.length);
      for (const cell of row) expect(String(cell)).not.toMatch(/[,"]/);
    }
  });

  it('lists its assumptions as sentences and cites real pages', () => {
    expect(ASSUMPTIONS.length).toBeGreaterThan(5);
    for (const a of ASSUMPTIONS) expect(a).toMatch(/^[A-Z].*\.$/);
    for (const s of SOURCES) expect(s.url).toMatch(/^https:\/\//);
  });
});

describe('the drift sweep and expected numbers', () => {
  it('costs least with no hand fixes and more once any share is fixed by hand', () => {
    const rows = sweep(defaults, [0, 0.2, 0.5, 1], 60);
    expect(rows.map((r) => r.handShare)).toEqual([0, 0.2, 0.5, 1]);
    for (const r of rows.slice(1)) expect(r.meanTotalMinutes).toBeGreaterThan(rows[0]!.meanTotalMinutes);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.meanMinutesPerFix).toBeLessThan(rows[i - 1]!.meanMinutesPerFix);
  });

  it('reports the facilitator guide’s figures at the defaults over seeds 1 to 200', () => {
    const n = expectedNumbers(defaults);
    expect(n.hand.minutesPerFix).toBeCloseTo(20.1, 0);
    expect(n.code.minutesPerFix).toBeCloseTo(59.9, 0);
    expect(n.hand.totalMinutes).toBe(2270);
    expect(n.code.totalMinutes).toBe(1607);
    expect(n.hand.incidents).toBeCloseTo(12.8, 1);
    expect(n.code.incidents).toBe(0);
    expect(n.hand.configurations).toBeCloseTo(7.9, 1);
    expect(n.hand.worstRebuildMinutes).toBe(278);
    expect(n.codeCheaperQuarterShare).toBeCloseTo(0.95, 2);
  });
});

describe('drift runs across the whole scenario table', () => {
  it('ends with a finite summary for any values within the bounds', () => {
    fc.assert(
      fc.property(valuesArb(driftFields), fc.integer({ min: 0, max: 1_000_000 }), (v, seed) => {
        const s = summarize(runToEnd(model, driftParams(v), seed));
        for (const x of Object.values(s)) if (x !== null) expect(Number.isFinite(x)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
