// Tests for the provisioning model: plan and apply, imperative commands, hand patching, the bad change, the contract, missions and claims.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsToEnd, replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultScenario, defaultValues, parseScenario, scenarioToQuery } from '../../../src/sim-kit/core/fields.ts';
import type { Fields, Values } from '../../../src/sim-kit/core/fields.ts';
import { provisionFields, provisionParams, type ProvisionValues } from '../../../src/schemas/provision-scenario.ts';
import {
  ASSUMPTIONS,
  MISSIONS,
  PORTS,
  SIZES,
  SOURCES,
  apply,
  applyPlan,
  badDefinition,
  commandsFor,
  definitionProblem,
  describePlan,
  expectedNumbers,
  init,
  isOver,
  missedByHand,
  model,
  narrate,
  plan,
  runCommands,
  stage,
  step,
  summarize,
  sweep,
  table,
  type Definition,
  type Port,
  type ProvisionAction,
  type ProvisionParams,
  type Server,
} from '../../../src/models/provision/index.ts';

const values: ProvisionValues = defaultValues(provisionFields);
const defaults: ProvisionParams = provisionParams(values);
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

const portsArb = fc.subarray([...PORTS] as Port[]);
const definitionArb: fc.Arbitrary<Definition> = fc.record({ count: fc.integer({ min: 0, max: 10 }), size: fc.constantFrom(...SIZES), ports: portsArb });
const serversArb: fc.Arbitrary<Server[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 14 }), { maxLength: 12 })
  .chain((numbers) =>
    fc.tuple(
      ...numbers.map((n) =>
        fc.record({ name: fc.constant(`web-${n}`), size: fc.constantFrom(...SIZES), ports: portsArb.map((p) => [...p].sort((a, b) => a - b)) }),
      ),
    ),
  );

describe('the provisioning scenario', () => {
  it('starts from 3 small servers with the web ports, a fleet of 40 and a 3% slip rate, with no safeguard', () => {
    expect(defaults.definition).toEqual({ count: 3, size: 'small', ports: [80, 443] });
    expect(defaults.fleet).toBe(40);
    expect(defaults.slip).toBeCloseTo(0.03);
    expect(defaults.reviewCatch).toBeCloseTo(0.5);
    expect([defaults.patch, defaults.review, defaults.staging]).toEqual(['hand', false, false]);
    expect(provisionParams({ ...values, ports: 'web-ssh' }).definition.ports).toEqual([22, 80, 443]);
  });
});

describe('the provisioning link', () => {
  it('reads back its own canonical query with no problem, and names a bad flag', () => {
    const query = scenarioToQuery(provisionFields, defaultScenario(provisionFields));
    expect(parseScenario(provisionFields, query)).toEqual({ scenario: defaultScenario(provisionFields), problems: [] });
    expect(parseScenario(provisionFields, 'staging=on').scenario.values.staging).toBe(true);
    expect(parseScenario(provisionFields, 'review=maybe').problems[0]!.message).toMatch(/“review” must be on or off/);
  });
});

describe('plan and apply', () => {
  it('applies a definition in one call, and a second call changes nothing', () => {
    const d: Definition = { count: 3, size: 'medium', ports: [443] };
    const once = apply([], d);
    expect(once.map((s) => s.name)).toEqual(['web-1', 'web-2', 'web-3']);
    expect(apply(once, d)).toEqual(once);
  });

  it('plans to create every declared server on an empty start', () => {
    expect(plan([], { count: 2, size: 'small', ports: [443, 80] })).toEqual([
      { op: 'create', name: 'web-1', size: 'small', ports: [80, 443] },
      { op: 'create', name: 'web-2', size: 'small', ports: [80, 443] },
    ]);
  });

  it('plans only the difference: a changed size is an update, a lower count a delete', () => {
    const current = applyPlan([], plan([], { count: 3, size: 'small', ports: [80, 443] }));
    expect(plan(current, { count: 2, size: 'large', ports: [80, 443] })).toEqual([
      { op: 'update', name: 'web-1', from: { size: 'small', ports: [80, 443] }, to: { size: 'large', ports: [80, 443] } },
      { op: 'update', name: 'web-2', from: { size: 'small', ports: [80, 443] }, to: { size: 'large', ports: [80, 443] } },
      { op: 'delete', name: 'web-3' },
    ]);
    expect(describePlan(plan(current, { count: 4, size: 'small', ports: [80, 443] }))).toBe('1 to create, 0 to change, 0 to delete');
  });

  it('leaves nothing to do after one apply, from any starting servers and any definition (idempotence)', () => {
    fc.assert(
      fc.property(serversArb, definitionArb, (current, definition) => {
        const once = applyPlan(current, plan(current, definition));
        expect(plan(once, definition)).toEqual([]);
        expect(applyPlan(once, plan(once, definition))).toEqual(once);
        expect(once).toHaveLength(definition.count);
      }),
      { numRuns: 300 },
    );
  });

  it('runs the same intent as commands that create the servers again on every run', () => {
    const d: Definition = { count: 3, size: 'small', ports: [80, 443] };
    expect(commandsFor(d, 0)).toEqual([
      'create-server web-1 --size small',
      'open-port web-1 80',
      'open-port web-1 443',
      'create-server web-2 --size small',
      'open-port web-2 80',
      'open-port web-2 443',
      'create-server web-3 --size small',
      'open-port web-3 80',
      'open-port web-3 443',
    ]);
    const twice = runCommands(runCommands([], d), d);
    expect(twice.map((s) => s.name)).toEqual(['web-1', 'web-2', 'web-3', 'web-4', 'web-5', 'web-6']);
    fc.assert(
      fc.property(definitionArb, fc.integer({ min: 1, max: 5 }), (definition, runs) => {
        let servers: Server[] = [];
        for (let i = 0; i < runs; i++) servers = runCommands(servers, definition);
        expect(servers).toHaveLength(runs * definition.count);
      }),
    );
  });

  it('names what is wrong with a definition', () => {
    expect(definitionProblem({ count: 3, size: 'small', ports: [80] })).toBeNull();
    expect(definitionProblem({ count: 11, size: 'small', ports: [] })).toBe('count must be a whole number from 0 to 10 (got 11)');
    expect(definitionProblem({ count: 2.5, size: 'small', ports: [] })).toMatch(/whole number/);
    expect(definitionProblem({ count: 1, size: 'huge' as never, ports: [] })).toBe('size must be one of small, medium, large (got huge)');
    expect(definitionProblem({ count: 1, size: 'small', ports: [8080 as Port] })).toMatch(/port 8080 is not one/);
    expect(definitionProblem({ count: 1, size: 'small', ports: [80, 80] })).toBe('each port may appear only once');
    expect(() => init({ ...defaults, definition: { count: 20, size: 'small', ports: [] } }, 1)).toThrow(/starting definition's count/);
  });

  it('adds the database port in the colleague’s change', () => {
    expect(badDefinition({ count: 3, size: 'small', ports: [80, 443] }).ports).toEqual([80, 443, 5432]);
  });
});

describe('the guided steps', () => {
  it('goes apply, apply, run the commands twice, patch, release, in that order when left alone', () => {
    expect(actionsToEnd(model, init(defaults, 1))).toEqual([
      { type: 'apply' },
      { type: 'apply' },
      { type: 'run-commands' },
      { type: 'run-commands' },
      { type: 'patch', how: 'hand' },
      { type: 'release', review: false, staging: false },
    ]);
  });

  it('reports the stage the learner is on', () => {
    let s = init(defaults, 1);
    const stages = [stage(s)];
    for (const a of actionsToEnd(model, s)) stages.push(stage((s = step(s, a))));
    expect(stages).toEqual(['plan-apply', 'plan-apply', 'commands', 'commands', 'patch', 'release', 'done']);
  });

  it('applies an edited definition, ignores a broken edit, and plans the change on the next apply', () => {
    let s = step(init(defaults, 1), { type: 'apply' });
    expect(step(s, { type: 'edit', definition: { count: 99, size: 'small', ports: [] } })).toBe(s);
    s = step(s, { type: 'edit', definition: { count: 4, size: 'small', ports: [443, 80] } });
    expect(s.definition.ports).toEqual([80, 443]);
    s = step(s, { type: 'apply' });
    expect(s.applies[1]!.plan).toEqual([{ op: 'create', name: 'web-4', size: 'small', ports: [80, 443] }]);
  });

  it('patches and releases once each, and changes nothing once every step is done', () => {
    let s = init(defaults, 1);
    s = step(s, { type: 'patch', how: 'definition' });
    expect(step(s, { type: 'patch', how: 'hand' })).toBe(s);
    s = step(s, { type: 'release', review: false, staging: true });
    expect(step(s, { type: 'release', review: false, staging: false })).toBe(s);
    const end = runToEnd(model, defaults, 1);
    for (const a of [{ type: 'apply' }, { type: 'run-commands' }, { type: 'edit', definition: { count: 1, size: 'small', ports: [] } }] as ProvisionAction[])
      expect(step(end, a)).toBe(end);
  });

  it('patches through the definition in one review and one apply, missing nothing', () => {
    const s = step(init(defaults, 3), { type: 'patch', how: 'definition' });
    expect(s.patch).toEqual({ how: 'definition', missed: [], minutes: 30 });
    const byHand = step(init(defaults, 3), { type: 'patch', how: 'hand' });
    expect(byHand.patch!.minutes).toBe(400);
  });
});

describe('the provisioning model contract', () => {
  it('gives the same run for the same seed and settings', () => {
    expect(runToEnd(model, defaults, 42)).toEqual(runToEnd(model, defaults, 42));
  });

  it('replays the autoplayed actions from the start to the same end', () => {
    const start = init(defaults, 17);
    expect(replay(model, defaults, 17, actionsToEnd(model, start))).toEqual(runToEnd(model, defaults, 17));
  });

  it('keeps every server in exactly one named state whatever the learner does', () => {
    const actionArb: fc.Arbitrary<ProvisionAction> = fc.oneof(
      fc.constant({ type: 'apply' as const }),
      fc.constant({ type: 'run-commands' as const }),
      definitionArb.map((definition) => ({ type: 'edit' as const, definition })),
      fc.constantFrom('hand' as const, 'definition' as const).map((how) => ({ type: 'patch' as const, how })),
      fc.record({ type: fc.constant('release' as const), review: fc.boolean(), staging: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(actionArb, { maxLength: 20 }), (seed, actions) => {
        const s = replay(model, defaults, seed, actions);
        const t = table(s);
        expect(t.rows).toHaveLength(s.declared.length + s.scripted.length + defaults.fleet);
        for (const row of t.rows.filter((r) => r[0] === 'fleet')) expect(['not yet', 'missed', 'yes']).toContain(row[4]);
        expect(new Set(s.declared.map((x) => x.name)).size).toBe(s.declared.length);
        if (s.applies.length) expect(plan(s.declared, s.applies.at(-1)!.definition)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('ends every run within six actions', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      expect(actionsToEnd(model, init(defaults, seed)).length).toBe(6);
      expect(isOver(runToEnd(model, defaults, seed))).toBe(true);
    }
    expect(isOver(init(defaults, 1))).toBe(false);
  });
});

describe('the lesson’s claims', () => {
  it('applying the definition twice changes nothing the second time, while the commands run twice make twice the servers (200 seeds)', () => {
    for (const seed of SEEDS) {
      const s = summarize(runToEnd(model, defaults, seed));
      expect(s.firstPlanSteps).toBe(3);
      expect(s.lastPlanSteps).toBe(0);
      expect(s.declaredServers).toBe(3);
      expect(s.scriptedServers).toBe(6);
      expect(s.extraServers).toBe(3);
    }
  });

  it('hand patching misses about fleet size x slip rate servers on average: within four standard errors over 2,000 seeds', () => {
    for (const [fleet, slip] of [
      [40, 0.03],
      [300, 0.03],
      [100, 0.1],
      [10, 0.01],
    ] as const) {
      const counts = Array.from({ length: 2000 }, (_, i) => missedByHand(init({ ...defaults, fleet, slip }, i + 1)).length);
      const expected = fleet * slip;
      const variance = fleet * slip * (1 - slip);
      const standardError = Math.sqrt(variance / counts.length);
      expect(Math.abs(mean(counts) - expected)).toBeLessThan(4 * standardError);
      const observedVariance = mean(counts.map((c) => (c - mean(counts)) ** 2));
      expect(observedVariance / variance).toBeGreaterThan(0.85);
      expect(observedVariance / variance).toBeLessThan(1.15);
    }
  });

  it('misses nobody with a zero slip rate and everybody with a certain slip', () => {
    expect(missedByHand(init({ ...defaults, slip: 0 }, 1))).toEqual([]);
    expect(missedByHand(init({ ...defaults, slip: 1 }, 1))).toHaveLength(40);
  });

  it('a bad definition reaches every server with no safeguard, none through staging, and about half with review (200 seeds)', () => {
    const exposed = (p: Partial<ProvisionParams>) => SEEDS.map((seed) => summarize(runToEnd(model, { ...defaults, ...p }, seed)).exposed!);
    expect(exposed({}).every((n) => n === 40)).toBe(true);
    expect(exposed({ staging: true }).every((n) => n === 0)).toBe(true);
    const caught = exposed({ review: true }).filter((n) => n === 0).length / SEEDS.length;
    expect(Math.abs(caught - 0.5)).toBeLessThan(0.1);
    expect(exposed({ review: true }).every((n) => n === 0 || n === 40)).toBe(true);
  });

  it('staging costs time: 30 minutes more than releasing unguarded, unless review caught the change first', () => {
    const unguarded = summarize(runToEnd(model, defaults, 1)).releaseMinutes!;
    expect(summarize(runToEnd(model, { ...defaults, staging: true }, 1)).releaseMinutes).toBe(unguarded + 30);
    for (const seed of SEEDS.slice(0, 30)) {
      const s = runToEnd(model, { ...defaults, review: true, staging: true }, seed);
      expect(s.release!.minutes).toBe(s.release!.caughtBy === 'review' ? 30 : 60);
    }
  });
});

describe('the provisioning missions', () => {
  const play = (v: ProvisionValues) => SEEDS.map((seed) => runToEnd(model, provisionParams(v), seed));
  const atDefaults = play(values);
  const careful: ProvisionValues = { ...values, staging: true, patch: 'definition', count: 5, size: 'large', ports: 'https' };
  const byCareful = play(careful);

  it('has at least two missions with distinct ids and goals that state numbers', () => {
    expect(MISSIONS.length).toBeGreaterThanOrEqual(2);
    expect(new Set(MISSIONS.map((m) => m.id)).size).toBe(MISSIONS.length);
    for (const m of MISSIONS) expect(m.goal).toMatch(/\d/);
  });

  for (const m of MISSIONS) {
    it(`does not give “${m.title}” to a learner who lets the defaults play`, () => {
      expect(atDefaults.filter((end) => m.won(end, values))).toHaveLength(0);
    });
    it(`wins “${m.title}” with staging, patching through the definition and 5 large HTTPS servers, in every seed`, () => {
      expect(byCareful.filter((end) => m.won(end, careful))).toHaveLength(200);
    });
  }

  it('wins “Patch every server within the hour” only through the definition, however lucky the hand', () => {
    const lucky = play({ ...values, slip: 0 });
    expect(lucky.filter((end) => MISSIONS.find((m) => m.id === 'patch-every-server')!.won(end, values))).toHaveLength(0);
  });
});

describe('the provisioning words and records', () => {
  it('announces each plan, the command reruns, the patch and the release in words with correct plurals', () => {
    let s = init(defaults, 1);
    const said: string[] = [];
    for (const a of actionsToEnd(model, s)) {
      const next = step(s, a);
      said.push(narrate(s, next) ?? '');
      s = next;
    }
    expect(said[0]).toBe('Plan: 3 to create, 0 to change, 0 to delete. Applied: 3 servers now.');
    expect(said[1]).toBe('Plan: nothing to do: the servers already match the definition.');
    expect(said[3]).toBe('The commands ran again from the top: 3 new servers, 6 servers in all, where the definition asks for 3.');
    expect(said[4]).toMatch(/^Patched 40 servers by hand in 6 hours 40 minutes: (\d+ servers? missed \(app-\d+.*\)|none missed this time)\.$/);
    expect(said[5]).toBe('The change reached every server: 40 servers now expose the database port. All four steps are done.');
  });

  it('warns when an edit opens the database port', () => {
    const s = init(defaults, 1);
    expect(narrate(s, step(s, { type: 'edit', definition: badDefinition(s.definition) }))).toMatch(/opens the database port 5432/);
  });

  it('writes cells with no commas or quotes', () => {
    for (const row of table(runToEnd(model, defaults, 2)).rows) for (const cell of row) expect(String(cell)).not.toMatch(/[,"]/);
  });

  it('lists its assumptions as sentences and cites real pages', () => {
    expect(ASSUMPTIONS.length).toBeGreaterThan(4);
    for (const a of ASSUMPTIONS) expect(a).toMatch(/^[A-Z].*\.$/);
    for (const s of SOURCES) expect(s.url).toMatch(/^https:\/\//);
  });
});

describe('the provisioning sweep and expected numbers', () => {
  it('misses more servers by hand as the fleet grows, close to fleet size x slip rate', () => {
    const rows = sweep(defaults, [10, 100, 500], 200);
    expect(rows.map((r) => r.expectedMissed)).toEqual([0.3, 3, 15]);
    for (const r of rows) expect(Math.abs(r.meanMissed - r.expectedMissed)).toBeLessThan(Math.max(0.2, 0.1 * r.expectedMissed));
    expect(rows[2]!.noneMissedShare).toBe(0);
    expect(rows[0]!.noneMissedShare).toBeGreaterThan(0.6);
  });

  it('reports the facilitator guide’s figures at the defaults over seeds 1 to 200', () => {
    expect(expectedNumbers(defaults)).toEqual({
      firstPlanSteps: 3,
      secondPlanSteps: 0,
      scriptedServers: 6,
      declaredCount: 3,
      handMissedMean: 1.16,
      handMissedExpected: 1.2,
      handNoneMissedShare: 0.3,
      handMinutes: 400,
      definitionMinutes: 30,
      exposedUnguarded: 40,
      exposedWithReview: 19.8,
      exposedWithStaging: 0,
      missedOf300: 8.7,
    });
  });
});

describe('provision runs across the whole scenario table', () => {
  it('ends with a finite summary for any values within the bounds', () => {
    fc.assert(
      fc.property(valuesArb(provisionFields), fc.integer({ min: 0, max: 1_000_000 }), (v, seed) => {
        const s = summarize(runToEnd(model, provisionParams(v), seed));
        for (const x of Object.values(s)) if (x !== null) expect(Number.isFinite(x)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
