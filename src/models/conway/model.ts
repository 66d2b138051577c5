// The Conway model: features built by the teams of an organisation grow an architecture that copies who talks to whom.
import { streams } from '../../sim-kit/core/random.ts';
import type { SimModel } from '../../sim-kit/core/model.ts';
import { DOMAINS, orgProblems, person, talkBetween, teamNames, type Domain, type Org, type Skill, type Talk } from './org.ts';
import type { Built, ComponentId, ConwayAction, ConwayParams, ConwayState, ConwaySummary, FeatureDraw, Layer, Owner, Seam, Slot } from './types.ts';

export const LAYERS: readonly Layer[] = ['ui', 'service', 'data', 'run'];
export const SLOTS: readonly Slot[] = ['ui-service', 'service-data', 'service-cross', 'ui-run', 'service-run', 'data-run'];
/** The skill each layer needs. */
export const SKILL_FOR: Readonly<Record<Layer, Skill>> = { ui: 'front', service: 'back', data: 'data', run: 'ops' };

/** Days a feature waits on another team, by how the lead team reaches it (a guess, listed as an assumption). */
export const DELAY_DAYS: Readonly<Record<Talk, number>> = { same: 0, daily: 0.5, tickets: 3, none: 5 };
/** Mean days of work on one component of a feature. */
export const WORK_MEAN_DAYS = 1;

/** What goes wrong at a seam: at the dev-ops seam, the things operations cannot see; elsewhere, contracts nobody agreed. */
export const DEVOPS_INCIDENTS = ['logs nobody on call can read', 'no runbook for the new part', 'an alert nobody owns'] as const;
export const OTHER_INCIDENTS = ['a changed contract broke a caller', 'a schema change broke a reader', 'the same rule built twice now disagrees'] as const;

export const component = (domain: Domain, layer: Layer): ComponentId => `${domain}.${layer}`;
const PARTS = new Map<string, { domain: Domain; layer: Layer }>(
  DOMAINS.flatMap((domain) => LAYERS.map((layer) => [component(domain, layer), { domain, layer }] as const)),
);
export const layerOf = (c: ComponentId): Layer => PARTS.get(c)!.layer;
export const domainOf = (c: ComponentId): Domain => PARTS.get(c)!.domain;

function check(params: ConwayParams): void {
  const bad = (what: string) => {
    throw new RangeError(`conway: ${what}`);
  };
  const problems = orgProblems(params.org);
  if (problems.length) bad(`the organisation is not valid: ${problems[0]}`);
  if (!(Number.isInteger(params.features) && params.features >= 1 && params.features <= 1000))
    bad(`features must be a whole number from 1 to 1000 (got ${params.features})`);
  for (const [name, p] of [
    ['uiShare', params.uiShare],
    ['dataShare', params.dataShare],
    ['crossShare', params.crossShare],
    ...Object.entries(params.incidentRate).map(([k, v]) => [`incidentRate.${k}`, v] as const),
  ] as const) {
    if (!(p >= 0 && p <= 1)) bad(`${name} must be from 0 to 1 (got ${p})`);
  }
  if (!(Number.isInteger(params.settle) && params.settle >= 1)) bad(`settle must be a whole number of at least 1 (got ${params.settle})`);
}

/** Every feature of the run from the seed: its area, what it touches, its work and its luck at each seam, whatever the organisation. */
export function makeFeatures(params: Pick<ConwayParams, 'features' | 'uiShare' | 'dataShare' | 'crossShare'>, seed: number): FeatureDraw[] {
  const pick = streams(seed);
  const shape = pick('shape');
  const work = pick('work');
  const luck = pick('incidents');
  return Array.from({ length: params.features }, (_, id) => {
    // A fixed number of draws per feature from each stream, so changing a share never shifts a later feature's dice.
    const domain = DOMAINS[shape.int(0, 2)]!;
    const ui = shape.float() < params.uiShare;
    const data = shape.float() < params.dataShare;
    const crossing = shape.float() < params.crossShare;
    const others = DOMAINS.filter((d) => d !== domain);
    const other = others[shape.int(0, others.length - 1)]!;
    const days = () => work.exponential(WORK_MEAN_DAYS);
    const w = { ui: days(), service: days(), data: days(), run: days(), cross: days() };
    const l = {} as Record<Slot, number>;
    const k = {} as Record<Slot, number>;
    for (const slot of SLOTS) {
      l[slot] = luck.float();
      k[slot] = luck.int(0, 2);
    }
    return { id, domain, ui, data, cross: crossing ? other : null, work: w, luck: l, kind: k };
  });
}

export function init(params: ConwayParams, seed: number): ConwayState {
  check(params);
  return {
    params,
    org: params.org,
    orgs: [params.org],
    reorganisedAt: [],
    features: makeFeatures(params, seed).map((f) => ({ ...f, built: null })),
    built: 0,
    owners: {},
  };
}

export function isOver(state: ConwayState): boolean {
  return state.built >= state.features.length;
}

const generationOf = (state: ConwayState) => state.orgs.length - 1;

/** The components a feature touches, home service first. */
export function touched(f: FeatureDraw): ComponentId[] {
  const list = [component(f.domain, 'service'), component(f.domain, 'run')];
  if (f.ui) list.push(component(f.domain, 'ui'));
  if (f.data) list.push(component(f.domain, 'data'));
  if (f.cross) list.push(component(f.cross, 'service'));
  return list;
}

/** The two components meeting at each slot the feature uses. */
export function slotsOf(f: FeatureDraw): Array<[Slot, ComponentId, ComponentId]> {
  const c = (layer: Layer) => component(f.domain, layer);
  const list: Array<[Slot, ComponentId, ComponentId]> = [['service-run', c('service'), c('run')]];
  if (f.ui) list.push(['ui-service', c('ui'), c('service')], ['ui-run', c('ui'), c('run')]);
  if (f.data) list.push(['service-data', c('service'), c('data')], ['data-run', c('data'), c('run')]);
  if (f.cross) list.push(['service-cross', c('service'), component(f.cross, 'service')]);
  return list;
}

/**
 * Which team builds a component: a team organised around its product area, else the team that owns its code now, else the
 * feature's lead team, else the first team with the skill. Every person is in a team, so some team always has the skill.
 */
export function builderFor(org: Org, c: ComponentId, lead: number | null, owner: Owner | undefined, generation: number): number {
  const skill = SKILL_FOR[layerOf(c)];
  const able = org.teams.map((t, i) => (t.members.some((m) => person(m).skill === skill) ? i : -1)).filter((i) => i >= 0);
  const focused = able.find((i) => org.teams[i]!.focus === domainOf(c));
  if (focused !== undefined) return focused;
  if (owner && owner.generation === generation && able.includes(owner.team)) return owner.team;
  if (lead !== null && able.includes(lead)) return lead;
  return able[0]!;
}

const waits = new WeakMap<Org, number[][]>();

/** Days the lead team waits on another: direct talk, or the cheapest chain of conversations, never more than escalating (DELAY_DAYS.none). */
export function waitDays(org: Org, from: number, to: number): number {
  let table = waits.get(org);
  if (!table) {
    table = org.teams.map((_, i) => org.teams.map((__, j) => shortestWait(org, i, j)));
    waits.set(org, table);
  }
  return table[from]![to]!;
}

function shortestWait(org: Org, from: number, to: number): number {
  if (from === to) return 0;
  const n = org.teams.length;
  const dist = Array.from({ length: n }, () => Infinity);
  const done = Array.from({ length: n }, () => false);
  dist[from] = 0;
  for (let round = 0; round < n; round++) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0 || dist[u] === Infinity) break;
    done[u] = true;
    for (const l of org.links) {
      const v = l.a === u ? l.b : l.b === u ? l.a : -1;
      if (v >= 0) dist[v] = Math.min(dist[v]!, dist[u]! + DELAY_DAYS[l.kind]);
    }
  }
  return Math.min(dist[to]!, DELAY_DAYS.none);
}

const sameOwner = (x: Owner | undefined, y: Owner | undefined) => !!x && !!y && x.generation === y.generation && x.team === y.team;

function buildFeature(state: ConwayState): ConwayState {
  if (isOver(state)) return state;
  const { params, org } = state;
  const generation = generationOf(state);
  const f = state.features[state.built]!;
  const comps = touched(f);
  const owners = { ...state.owners };
  const builders: Partial<Record<ComponentId, number>> = {};
  const lead = builderFor(org, comps[0]!, null, owners[comps[0]!], generation);
  for (const c of comps) builders[c] = c === comps[0] ? lead : builderFor(org, c, lead, owners[c], generation);
  // Code moves slowly: a component changes hands only after its owner's hold is worn down by other teams' work on it.
  for (const c of comps) {
    const b = builders[c]!;
    const o = owners[c];
    if (!o) owners[c] = { generation, team: b, hold: 1 };
    else if (o.generation === generation && o.team === b) owners[c] = { ...o, hold: Math.min(params.settle, o.hold + 1) };
    else owners[c] = o.hold <= 1 ? { generation, team: b, hold: 1 } : { ...o, hold: o.hold - 1 };
  }
  const seams: Seam[] = [];
  for (const [slot, a, b] of slotsOf(f)) {
    const ba = builders[a]!;
    const bb = builders[b]!;
    if (ba === bb && sameOwner(owners[a], owners[b])) continue;
    const talk = ba === bb ? 'same' : talkBetween(org, ba, bb);
    const devops = layerOf(a) === 'run' || layerOf(b) === 'run';
    const hit = f.luck[slot] < params.incidentRate[talk];
    seams.push({ slot, a, b, devops, talk, incident: hit ? (devops ? DEVOPS_INCIDENTS : OTHER_INCIDENTS)[f.kind[slot]]! : null });
  }
  const teams = [...new Set(Object.values(builders))];
  const delayDays = teams.reduce((sum, t) => sum + waitDays(org, lead, t), 0);
  const workOf = (c: ComponentId) => (f.cross && c === component(f.cross, 'service') ? f.work.cross : f.work[layerOf(c)]);
  const workDays = comps.reduce((sum, c) => sum + workOf(c), 0);
  const built: Built = { builders, generation, teams: teams.length, delayDays, leadDays: workDays + delayDays, seams };
  const features = state.features.slice();
  features[state.built] = { ...f, built };
  return { ...state, features, owners, built: state.built + 1 };
}

function reorganise(state: ConwayState, org: Org): ConwayState {
  if (isOver(state) || orgProblems(org).length) return state;
  return { ...state, org, orgs: [...state.orgs, org], reorganisedAt: [...state.reorganisedAt, state.built] };
}

/** The model's one transition. A reorganisation with an invalid organisation, or after the last feature, changes nothing. */
export function step(state: ConwayState, action: ConwayAction): ConwayState {
  switch (action.type) {
    case 'feature':
      return buildFeature(state);
    case 'reorganise':
      return reorganise(state, action.org);
  }
}

/** A learner who makes no choices keeps building features in the organisation they have. */
export function autoplay(_state: ConwayState): ConwayAction {
  return { type: 'feature' };
}

export interface Module {
  /** `generation:team`, stable for the run. */
  id: string;
  name: string;
  /** The team of the current organisation that owns it, or null for code left by an earlier organisation. */
  team: number | null;
  components: ComponentId[];
}

export interface ModuleEdge {
  a: string;
  b: string;
  /** How the owning teams talk now; 'orphaned' when either side belongs to no current team. */
  talk: Exclude<Talk, 'same'> | 'orphaned';
  /** Seams features crossed between these two modules, and the incidents there. */
  crossings: number;
  incidents: number;
}

/** The architecture now: modules (components grouped by owner) and the edges features drew between them. */
export function architecture(state: ConwayState): { modules: Module[]; edges: ModuleEdge[] } {
  const generation = generationOf(state);
  const key = (o: Owner) => `${o.generation}:${o.team}`;
  const byKey = new Map<string, Module>();
  for (const d of DOMAINS) {
    for (const layer of LAYERS) {
      const c = component(d, layer);
      const o = state.owners[c];
      if (!o) continue;
      const k = key(o);
      if (!byKey.has(k)) {
        const name = teamNames(state.orgs[o.generation]!)[o.team]!;
        byKey.set(k, {
          id: k,
          name: o.generation === generation ? name : `${name} (earlier organisation)`,
          team: o.generation === generation ? o.team : null,
          components: [],
        });
      }
      byKey.get(k)!.components.push(c);
    }
  }
  const modules = [...byKey.values()].sort((x, y) => (x.team ?? 99) - (y.team ?? 99) || x.id.localeCompare(y.id));
  const edges = new Map<string, ModuleEdge>();
  for (const f of state.features.slice(0, state.built)) {
    for (const s of f.built!.seams) {
      const ma = byKey.get(key(state.owners[s.a]!))!;
      const mb = byKey.get(key(state.owners[s.b]!))!;
      if (ma === mb) continue;
      const [x, y] = [ma, mb].sort((p, q) => modules.indexOf(p) - modules.indexOf(q)) as [Module, Module];
      const k = `${x.id}|${y.id}`;
      const talk = x.team === null || y.team === null ? 'orphaned' : (talkBetween(state.org, x.team, y.team) as ModuleEdge['talk']);
      const e = edges.get(k) ?? { a: x.id, b: y.id, talk, crossings: 0, incidents: 0 };
      edges.set(k, { ...e, crossings: e.crossings + 1, incidents: e.incidents + (s.incident ? 1 : 0) });
    }
  }
  return { modules, edges: [...edges.values()] };
}

function share(modules: Module[], one: (c: ComponentId) => string): number | null {
  const total = modules.reduce((n, m) => n + m.components.length, 0);
  if (!total) return null;
  const inOne = modules.filter((m) => new Set(m.components.map(one)).size === 1).reduce((n, m) => n + m.components.length, 0);
  return inOne / total;
}

const meanOf = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The headline results: teams and waiting per feature, incidents by seam, and the shape of the architecture. */
export function summarize(state: ConwayState): ConwaySummary {
  const built = state.features.slice(0, state.built).map((f) => f.built!);
  const seams = built.flatMap((b) => b.seams);
  const { modules } = architecture(state);
  const incidents = seams.filter((s) => s.incident);
  return {
    features: built.length,
    teamsPerFeature: meanOf(built.map((b) => b.teams)),
    delayDays: meanOf(built.map((b) => b.delayDays)),
    leadDays: meanOf(built.map((b) => b.leadDays)),
    incidents: incidents.length,
    devopsIncidents: incidents.filter((s) => s.devops).length,
    otherIncidents: incidents.filter((s) => !s.devops).length,
    seams: seams.length,
    silentSeams: seams.filter((s) => s.talk === 'none').length,
    silentIncidents: incidents.filter((s) => s.talk === 'none').length,
    modules: modules.length,
    legacyModules: modules.filter((m) => m.team === null).length,
    verticalShare: share(modules, domainOf),
    horizontalShare: share(modules, layerOf),
    reorganisations: state.reorganisedAt.length,
  };
}

export const model: SimModel<ConwayParams, ConwayState, ConwayAction> = { init, step, isOver, autoplay };
