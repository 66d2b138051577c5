// Tests for the capstone: the levers' rules, managed services, incidents and answers, the contract, and the claim that only the combination is elite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { missionsWon } from '../../../src/sim-kit/core/missions.ts';
import { actionsToEnd, overSeeds, replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { allElite } from '../../../src/models/dora/bands.ts';
import {
  BEST,
  DEFAULT_PARAMS,
  LEVER_NAMES,
  SERVICES,
  START,
  canRespond,
  capacityOf,
  capstoneMissions,
  deployTable,
  expectedNumbers,
  init,
  isOver,
  leverCode,
  model,
  narrate,
  parseLeverCode,
  placement,
  pulled,
  spendOf,
  step,
  summarize,
  sweep,
  table,
  toilByLever,
  type CapstoneParams,
  type CapstoneState,
  type CapstoneValues,
} from '../../../src/models/capstone/index.ts';
import { capstoneFields, capstoneParams } from '../../../src/schemas/capstone-scenario.ts';

const ALL_MANAGED = { parity: true, tests: true, iac: true, deploy: true, flags: true };
const cache = new Map<string, CapstoneState[]>();
/** Finished quarters for seeds 1..count, shared between tests asking for the same settings. */
const ends = (params: CapstoneParams, count = 200) => {
  const key = JSON.stringify([params, count]);
  if (!cache.has(key))
    cache.set(
      key,
      overSeeds(model, params, count, (e) => e),
    );
  return cache.get(key)!;
};
const share = (xs: CapstoneState[], f: (e: CapstoneState) => boolean) => xs.filter(f).length / xs.length;

describe('the capstone model', () => {
  it('takes its defaults from the scenario table: the company at the start of the course', () => {
    const values: CapstoneValues = defaultValues(capstoneFields);
    expect(capstoneParams(values)).toEqual(DEFAULT_PARAMS);
    expect(DEFAULT_PARAMS.levers).toEqual(START);
  });

  it('gives the same quarter for the same seed and choices', () => {
    expect(summarize(runToEnd(model, DEFAULT_PARAMS, 3))).toEqual(summarize(runToEnd(model, DEFAULT_PARAMS, 3)));
  });

  it('replays the logged actions of any quarter to the same end, and every quarter ends', () => {
    const leverArb = fc.record({
      team: fc.constantFrom('silos' as const, 'middle' as const, 'shared' as const),
      parity: fc.constantFrom('none' as const, 'some' as const, 'full' as const),
      tests: fc.constantFrom('manual' as const, 'topheavy' as const, 'pyramid' as const),
      iac: fc.constantFrom('hand' as const, 'code' as const),
      deploy: fc.constantFrom('monthly' as const, 'weekly' as const, 'daily' as const, 'continuous' as const),
      flags: fc.constantFrom('off' as const, 'on' as const),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), leverArb, fc.boolean(), (seed, levers, m) => {
        const params: CapstoneParams = { ...DEFAULT_PARAMS, levers, managed: m ? ALL_MANAGED : DEFAULT_PARAMS.managed };
        const actions = actionsToEnd(model, init(params, seed), 5_000);
        const end = replay(model, params, seed, actions);
        expect(isOver(end)).toBe(true);
        expect(summarize(end)).toEqual(summarize(runToEnd(model, params, seed)));
      }),
      { numRuns: 40 },
    );
  });

  it('loses no change: every built change is live or waiting at the end, and only built changes ever ship', () => {
    for (const params of [DEFAULT_PARAMS, pulled(LEVER_NAMES), pulled(['deploy'])]) {
      for (const end of ends(params, 200).slice(0, 40)) {
        const built = end.changes.slice(0, end.arrived).filter((c) => c.built);
        for (const c of built) expect(c.live !== end.queue.includes(c.id)).toBe(true);
        expect(end.changes.every((c) => c.built || !c.live)).toBe(true);
      }
    }
  });

  it('deals the same changes, defects and arrival times to every choice', () => {
    const a = init(DEFAULT_PARAMS, 9);
    const b = init(pulled(LEVER_NAMES), 9);
    expect(a.changes.map((c) => c.readyAt)).toEqual(b.changes.map((c) => c.readyAt));
  });

  it('fails a deploy exactly when it carries a defective or production-only change', () => {
    const end = runToEnd(model, pulled(['deploy']), 5);
    const start = init(pulled(['deploy']), 5);
    for (const d of end.deploys.filter((x) => x.changeIds.length === 1 && x.id < 20)) {
      const c = start.changes[d.changeIds[0]!]!;
      if (!end.incidents.some((i) => i.deployId !== null && end.deploys[i.deployId]!.changeIds.includes(c.id) && i.deployId < d.id))
        expect(d.failed).toBe(c.defective || c.envDefect);
    }
  });

  it('offers the kill switch only with flags, and only restoring for a failed server', () => {
    let s = init({ ...DEFAULT_PARAMS, levers: { ...BEST, flags: 'off' } }, 2);
    while (s.open.length === 0 && !isOver(s)) s = step(s, { type: 'day' });
    const first = s.incidents[s.open[0]!]!;
    if (first.kind === 'deploy') {
      expect(canRespond(s, 'kill')).toBe(false);
      expect(step(s, { type: 'respond', how: 'kill' })).toBe(s);
      expect(canRespond(s, 'rollback')).toBe(true);
    } else {
      expect(canRespond(s, 'restore')).toBe(true);
      expect(canRespond(s, 'rollback')).toBe(false);
    }
    expect(step(s, { type: 'day' })).toBe(s);
  });

  it('rolls the whole deploy back, but switches off only the bad changes with the kill switch', () => {
    const params = pulled(['flags']);
    let s = init(params, 4);
    while (!s.open.some((id) => s.incidents[id]!.kind === 'deploy') && !isOver(s)) s = isOver(s) ? s : step(s, model.autoplay(s));
    while (s.incidents[s.open[0]!]!.kind !== 'deploy') s = step(s, { type: 'respond', how: 'restore' });
    const incident = s.incidents[s.open[0]!]!;
    const deploy = s.deploys[incident.deployId!]!;
    const killed = step(s, { type: 'respond', how: 'kill' });
    const rolled = step(s, { type: 'respond', how: 'rollback' });
    const liveOf = (x: CapstoneState) => deploy.changeIds.filter((c) => x.changes[c]!.live).length;
    expect(liveOf(rolled)).toBe(0);
    expect(liveOf(killed)).toBeGreaterThan(0);
    expect(killed.incidents[incident.id]!.downtime).toBeLessThan(rolled.incidents[incident.id]!.downtime);
  });

  it('lets a managed service cost money and remove toil, but only for a lever that has been pulled', () => {
    const self = pulled(['tests']);
    const paid = { ...self, managed: { ...self.managed, tests: true } };
    expect(spendOf(paid) - spendOf(self)).toBe(SERVICES.tests.spend);
    expect(toilByLever(paid).tests).toBeLessThan(toilByLever(self).tests);
    expect(capacityOf(paid)).toBeGreaterThan(capacityOf(self));
    const manualPaid = { ...DEFAULT_PARAMS, managed: { ...DEFAULT_PARAMS.managed, tests: true } };
    expect(spendOf(manualPaid)).toBe(spendOf(DEFAULT_PARAMS));
    expect(toilByLever(manualPaid)).toEqual(toilByLever(DEFAULT_PARAMS));
  });

  it('names a current AWS service with a date for every managed lever, and none for team shape', () => {
    for (const s of Object.values(SERVICES)) {
      expect(s.aws).toMatch(/^(AWS|Amazon) /);
      expect(s.checked).toBe('2026-12');
    }
    expect(Object.keys(SERVICES)).not.toContain('team');
  });

  it('refuses impossible settings with a message that names them', () => {
    expect(() => init({ ...DEFAULT_PARAMS, days: 3 }, 1)).toThrow(/days must be a whole number from 10 to 130/);
    expect(() => init({ ...DEFAULT_PARAMS, levers: { ...START, deploy: 'hourly' as never } }, 1)).toThrow(
      /deploy must be one of monthly, weekly, daily, continuous/,
    );
  });

  it('turns choices into a lever code and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), fc.boolean(), (mask, m) => {
        const params = { ...pulled(LEVER_NAMES.filter((_, i) => mask & (1 << i))), managed: m ? ALL_MANAGED : DEFAULT_PARAMS.managed };
        const back = parseLeverCode(leverCode(params));
        expect(back).toEqual({ ok: true, levers: params.levers, managed: params.managed });
      }),
    );
    expect(leverCode(DEFAULT_PARAMS)).toBe('000000-00000');
    expect(parseLeverCode('900000-00000')).toEqual({ ok: false, reason: 'digit 1 is not a choice for team' });
    expect(parseLeverCode('nonsense').ok).toBe(false);
  });

  it('announces deploys, incidents, answers and the end of the quarter with correct plurals', () => {
    let s = init(pulled(['deploy', 'team']), 8);
    let said: string | null = null;
    while (s.open.length === 0) {
      const next = step(s, { type: 'day' });
      said = narrate(s, next);
      s = next;
    }
    expect(said).toMatch(/Incident at \d\d:\d\d/);
    const answered = step(s, model.autoplay(s));
    expect(narrate(s, answered)).toMatch(/service back after \d+ minutes?/);
    const end = runToEnd(model, pulled(LEVER_NAMES), 8);
    const before = { ...end, day: end.day - 1 };
    expect(narrate(before, end)).toMatch(/The quarter is over: \d+ features live, .* 4 of 4 keys elite\./);
  });

  it('exports one row per incident and per deploy, with no commas or quotes inside cells', () => {
    const end = runToEnd(model, DEFAULT_PARAMS, 2026);
    const t = table(end);
    expect(t.rows).toHaveLength(end.incidents.length);
    expect(deployTable(end).rows).toHaveLength(end.deploys.length);
    for (const cell of [...t.rows.flat(), ...t.columns]) expect(String(cell)).not.toMatch(/[",]/);
  });
});

describe('the lesson’s claim at the default settings (seeds 1 to 200)', () => {
  it('no single lever reaches the elite band on every key; all six together do', () => {
    for (const lever of LEVER_NAMES) {
      const quarters = ends(pulled([lever]));
      // Measured: no seed at all for any single lever.
      expect(share(quarters, (e) => allElite(placement(e)))).toBeLessThanOrEqual(0.01);
    }
    // Measured: every seed.
    expect(share(ends(pulled(LEVER_NAMES)), (e) => allElite(placement(e)))).toBeGreaterThanOrEqual(0.95);
  });

  it('the combination also cuts downtime and night-time pages far below the starting company', () => {
    const start = ends(DEFAULT_PARAMS);
    const all = ends(pulled(LEVER_NAMES));
    const mean = (xs: CapstoneState[], k: string) => xs.reduce((s, e) => s + (summarize(e)[k] as number), 0) / xs.length;
    expect(mean(all, 'downtimeMinutes')).toBeLessThan(0.1 * mean(start, 'downtimeMinutes'));
    expect(mean(all, 'nightPages')).toBeLessThan(0.25 * mean(start, 'nightPages'));
    expect(mean(all, 'featuresLive')).toBeGreaterThan(mean(start, 'featuresLive') + 100);
  });
});

describe('missions', () => {
  const rate = (params: CapstoneParams, id: string) => {
    const m = capstoneMissions.find((x) => x.id === id)!;
    return share(ends(params), (e) => m.won(e, defaultValues(capstoneFields)));
  };

  it('are not won by the starting company on any of 200 seeds', () => {
    for (const end of ends(DEFAULT_PARAMS)) expect(missionsWon(capstoneMissions, end, defaultValues(capstoneFields))).toEqual([]);
  });

  it('“Elite on every key” and “Quiet nights” are won on most seeds by pulling every lever', () => {
    expect(rate(pulled(LEVER_NAMES), 'elite-quarter')).toBeGreaterThan(0.9);
    expect(rate(pulled(LEVER_NAMES), 'quiet-nights')).toBeGreaterThan(0.75);
  });

  it('“Buy back the week” needs managed services: won on most seeds with them, rarely without', () => {
    const self = rate(pulled(LEVER_NAMES), 'ship-more');
    const managed = rate({ ...pulled(LEVER_NAMES), managed: ALL_MANAGED }, 'ship-more');
    expect(managed).toBeGreaterThan(0.75);
    expect(self).toBeLessThan(managed - 0.4);
  });
});

describe('figures for the facilitator guide and the sweep', () => {
  it('report the start, each single lever and the combination as the claim says', () => {
    const x = expectedNumbers(100);
    expect(x.defaults.allEliteShare).toBe(0);
    for (const lever of LEVER_NAMES) expect(x.singleLever[lever]!.allEliteShare).toBeLessThanOrEqual(0.01);
    expect(x.allLevers.allEliteShare).toBeGreaterThanOrEqual(0.95);
    expect(x.allLeversManaged.featuresLive).toBeGreaterThan(x.allLevers.featuresLive);
    expect(x.allLeversManaged.spend).toBeGreaterThan(x.allLevers.spend);
  });

  it('show elite keys rising with the number of levers pulled, all four only with all six', () => {
    const rows = sweep(4);
    expect(rows.map((r) => r.levers)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.combinations)).toEqual([1, 6, 15, 20, 15, 6, 1]);
    expect(rows[6]!.eliteKeys).toBeGreaterThan(rows[1]!.eliteKeys);
    expect(rows[1]!.allEliteShare).toBe(0);
    expect(rows[6]!.allEliteShare).toBeGreaterThanOrEqual(0.75);
  });
});
