// Tests for the Conway model: the organisation's text form and validator, the build rules, the kit contract, and the lesson's claims over 200 seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { actionsToEnd, overSeeds, replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import {
  architecture,
  architectureTable,
  ASSUMPTIONS,
  builderFor,
  conwayMissions,
  DOMAINS,
  dropEmptyTeams,
  expectedNumbers,
  init,
  isOver,
  layerOf,
  model,
  movePerson,
  narrate,
  orgProblems,
  orgToText,
  parseOrg,
  presetOrg,
  PRESETS,
  ROSTER,
  setFocus,
  setLink,
  SOURCES,
  step,
  summarize,
  sweep,
  sweepTalk,
  table,
  talkBetween,
  teamNames,
  touched,
  waitDays,
  type ConwayParams,
  type ConwayState,
  type Org,
  type OrgPreset,
  type PersonId,
} from '../../../src/models/conway/index.ts';
import { conwayFields, conwayParams, conwayScenarioToQuery, parseConwayScenario, type ConwayValues } from '../../../src/schemas/conway-scenario.ts';

const defaults: ConwayValues = defaultValues(conwayFields);
const base: ConwayParams = conwayParams(defaults);
const paramsFor = (org: OrgPreset) => conwayParams({ ...defaults, org });
const SEEDS = 200;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const runTo = (params: ConwayParams, seed: number, reorgAt: number | null = null, org: Org | null = null): ConwayState => {
  let s = init(params, seed);
  while (!isOver(s)) {
    if (reorgAt !== null && s.built === reorgAt && s.reorganisedAt.length === 0) s = step(s, { type: 'reorganise', org: org! });
    s = step(s, { type: 'feature' });
  }
  return s;
};

/** Any valid organisation: each person in one of up to six teams, any focus, any links. */
const orgArb: fc.Arbitrary<Org> = fc
  .record({
    size: fc.integer({ min: 1, max: 6 }),
    seats: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    focus: fc.array(fc.constantFrom(null, ...DOMAINS), { minLength: 6, maxLength: 6 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('daily' as const, 'tickets' as const)), { maxLength: 15 }),
  })
  .map(({ size, seats, focus, links }) => {
    const teams = Array.from({ length: size }, (_, i) => ({ focus: focus[i]!, members: [] as PersonId[] }));
    ROSTER.forEach((p, i) => teams[seats[i]! % size]!.members.push(p.id));
    let org = dropEmptyTeams({ teams, links: [] });
    for (const [a, b, kind] of links) org = setLink(org, a % org.teams.length, b % org.teams.length, kind);
    return org;
  });

describe('the organisation’s text form', () => {
  it('reads every preset, and writes each back to the same text', () => {
    for (const p of Object.keys(PRESETS) as OrgPreset[]) {
      const parsed = parseOrg(PRESETS[p].text);
      expect(parsed.ok, p).toBe(true);
      expect(orgToText(presetOrg(p))).toBe(PRESETS[p].text);
    }
  });

  it('round-trips any valid organisation', () => {
    fc.assert(
      fc.property(orgArb, (org) => {
        expect(orgProblems(org)).toEqual([]);
        const text = orgToText(org);
        const parsed = parseOrg(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(orgToText(parsed.org)).toBe(text);
      }),
    );
  });

  it.each([
    ['', /is empty/],
    ['x'.repeat(121), /121 characters long; at most 120/],
    ['pADG_1d2_3', /more than one underscore/],
    ['qADG.sBEHCFIJKL', /Team 1 \("qADG"\) must start with its focus, p \(photos\)/],
    ['pADG.s.aBCEFHIJKL', /Team 2 has nobody in it/],
    ['pADGM.sBEHCFIJKL', /names “M”, who is not on the roster/],
    ['pADG.sBEHDCFIJKL', /Dara \(D\) is in team 1 and team 2; each person is in one team/],
    ['pADG.sBEHCFIJ', /Kai \(K\) and Lena \(L\) are in no team/],
    ['pADG.sBEHCFIJK', /Lena \(L\) is in no team; every person needs a team/],
    ['xA.xB.xC.xD.xE.xF.xGHIJKL', /7 teams; at most 6/],
    ['pADG.sBEHCFIJKL_1x2', /The link "1x2" must look like 1d2/],
    ['pADG.sBEHCFIJKL_1d5', /link 1d5 names a team that does not exist \(there are 2 teams\)/],
    ['pADG.sBEHCFIJKL_2d2', /link 2d2 joins team 2 to itself/],
    ['pADG.sBEHCFIJKL_1d2.2t1', /Teams 1 and 2 are linked more than once/],
  ])('refuses %j with a specific message', (text, message) => {
    const parsed = parseOrg(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('names teams by their area, else their one skill, else their number', () => {
    expect(teamNames(presetOrg('silos'))).toEqual(['Front end', 'Back end', 'Data', 'Operations']);
    expect(teamNames(presetOrg('dev-and-ops'))).toEqual(['Photos', 'Sharing', 'Accounts', 'Operations']);
    const parsed = parseOrg('xAD.xBE.pCFGHIJKL');
    expect(parsed.ok && teamNames(parsed.org)).toEqual(['Team 1', 'Team 2', 'Photos']);
  });

  it('edits by moving people, setting links and focus, dropping emptied teams and renumbering links', () => {
    const silos = presetOrg('silos');
    let org = movePerson(silos, 'J', 4, 'photos');
    expect(org.teams.length).toBe(5);
    expect(org.teams[4]).toEqual({ focus: 'photos', members: ['J'] });
    org = movePerson(movePerson(movePerson(silos, 'A', 1), 'B', 1), 'C', 1);
    expect(teamNames(org)).toEqual(['Team 1', 'Data', 'Operations']);
    expect(orgToText(org)).toBe('xABCDEF.xGHI.xJKL_1t2.1t3.2t3');
    org = setLink(setLink(org, 2, 0, 'daily'), 1, 2, 'none');
    expect(talkBetween(org, 0, 2)).toBe('daily');
    expect(talkBetween(org, 1, 2)).toBe('none');
    expect(talkBetween(org, 1, 1)).toBe('same');
    expect(setFocus(org, 1, 'sharing').teams[1]!.focus).toBe('sharing');
  });
});

describe('the Conway build rules', () => {
  it('give each part to the team organised around its area, else the owner, else the lead team, else the first with the skill', () => {
    const devops = presetOrg('devops-teams');
    expect(builderFor(devops, 'sharing.run', 0, undefined, 0)).toBe(1);
    const silos = presetOrg('silos');
    expect(builderFor(silos, 'photos.ui', 1, undefined, 0)).toBe(0);
    const two = parseOrg('xADGJ.xBEHK.xCFIL_1d2.2d3');
    if (!two.ok) throw new Error(two.error);
    expect(builderFor(two.org, 'photos.ui', 1, undefined, 0)).toBe(1);
    expect(builderFor(two.org, 'photos.ui', 1, { generation: 0, team: 2, hold: 1 }, 0)).toBe(2);
    expect(builderFor(two.org, 'photos.ui', 1, { generation: 0, team: 2, hold: 1 }, 1)).toBe(1);
    expect(builderFor(two.org, 'photos.ui', null, undefined, 0)).toBe(0);
  });

  it('make the lead team wait by how it reaches each other team, along the cheapest chain of conversations, at most 5 days', () => {
    const org = presetOrg('dev-and-ops');
    expect(waitDays(org, 0, 0)).toBe(0);
    expect(waitDays(org, 0, 1)).toBe(0.5);
    expect(waitDays(org, 0, 3)).toBe(3);
    expect(waitDays(org, 0, 2)).toBe(1);
    const apart = parseOrg('xABC.xDEF.xGHIJKL');
    expect(apart.ok && waitDays(apart.org, 0, 2)).toBe(5);
  });

  it('put a DevOps team’s feature inside one module with no dev-ops seam', () => {
    let s = init(paramsFor('devops-teams'), 4);
    while (!isOver(s)) s = step(s, { type: 'feature' });
    for (const f of s.features) {
      if (f.cross === null) expect(f.built!.teams).toBe(1);
      expect(f.built!.seams.filter((x) => x.devops)).toEqual([]);
    }
  });

  it('let a reorganisation wear ownership down slowly: a part changes hands only after its old owner’s hold is used up', () => {
    const params = { ...paramsFor('silos'), settle: 3 };
    let s = init(params, 11);
    for (let i = 0; i < 20; i++) s = step(s, { type: 'feature' });
    const held = s.owners['photos.service']!;
    expect(held).toMatchObject({ generation: 0, team: 1, hold: 3 });
    s = step(s, { type: 'reorganise', org: presetOrg('devops-teams') });
    const moves: number[] = [];
    while (!isOver(s) && s.owners['photos.service']!.generation === 0) {
      const before = s.owners['photos.service']!.hold;
      s = step(s, { type: 'feature' });
      const f = s.features[s.built - 1]!;
      if (touched(f).includes('photos.service')) moves.push(before);
    }
    expect(moves).toEqual([3, 2, 1]);
    expect(s.owners['photos.service']).toMatchObject({ generation: 1, team: 0, hold: 1 });
  });

  it('ignore a reorganisation into an invalid organisation or after the last feature', () => {
    const s = init(base, 1);
    expect(step(s, { type: 'reorganise', org: { teams: [], links: [] } })).toBe(s);
    const end = runToEnd(model, base, 1);
    expect(step(end, { type: 'reorganise', org: presetOrg('silos') })).toBe(end);
  });

  it('refuse to start with an invalid organisation or value, naming it', () => {
    expect(() => init({ ...base, org: { teams: [], links: [] } }, 1)).toThrow(/no teams/);
    expect(() => init({ ...base, features: 0 }, 1)).toThrow(/features must be a whole number/);
    expect(() => init({ ...base, uiShare: 2 }, 1)).toThrow(/uiShare must be from 0 to 1/);
  });
});

describe('the Conway model keeps the kit contract', () => {
  const paramsArb = fc.record({
    org: orgArb,
    seed: fc.integer({ min: 0, max: 1e6 }),
    features: fc.integer({ min: 1, max: 40 }),
    reorgAt: fc.integer({ min: 0, max: 40 }),
    next: orgArb,
  });

  it('gives the same run for the same seed, params and actions', () => {
    expect(runToEnd(model, base, 42)).toEqual(runToEnd(model, base, 42));
    expect(runToEnd(model, base, 42)).not.toEqual(runToEnd(model, base, 43));
  });

  it('replays a logged run with a reorganisation to the same state, and autoplay ends in one action per feature', () => {
    fc.assert(
      fc.property(paramsArb, ({ org, seed, features, reorgAt, next }) => {
        const params = { ...base, org, features };
        expect(actionsToEnd(model, init(params, seed)).length).toBe(features);
        const end = runTo(params, seed, reorgAt < features ? reorgAt : null, next);
        const log: Parameters<typeof step>[1][] = [];
        for (let i = 0; i < features; i++) {
          if (i === reorgAt) log.push({ type: 'reorganise', org: next });
          log.push({ type: 'feature' });
        }
        expect(replay(model, params, seed, log)).toEqual(end);
      }),
      { numRuns: 50 },
    );
  });

  it('loses no feature: every one is built, every part it touched has a builder and an owner, and modules hold every built part once', () => {
    fc.assert(
      fc.property(paramsArb, ({ org, seed, features }) => {
        const end = runToEnd(model, { ...base, org, features }, seed);
        expect(end.built).toBe(features);
        for (const f of end.features) {
          expect(f.built).not.toBeNull();
          for (const c of touched(f)) {
            expect(f.built!.builders[c]).toBeTypeOf('number');
            expect(end.owners[c]).toBeDefined();
          }
        }
        const parts = architecture(end).modules.flatMap((m) => m.components);
        expect(new Set(parts).size).toBe(parts.length);
        expect(parts.length).toBe(Object.keys(end.owners).length);
      }),
      { numRuns: 50 },
    );
  });

  it('draws the same features whatever the organisation (same dice)', () => {
    fc.assert(
      fc.property(orgArb, orgArb, fc.integer({ min: 0, max: 1e6 }), (a, b, seed) => {
        const strip = (s: ConwayState) => s.features.map(({ built: _built, ...draw }) => draw);
        expect(strip(init({ ...base, org: a }, seed))).toEqual(strip(init({ ...base, org: b }, seed)));
      }),
      { numRuns: 30 },
    );
  });
});

describe('the lesson’s claims over 200 seeds at the defaults', () => {
  it('the module graph follows the communication graph: one module per building team, its edges labelled by how those teams talk', () => {
    fc.assert(
      fc.property(orgArb, fc.integer({ min: 0, max: 1e6 }), (org, seed) => {
        const end = runToEnd(model, { ...base, org }, seed);
        const { modules, edges } = architecture(end);
        const builders = new Set(end.features.flatMap((f) => Object.values(f.built!.builders)));
        expect(modules.map((m) => m.team).sort()).toEqual([...builders].sort());
        for (const m of modules)
          for (const f of end.features) for (const c of m.components) if (f.built!.builders[c] !== undefined) expect(f.built!.builders[c]).toBe(m.team);
        const team = new Map(modules.map((m) => [m.id, m.team!]));
        for (const e of edges) expect(e.talk).toBe(talkBetween(org, team.get(e.a)!, team.get(e.b)!));
      }),
      { numRuns: 40 },
    );
    for (let seed = 1; seed <= SEEDS; seed++) {
      expect(summarize(runToEnd(model, paramsFor('silos'), seed))).toMatchObject({ modules: 4, horizontalShare: 1, verticalShare: 0 });
      expect(summarize(runToEnd(model, paramsFor('devops-teams'), seed))).toMatchObject({ modules: 3, verticalShare: 1, horizontalShare: 0 });
      const { modules } = architecture(runToEnd(model, base, seed));
      const ops = modules.find((m) => m.name === 'Operations')!;
      expect(ops.components.map(layerOf).every((l) => l === 'run')).toBe(true);
      expect(ops.components.length).toBe(3);
    }
  });

  it('features that need more teams take longer: mean lead time rises by over half a day with each extra team, and waiting alone rises too', () => {
    const features = Array.from({ length: SEEDS }, (_, i) => runToEnd(model, base, i + 1).features.map((f) => f.built!)).flat();
    const byTeams = [1, 2, 3].map((n) => features.filter((b) => b.teams === n));
    expect(byTeams[0]!.length).toBe(0);
    expect(byTeams[1]!.length).toBeGreaterThan(1000);
    expect(byTeams[2]!.length).toBeGreaterThan(1000);
    expect(mean(byTeams[2]!.map((b) => b.leadDays)) - mean(byTeams[1]!.map((b) => b.leadDays))).toBeGreaterThan(0.5);
    expect(mean(byTeams[2]!.map((b) => b.delayDays)) - mean(byTeams[1]!.map((b) => b.delayDays))).toBeGreaterThan(0.4);
  });

  it('on the same dice every feature takes at least as long in silos as in DevOps teams, and over 3 days longer on average', () => {
    let gap = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const silos = runToEnd(model, paramsFor('silos'), seed).features;
      const devops = runToEnd(model, paramsFor('devops-teams'), seed).features;
      silos.forEach((f, i) => expect(f.built!.leadDays).toBeGreaterThanOrEqual(devops[i]!.built!.leadDays));
      gap += summarize({ ...runToEnd(model, paramsFor('silos'), seed) }).leadDays! - summarize(runToEnd(model, paramsFor('devops-teams'), seed)).leadDays!;
    }
    expect(gap / SEEDS).toBeGreaterThan(3);
  });

  it('seams without conversation cause more incidents per seam than seams across tickets, and those more than daily talk', () => {
    const seams = Array.from({ length: SEEDS }, (_, i) => runToEnd(model, base, i + 1).features.flatMap((f) => f.built!.seams)).flat();
    const rate = (talks: string[]) => {
      const these = seams.filter((s) => talks.includes(s.talk));
      return { n: these.length, rate: these.filter((s) => s.incident).length / these.length };
    };
    const none = rate(['none']);
    const tickets = rate(['tickets']);
    const daily = rate(['daily', 'same']);
    expect(Math.min(none.n, tickets.n, daily.n)).toBeGreaterThan(500);
    expect(none.rate - tickets.rate).toBeGreaterThan(0.08);
    expect(tickets.rate - daily.rate).toBeGreaterThan(0.05);
  });

  it('putting developers and operations in one team removes the dev-ops seam incidents, on the same dice', () => {
    const apart = overSeeds(model, base, SEEDS, (end) => summarize(end).devopsIncidents);
    const together = overSeeds(model, paramsFor('devops-teams'), SEEDS, (end) => summarize(end).devopsIncidents);
    expect(together.every((n) => n === 0)).toBe(true);
    expect(apart.filter((n) => n > 0).length / SEEDS).toBeGreaterThanOrEqual(0.95);
    expect(mean(apart)).toBeGreaterThan(8);
  });

  it('a reorganisation changes the architecture over the following features, not at once', () => {
    const shares = Array.from({ length: SEEDS }, (_, i) => {
      let s = init(paramsFor('silos'), i + 1);
      for (let k = 0; k < 10; k++) s = step(s, { type: 'feature' });
      const before = architecture(s);
      s = step(s, { type: 'reorganise', org: presetOrg('devops-teams') });
      // At the moment of reorganising the code is where it was: the same modules, now belonging to no current team.
      expect(architecture(s).modules.map((m) => m.components)).toEqual(before.modules.map((m) => m.components));
      expect(architecture(s).modules.every((m) => m.team === null)).toBe(true);
      const after: number[] = [summarize(s).verticalShare!];
      for (let k = 0; k < 15; k++) {
        s = step(s, { type: 'feature' });
        after.push(summarize(s).verticalShare!);
      }
      return after;
    });
    expect(mean(shares.map((a) => a[0]!))).toBeLessThan(0.05);
    expect(mean(shares.map((a) => a[1]!))).toBeLessThan(0.2);
    expect(mean(shares.map((a) => a[10]!))).toBeGreaterThan(0.8);
    expect(shares.filter((a) => a[1]! < a[10]!).length / SEEDS).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the Conway scenario', () => {
  it('defaults to product teams with operations apart, reached through tickets', () => {
    expect(orgToText(base.org)).toBe(PRESETS['dev-and-ops'].text);
    expect(base).toMatchObject({ features: 40, uiShare: 0.7, dataShare: 0.5, crossShare: 0.3, settle: 3 });
    expect(base.incidentRate).toEqual({ same: 0.03, daily: 0.03, tickets: 0.12, none: 0.3 });
  });

  it('reads a custom organisation from the URL and writes it back', () => {
    const { scenario, custom, problems } = parseConwayScenario('?org=custom&custom=pADGJ.sBEHK.aCFIL_1d2.1d3.2d3&seed=5');
    expect(problems).toEqual([]);
    expect(custom && orgToText(custom)).toBe('pADGJ.sBEHK.aCFIL_1d2.1d3.2d3');
    expect(parseConwayScenario(conwayScenarioToQuery(scenario, custom))).toEqual({ scenario, custom, problems: [] });
  });

  it('falls back to the default organisation with a specific message for a bad or missing custom one', () => {
    const bad = parseConwayScenario('?org=custom&custom=pADG.sBEH');
    expect(bad.custom).toBeNull();
    expect(bad.problems[0]!.message).toMatch(
      /^“custom” is not a valid organisation: Chen \(C\), .* are in no team; every person needs a team\. \(got "pADG\.sBEH"\); using product teams, operations apart instead\.$/,
    );
    expect(parseConwayScenario('?org=custom').problems[0]!.message).toMatch(/gives no teams/);
    expect(parseConwayScenario(`?org=custom&custom=${'x'.repeat(200)}`).problems[0]!.message).toMatch(/must be at most 120 characters/);
    expect(conwayParams(bad.scenario.values, bad.custom).org).toEqual(presetOrg('dev-and-ops'));
  });
});

describe('the Conway missions', () => {
  const rate = (values: ConwayValues, id: string, reorg: Org | null = null) => {
    const mission = conwayMissions.find((m) => m.id === id)!;
    let wins = 0;
    for (let seed = 1; seed <= SEEDS; seed++) if (mission.won(runTo(conwayParams(values), seed, reorg ? 10 : null, reorg), values)) wins++;
    return wins / SEEDS;
  };

  it('are at least three, with unique ids', () => {
    expect(conwayMissions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(conwayMissions.map((m) => m.id)).size).toBe(conwayMissions.length);
  });

  it.each(conwayMissions.map((m) => m.id))('%s is not won at the defaults by doing nothing (under 5% of seeds)', (id) => {
    const mission = conwayMissions.find((m) => m.id === id)!;
    expect(rate({ ...defaults, ...mission.setup }, id)).toBeLessThan(0.05);
  });

  it.each([
    ['quiet-pager', { org: 'devops-teams' }, null],
    ['talk-across-the-wall', { org: 'stream-aligned' }, null],
    ['one-team-features', { org: 'devops-teams' }, null],
    ['inverse-conway', { org: 'silos' }, presetOrg('devops-teams')],
  ] as const)('%s is won over at least 80% of seeds by choosing %o (and reorganising at feature 10: %o)', (id, choice, reorg) => {
    expect(rate({ ...defaults, ...choice }, id, reorg)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('what the Conway sim tells and exports', () => {
  it('narrates a feature, a reorganisation and the end with correct plurals', () => {
    const s = init(paramsFor('devops-teams'), 3);
    const one = step(s, { type: 'feature' });
    const f = one.features[0]!;
    expect(narrate(s, one)).toMatch(new RegExp(`^Feature 1 \\(${f.domain}\\) needed 1 team \\(\\w+\\) and took [\\d.]+ days?\\.`));
    const r = step(one, { type: 'reorganise', org: presetOrg('silos') });
    expect(narrate(one, r)).toBe(
      'Reorganised into 4 teams: Front end, Back end, Data and Operations. The code still sits where the old teams put it; it moves over the next features.',
    );
    let last = init(base, 3);
    while (last.built < base.features - 1) last = step(last, { type: 'feature' });
    expect(narrate(last, step(last, { type: 'feature' }))).toMatch(
      /All 40 features built: [\d.]+ teams per feature on average, \d+ incidents?, \d+ at the dev-ops seam\.$/,
    );
    expect(narrate(last, last)).toBeNull();
  });

  it('tables every built feature and the architecture with no comma or quote inside a cell', () => {
    const end = runTo(paramsFor('silos'), 9, 20, presetOrg('devops-teams'));
    const t = table(end);
    expect(t.rows.length).toBe(40);
    expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
    const a = architectureTable(end);
    expect(a.modules.length).toBe(architecture(end).modules.length);
    for (const cell of [...t.columns, ...t.rows.flat(), ...a.modules.flat(), ...a.edges.flat()]) expect(String(cell)).not.toMatch(/[",]/);
  });

  it('lists its assumptions and sources', () => {
    expect(ASSUMPTIONS.length).toBeGreaterThan(5);
    expect(SOURCES.map((s) => s.year)).toContain(1968);
  });

  it('sweeps incidents against teams per feature for each organisation, and against how many pairs of teams talk', () => {
    const rows = sweep(defaults, 20);
    expect(rows.map((r) => r.label)).toEqual(Object.values(PRESETS).map((p) => p.label));
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    expect(byLabel.get(PRESETS.silos.label)!.incidents).toBeGreaterThan(byLabel.get(PRESETS['devops-teams'].label)!.incidents);
    const talk = sweepTalk(defaults, presetOrg('dev-and-ops'), 20);
    expect(talk.map((r) => r.talkingPairs)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(talk[0]!.incidents).toBeGreaterThan(talk[6]!.incidents);
    expect(talk[0]!.silentSeams).toBeGreaterThan(0);
    expect(talk[6]!.silentSeams).toBe(0);
  });

  it('gives the facilitator guide its headline numbers, means over seeds 1 to 200', () => {
    const n = expectedNumbers();
    expect(n.devAndOpsDevopsIncidents).toBeCloseTo(mean(overSeeds(model, base, SEEDS, (e) => summarize(e).devopsIncidents)), 10);
    expect(n.devopsTeamsDevopsIncidents).toBe(0);
    expect(n.silosTeamsPerFeature).toBeGreaterThan(n.devopsTeamsTeamsPerFeature);
    expect(n.reorganisedVerticalAfter1).toBeLessThan(n.reorganisedVerticalAfter5);
    expect(n.reorganisedVerticalAfter5).toBeLessThan(n.reorganisedVerticalAfter10);
  });
});
