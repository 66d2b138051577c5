// Tests for the handoff-pipeline model: the contract, its queueing and rework rules, the lesson's claims over 200 seeds, and the missions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsToEnd, replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { streams } from '../../../src/sim-kit/core/random.ts';
import { defaultValues, parseScenario } from '../../../src/sim-kit/core/fields.ts';
import {
  ASSUMPTIONS,
  GUIDE_SEEDS,
  MAX_DAYS,
  MISSIONS,
  SOURCES,
  STATIONS,
  WAYS,
  canRelease,
  compareWays,
  expectedFrom,
  expectedNumbers,
  fixEffort,
  histogram,
  leadTimes,
  init,
  isOver,
  leadTime,
  misunderstandingChance,
  model,
  narrate,
  otherWorkWait,
  paramsFor,
  plural,
  slotAfter,
  simulate,
  stationTimes,
  step,
  summarize,
  sweep,
  table,
  wipLimit,
  type HandoffParams,
  type HandoffState,
  type HandoffSummary,
  type ItemStatus,
} from '../../../src/models/handoff/index.ts';
import { handoffFields, handoffParams, type HandoffValues } from '../../../src/schemas/handoff-scenario.ts';

const SEEDS = Array.from({ length: GUIDE_SEEDS.count }, (_, i) => GUIDE_SEEDS.first + i);

/** End states of 200 seeds per setting, computed once and shared by the claims, the expected numbers and the missions. */
const cache = new Map<string, HandoffState[]>();
function ends(params: HandoffParams, count = SEEDS.length): HandoffState[] {
  const key = `${count} ${JSON.stringify(params)}`;
  let runs = cache.get(key);
  if (runs === undefined) cache.set(key, (runs = SEEDS.slice(0, count).map((seed) => simulate(params, seed))));
  return runs;
}
const summaries = (params: HandoffParams, count = SEEDS.length): HandoffSummary[] => ends(params, count).map(summarize);
const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
};
const share = (flags: boolean[]) => flags.filter(Boolean).length / flags.length;
const num = (v: number | null) => {
  if (v === null) throw new Error('expected a number');
  return v;
};

const paramsArb: fc.Arbitrary<HandoffParams> = fc.record({
  batch: fc.integer({ min: 1, max: 12 }),
  cadence: fc.constantFrom(0, 1, 5, 10, 21, 65),
  wip: fc.integer({ min: 0, max: 15 }),
  speed: fc.constantFrom(1, 2),
  busy: fc.constantFrom(0, 0.2, 0.5, 0.7, 0.8),
  rate: fc.constantFrom(0.05, 0.1, 0.15, 0.2),
  intakeDays: fc.integer({ min: 5, max: 130 }),
  misunderstanding: fc.constantFrom(0, 0.1, 0.5),
  defectRate: fc.constantFrom(0, 0.2, 0.6),
  observeDays: fc.integer({ min: 0, max: 10 }),
  effort: fc.constant(paramsFor('waterfall').effort),
});
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const STATUSES: ItemStatus[] = ['upcoming', 'backlog', 'waiting', 'working', 'door', 'releasing', 'live'];

/** Every item is in exactly one named place; nothing is lost or counted twice. */
function expectAccounted(state: HandoffState): void {
  const places = new Map<number, string>();
  const put = (id: number, where: string) => {
    expect(places.get(id), `item ${id} is both at ${places.get(id)} and ${where}`).toBeUndefined();
    places.set(id, where);
  };
  for (const item of state.items) {
    expect(STATUSES).toContain(item.status);
    if (item.status === 'upcoming' || item.status === 'live') put(item.id, item.status);
  }
  for (let id = state.started; id < state.arrived; id++) put(id, 'backlog');
  const held: Array<readonly [number, string]> = [];
  const product = state.stations[0]!.work;
  if (product !== null) put(product.item, 'product');
  for (const id of state.outbox) put(id, 'outbox');
  for (const [k, station] of state.stations.entries()) {
    for (const job of station.inbox) {
      // Items a station has finished stay with their job until the whole batch is handed on.
      if (k < 4) held.push(...job.items.slice(0, job.done).map((id) => [id, STATIONS[k]!] as const));
      const ids = k >= 4 ? job.items : job.items.slice(job.done);
      for (const id of ids) if (!(k === 4 && job.kind === 'release')) put(id, `${STATIONS[k]} inbox`);
    }
    if (k === 4 && station.work !== null) for (const id of station.work.job.items) put(id, 'release');
  }
  for (const batch of state.batches) if (batch.passed.length < batch.items.length) for (const id of batch.passed) put(id, 'passed QA');
  for (const id of state.door) put(id, 'door');
  for (const [id, station] of held) if (!places.has(id)) put(id, `done at ${station}, held for the rest of its batch`);
  expect(places.size).toBe(state.items.length);
  expect(state.liveCount).toBe(state.items.filter((i) => i.status === 'live').length);
}

describe('the handoff model keeps the contract', () => {
  it('gives the same run for the same seed and settings, and a different one for another seed', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, (params, seed) => {
        expect(simulate(params, seed)).toEqual(simulate(params, seed));
      }),
      { numRuns: 25 },
    );
    const a = summarize(simulate(paramsFor('devops'), 1));
    const b = summarize(simulate(paramsFor('devops'), 2));
    expect(a).not.toEqual(b);
  });

  it('replays the actions of a run from its start to the same end as running it, tick by tick or in place', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, (params, seed) => {
        const start = init(params, seed);
        const actions = actionsToEnd(model, start);
        const end = replay(model, params, seed, actions);
        expect(end).toEqual(runToEnd(model, params, seed));
        expect(end).toEqual(simulate(params, seed));
      }),
      { numRuns: 15 },
    );
  });

  it('never changes the state it is given', () => {
    let state = init(paramsFor('agile'), 3);
    while (!isOver(state)) {
      const before = JSON.stringify(state);
      const next = step(state, state.door.length > 0 && state.now % 7 === 0 ? { type: 'release' } : { type: 'tick' });
      expect(JSON.stringify(state)).toBe(before);
      state = next;
    }
  });

  it('accounts for an item finished at a station and held there until the rest of its batch is done', () => {
    // The counterexample fast-check found: two items handed on together, one already through Design.
    const params = {
      ...handoffParams(defaultValues(handoffFields)),
      batch: 2,
      cadence: 0,
      wip: 0,
      busy: 0,
      rate: 0.15,
      intakeDays: 5,
      misunderstanding: 0,
      defectRate: 0,
      observeDays: 0,
    };
    let state = model.init(params as HandoffParams, 235782526);
    for (let i = 0; i < 3; i++) state = model.step(state, { type: 'tick' });
    expectAccounted(state);
  });

  it('ends every run within the time cap, with every item live and accounted for at every step', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, fc.array(fc.constantFrom('tick', 'tick', 'tick', 'release'), { maxLength: 60 }), (params, seed, choices) => {
        let state = init(params, seed);
        for (const type of choices) {
          state = step(state, { type } as { type: 'tick' | 'release' });
          expectAccounted(state);
        }
        while (!isOver(state)) state = step(state, { type: 'tick' });
        expectAccounted(state);
        expect(state.now).toBeLessThanOrEqual(MAX_DAYS);
        expect(state.capped).toBe(false);
        expect(state.items.every((i) => i.status === 'live' && i.liveAt! >= i.dice.arrival)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('splits every live item’s lead time exactly into working and waiting days', () => {
    fc.assert(
      fc.property(paramsArb, seedArb, (params, seed) => {
        for (const item of simulate(params, seed).items) {
          const total = item.worked.reduce((a, b) => a + b, 0) + item.waited.reduce((a, b) => a + b, 0);
          expect(total).toBeCloseTo(leadTime(item)!, 6);
          expect(Math.min(...item.waited)).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('shares the dice between settings: the same seed brings the same ideas, sizes and defects whatever the way of working', () => {
    const a = init(paramsFor('waterfall'), 11);
    const b = init(paramsFor('devops', { busy: 0.8, speed: 2, wip: 3 }), 11);
    expect(b.items.map((i) => i.dice)).toEqual(a.items.map((i) => i.dice));
    expect(b.releaseDice).toEqual(a.releaseDice);
  });

  it('refuses impossible settings with a message naming the setting', () => {
    expect(() => init(paramsFor('waterfall', { batch: 0 }), 1)).toThrow(/batch must be a whole number of at least 1 \(got 0\)/);
    expect(() => init(paramsFor('waterfall', { busy: 1 }), 1)).toThrow(/busy must be from 0 to 0.95 \(got 1\)/);
    expect(() => init(paramsFor('waterfall', { cadence: -5 }), 1)).toThrow(/cadence must be 0 \(on demand\)/);
    expect(() => init(paramsFor('waterfall', { rate: 0 }), 1)).toThrow(/rate must be above 0/);
    expect(() => init(paramsFor('waterfall', { defectRate: 2 }), 1)).toThrow(/defectRate must be a chance from 0 to 1 \(got 2\)/);
  });
});

describe('the rules of the pipeline', () => {
  it('draws waits for other work from the M/M/1 queue: waiting in a share busy of cases, with mean busy / (1 - busy) times the effort', () => {
    const r = streams(5)('check');
    for (const busy of [0.3, 0.5, 0.8]) {
      const waits = Array.from({ length: 40_000 }, () => otherWorkWait([r.float(), r.exponential(1)], 2, busy));
      expect(share(waits.map((w) => w > 0))).toBeCloseTo(busy, 1);
      expect(waits.reduce((a, b) => a + b, 0) / waits.length / ((2 * busy) / (1 - busy))).toBeCloseTo(1, 1);
    }
  });

  it('makes waiting grow steeply as teams near 100% busy', () => {
    const lead = (busy: number) => median(summaries(paramsFor('devops', { busy }), 60).map((s) => num(s.leadMedian)));
    const [low, mid, high] = [lead(0.3), lead(0.5), lead(0.8)];
    expect(mid - low).toBeGreaterThan(0);
    // From 50% to 80% busy adds far more lead time than from 30% to 50%.
    expect(high - mid).toBeGreaterThan(3 * (mid - low));
  });

  it('misunderstands no item handed on alone and nearly the full rate in a big batch', () => {
    expect(misunderstandingChance(0.1, 1)).toBe(0);
    expect(misunderstandingChance(0.1, 2)).toBeCloseTo(0.05);
    expect(misunderstandingChance(0.1, 10)).toBeCloseTo(0.09);
  });

  it('charges more to fix a defect the further it travelled before QA found it', () => {
    expect(fixEffort(['code'], 2)).toBeCloseTo(0.6);
    expect(fixEffort(['design'], 2)).toBeCloseTo(1.2);
    expect(fixEffort(['spec'], 2)).toBeCloseTo(1.8);
    expect(fixEffort(['spec', 'code'], 2)).toBeCloseTo(2.4);
  });

  it('adds rework when handoffs go in batches: misunderstandings send more items back from QA', () => {
    const laps = (params: HandoffParams) => summaries(params, 80).reduce((a, s) => a + s.reworkLaps, 0);
    expect(laps(paramsFor('waterfall'))).toBeGreaterThan(1.3 * laps(paramsFor('waterfall', { misunderstanding: 0 })));
    expect(summaries(paramsFor('devops'), 80).every((s) => s.misunderstandings === 0)).toBe(true);
  });

  it('takes exactly the effort and nothing more when no team has other work, nothing goes wrong and items flow one at a time', () => {
    const params = paramsFor('devops', { busy: 0, defectRate: 0, misunderstanding: 0, rate: 0.02 });
    const end = simulate(params, 1);
    const first = end.items[0]!;
    const e = params.effort;
    const sizes = first.dice.size;
    const expected =
      e.product * sizes[0]! +
      e.design * sizes[1]! +
      e.engineering * sizes[2]! +
      e.qa * sizes[3]! +
      e.release +
      e.releasePerItem +
      e.operations +
      e.operationsPerItem;
    expect(leadTime(first)).toBeCloseTo(expected, 9);
    expect(first.waited.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    expect(simulate({ ...params, speed: 2 }, 1).items[0]!.liveAt! - first.dice.arrival).toBeCloseTo(expected / 2, 9);
  });

  it('hands work on in batches of the chosen size, only the last one smaller', () => {
    for (const batch of [1, 3, 10]) {
      const end = simulate(paramsFor('waterfall', { batch }), 8);
      const sizes = end.batches.map((b) => b.items.length);
      expect(sizes.slice(0, -1).every((n) => n === batch)).toBe(true);
      expect(sizes.at(-1)!).toBeLessThanOrEqual(batch);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(end.items.length);
    }
  });

  it('releases only on the calendar unless the learner pushes, and pushes the waiting work out now', () => {
    const end = simulate(paramsFor('agile'), 6);
    expect(end.releases.every((r) => r.startedAt % 65 === 0 && !r.pushed)).toBe(true);
    expect(slotAfter(0.5, 65)).toBe(65);
    expect(slotAfter(65, 65)).toBe(65);
    let state = init(paramsFor('agile'), 6);
    while (!canRelease(state)) state = step(state, { type: 'tick' });
    const pushed = step(state, { type: 'release' });
    expect(pushed.releases).toHaveLength(state.releases.length + 1);
    expect(pushed.releases.at(-1)).toMatchObject({ startedAt: state.now, pushed: true, items: state.door });
    expect(pushed.door).toEqual([]);
    expect(step(pushed, { type: 'release' })).toBe(pushed);
  });

  it('never lets more items than the work-in-progress limit be under way', () => {
    const params = paramsFor('devops', { wip: 3 });
    expect(wipLimit(params)).toBe(3);
    expect(wipLimit(paramsFor('waterfall', { wip: 3 }))).toBe(10);
    let state = init(params, 9);
    while (!isOver(state)) {
      state = step(state, { type: 'tick' });
      expect(state.started - state.liveCount).toBeLessThanOrEqual(3);
    }
  });

  it('counts per-station working and waiting time that adds up to the items’ own records', () => {
    const end = simulate(paramsFor('agile'), 12);
    const stations = stationTimes(end);
    expect(stations.map((s) => s.station)).toEqual([...STATIONS]);
    const worked = end.items.reduce((a, i) => a + i.worked.reduce((x, y) => x + y, 0), 0);
    expect(stations.reduce((a, s) => a + s.working, 0)).toBeCloseTo(worked, 6);
    // Mid-run, the current visits count too: the totals grow with the clock.
    let state = init(paramsFor('agile'), 12);
    for (let d = 0; d < 40; d++) state = step(state, { type: 'tick' });
    const mid = stationTimes(state).reduce((a, s) => a + s.working + s.waiting, 0);
    const arrivedDays = state.items
      .filter((i) => i.status !== 'upcoming')
      .reduce((a, i) => a + (Math.min(i.liveAt ?? state.now, state.now) - i.dice.arrival), 0);
    expect(mid).toBeCloseTo(arrivedDays, 6);
  });
});

describe('the lesson’s claims at the default settings, over 200 seeds', () => {
  const waterfall = () => summaries(paramsFor('waterfall'));
  const agile = () => summaries(paramsFor('agile'));
  const devops = () => summaries(paramsFor('devops'));

  it('DevOps has a shorter lead time than agile, and agile than waterfall', () => {
    const [w, a, d] = [waterfall(), agile(), devops()];
    expect(share(SEEDS.map((_, i) => num(d[i]!.leadMedian) < num(a[i]!.leadMedian)))).toBeGreaterThanOrEqual(0.95);
    expect(share(SEEDS.map((_, i) => num(a[i]!.leadMedian) < num(w[i]!.leadMedian)))).toBeGreaterThanOrEqual(0.95);
    // Margins on the medians across seeds: DevOps under half of agile, agile under half of waterfall.
    expect(median(d.map((s) => num(s.leadMedian)))).toBeLessThan(0.5 * median(a.map((s) => num(s.leadMedian))));
    expect(median(a.map((s) => num(s.leadMedian)))).toBeLessThan(0.5 * median(w.map((s) => num(s.leadMedian))));
  });

  it('DevOps hears from production first, then agile, then waterfall', () => {
    const [w, a, d] = [waterfall(), agile(), devops()];
    expect(share(SEEDS.map((_, i) => num(d[i]!.firstFeedbackDay) < num(a[i]!.firstFeedbackDay)))).toBeGreaterThanOrEqual(0.95);
    expect(share(SEEDS.map((_, i) => num(a[i]!.firstFeedbackDay) < num(w[i]!.firstFeedbackDay)))).toBeGreaterThanOrEqual(0.95);
    expect(median(d.map((s) => num(s.firstFeedbackDay)))).toBeLessThan(median(a.map((s) => num(s.firstFeedbackDay))) - 30);
    expect(median(a.map((s) => num(s.firstFeedbackDay)))).toBeLessThan(median(w.map((s) => num(s.firstFeedbackDay))) - 60);
  });

  it('helps waterfall’s lead time less by making every team twice as fast than by handing on one item at a time', () => {
    const base = waterfall().map((s) => num(s.leadMedian));
    const fast = summaries(paramsFor('waterfall', { speed: 2 })).map((s) => num(s.leadMedian));
    const single = summaries(paramsFor('waterfall', { batch: 1 })).map((s) => num(s.leadMedian));
    const gainFast = base.map((b, i) => b - fast[i]!);
    const gainSingle = base.map((b, i) => b - single[i]!);
    expect(share(gainFast.map((g, i) => g < gainSingle[i]!))).toBeGreaterThanOrEqual(0.9);
    // Margin: single-item handoffs save at least 30 working days more than doubling speed, at the median.
    expect(median(gainSingle) - median(gainFast)).toBeGreaterThan(30);
  });

  it('piles finished work up at the door to Release in agile, and not in DevOps', () => {
    expect(median(agile().map((s) => s.doorPeak))).toBeGreaterThanOrEqual(6);
    expect(median(devops().map((s) => s.doorPeak))).toBeLessThanOrEqual(2);
  });

  it('spends most of every way’s lead time waiting, and far less of DevOps’s', () => {
    const efficiency = (runs: HandoffSummary[]) => median(runs.map((s) => num(s.flowEfficiency)));
    expect(efficiency(waterfall())).toBeLessThan(0.15);
    expect(efficiency(devops())).toBeGreaterThan(2 * efficiency(agile()));
    expect(efficiency(agile())).toBeGreaterThan(efficiency(waterfall()));
  });

  it('publishes expected numbers that match the runs above and tell the same story', () => {
    const expected = expectedNumbers();
    expect(expected.waterfall).toEqual(expectedFrom(waterfall()));
    expect(expected.devops).toEqual(expectedFrom(devops()));
    expect(expected.devops.leadMedian).toBeLessThan(expected.agile.leadMedian);
    expect(expected.agile.leadMedian).toBeLessThan(expected.waterfall.leadMedian);
    expect(expected.waterfallOneAtATime.leadMedian).toBeLessThan(expected.waterfallTwiceAsFast.leadMedian);
  });

  it('compares the three ways on the same dice, keeping the learner’s other settings', () => {
    const params = paramsFor('agile', { busy: 0.3, batch: 7, cadence: 5 });
    const compared = compareWays(params, 17);
    expect(compared.devops).toEqual(summarize(simulate(paramsFor('devops', { busy: 0.3 }), 17)));
    expect(compared.waterfall).toEqual(summarize(simulate(paramsFor('waterfall', { busy: 0.3 }), 17)));
    expect(num(compared.devops.leadMedian)).toBeLessThan(num(compared.waterfall.leadMedian));
  });

  it('bins lead times into a histogram that keeps every item', () => {
    const leads = leadTimes(simulate(paramsFor('agile'), 3));
    const bins = histogram(leads, 10);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(leads.length);
    expect(bins[0]).toMatchObject({ from: 0, to: 10 });
    expect(histogram([0, 9.99, 10, 25], 10).map((b) => b.count)).toEqual([2, 1, 1]);
    expect(() => histogram(leads, 0)).toThrow(/bin width above 0/);
  });

  it('sweeps lead time against batch size, rising with the batch', () => {
    const points = sweep(paramsFor('waterfall'), [1, 3, 10, 20], SEEDS.slice(0, 40));
    expect(points.map((p) => p.batch)).toEqual([1, 3, 10, 20]);
    for (let i = 1; i < points.length; i++) expect(points[i]!.median).toBeGreaterThan(points[i - 1]!.median);
    for (const p of points) {
      expect(p.p25).toBeLessThanOrEqual(p.median);
      expect(p.median).toBeLessThanOrEqual(p.p75);
    }
    expect(() => sweep(paramsFor('waterfall'), [1], [])).toThrow(/at least one seed/);
  });
});

describe('the missions', () => {
  const defaults = defaultValues(handoffFields);
  const play = (values: HandoffValues) => ends(handoffParams(values));
  const winRate = (id: string, values: HandoffValues) => {
    const mission = MISSIONS.find((m) => m.id === id)!;
    return share(play(values).map((end) => mission.won(end, values)));
  };
  const strategies: Record<string, Partial<HandoffValues>> = {
    'early-feedback': { way: 'devops' },
    'flow-efficiency': { way: 'devops', busy: 30 },
    'empty-door': { cadence: 'demand' },
    'beat-twice-as-fast': { batch: 1 },
  };

  it('has at least three, each with a strategy here', () => {
    expect(MISSIONS.length).toBeGreaterThanOrEqual(3);
    expect(MISSIONS.map((m) => m.id).sort()).toEqual(Object.keys(strategies).sort());
  });

  it.each(MISSIONS.map((m) => [m.id]))('is not won by doing nothing at the defaults or at its own setup (%s)', (id) => {
    const mission = MISSIONS.find((m) => m.id === id)!;
    expect(winRate(id, defaults)).toBeLessThanOrEqual(0.05);
    expect(winRate(id, { ...defaults, ...mission.setup })).toBeLessThanOrEqual(0.05);
  });

  it.each(MISSIONS.map((m) => [m.id]))('can be won over most seeds with a sensible choice (%s)', (id) => {
    const mission = MISSIONS.find((m) => m.id === id)!;
    const values = { ...defaults, ...mission.setup, ...strategies[id] };
    for (const key of mission.fixed ?? []) expect(values[key]).toBe({ ...defaults, ...mission.setup }[key]);
    expect(winRate(id, values)).toBeGreaterThan(0.6);
  });

  it('are not won by making the teams faster where the goal rules it out', () => {
    expect(winRate('beat-twice-as-fast', { ...defaults, fast: true, batch: 1 })).toBe(0);
  });
});

describe('the scenario', () => {
  it('gives the waterfall preset at the defaults, and each way’s own batch and cadence when left to it', () => {
    expect(handoffParams(defaultValues(handoffFields))).toEqual(paramsFor('waterfall'));
    for (const way of ['waterfall', 'agile', 'devops'] as const) {
      const params = handoffParams({ ...defaultValues(handoffFields), way });
      expect({ batch: params.batch, cadence: params.cadence }).toEqual(WAYS[way]);
    }
    const custom = handoffParams({ ...defaultValues(handoffFields), way: 'agile', batch: 4, cadence: 'week', fast: true, busy: 70 });
    expect(custom).toMatchObject({ batch: 4, cadence: 5, speed: 2, busy: 0.7 });
  });

  it('reads a shared link and explains a bad value', () => {
    const { scenario, problems } = parseScenario(handoffFields, '?seed=4&way=devops&cadence=fortnight&busy=200');
    expect(scenario.values).toMatchObject({ way: 'devops', cadence: 'fortnight', busy: 50 });
    expect(problems).toEqual([expect.objectContaining({ param: 'busy', message: expect.stringMatching(/must be at most 95/) })]);
  });
});

describe('words, tables and sources', () => {
  it('announces batches, rework, the door, releases, feedback and the end with correct plurals', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(2, 'item')).toBe('2 items');
    const said: string[] = [];
    let state = init(paramsFor('waterfall'), 2);
    while (!isOver(state)) {
      const next = step(state, { type: 'tick' });
      const words = narrate(state, next);
      if (words !== null) said.push(words);
      state = next;
    }
    const text = said.join('\n');
    expect(text).toMatch(/Product handed a batch of 10 items to Design\./);
    expect(text).toMatch(/QA sent \d+ items? back to Engineering to fix\./);
    expect(text).toMatch(/reached the door to Release; \d+ items? wait/);
    expect(text).toMatch(/Release started packaging \d+ items?\./);
    expect(text).toMatch(/The first feedback from production reached the team on day \d+\./);
    expect(said.at(-1)).toMatch(/^.*All \d+ items are live by day \d+\. Median lead time \d+ working days; flow efficiency \d+%; \d+ rework laps?\.$/);
    expect(narrate(state, state)).toBeNull();
  });

  it('tabulates one row per arrived item, with no commas or quotes inside cells', () => {
    let state = init(paramsFor('agile'), 5);
    for (let d = 0; d < 50; d++) state = step(state, { type: 'tick' });
    const { columns, rows } = table(state);
    expect(rows.length).toBe(state.arrived);
    for (const row of rows) {
      expect(row).toHaveLength(columns.length);
      for (const cell of row) expect(String(cell)).not.toMatch(/[,"]/);
    }
    const end = table(simulate(paramsFor('agile'), 5));
    expect(end.rows.every((r) => r[2] === 'live' && typeof r[8] === 'number')).toBe(true);
  });

  it('states its assumptions and cites the queueing rule it uses', () => {
    expect(ASSUMPTIONS.length).toBeGreaterThan(5);
    expect(ASSUMPTIONS.some((a) => /busy \/ \(1 - busy\)/.test(a))).toBe(true);
    expect(SOURCES.map((s) => s.url)).toContain('https://en.wikipedia.org/wiki/M/M/1_queue');
    for (const s of SOURCES) expect(s.url).toMatch(/^https:\/\//);
  });
});
