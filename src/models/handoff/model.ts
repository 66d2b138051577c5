// The handoff-pipeline model: ideas flow through six stations in batches; other work, batch mates, rework and the release calendar make them wait.
import type { SimModel } from '../../sim-kit/core/model.ts';
import { streams } from '../../sim-kit/core/random.ts';
import {
  DESIGN,
  ENGINEERING,
  OPERATIONS,
  PRODUCT,
  QA,
  RELEASE,
  type DefectOrigin,
  type Effort,
  type HandoffAction,
  type HandoffParams,
  type HandoffState,
  type Item,
  type ItemDice,
  type ItemStatus,
  type Job,
  type Way,
} from './types.ts';

/** A run stops here even if work is unfinished (about 15 years of working days); no sensible setting comes near it. */
export const MAX_DAYS = 4000;
/** Rework laps with their own dice; later laps never slip a new defect in, so rework always ends. */
export const MAX_LAPS = 8;
/** Fixing a defect costs this share of the item's build effort for every station it travelled through before QA found it. */
export const FIX_SHARE = 0.3;
/** Stations a defect travels through before QA finds it: a coding slip only through QA; a design misunderstanding through
 * Engineering and QA; a misunderstood specification through Design, Engineering and QA. */
export const TRAVEL: Readonly<Record<DefectOrigin, number>> = { code: 1, design: 2, spec: 3 };
/** Engineering's effort to fix the defects an item carries, given the effort of its first build. */
export function fixEffort(defects: readonly DefectOrigin[], buildEffort: number): number {
  return FIX_SHARE * buildEffort * defects.reduce((sum, origin) => sum + TRAVEL[origin], 0);
}

/** Retesting a fixed item takes this share of the first test. */
export const RETEST_SHARE = 0.5;
/** A fix slips a new defect in at this share of Engineering's defect rate. */
export const SLIP_SHARE = 0.5;

/** Average effort in working days (a guess for a small feature, stated on the page). */
export const DEFAULT_EFFORT: Readonly<Effort> = {
  product: 1,
  design: 1.5,
  engineering: 2,
  qa: 1.5,
  release: 1,
  releasePerItem: 0.1,
  operations: 0.5,
  operationsPerItem: 0.05,
};

/** Working days in a quarter (13 weeks of 5 days). */
export const QUARTER = 65;

/** What each way of working sets: the batch handed on at every handoff from Product to QA, and the release cadence. */
export const WAYS: Readonly<Record<Way, { batch: number; cadence: number }>> = {
  waterfall: { batch: 10, cadence: QUARTER },
  agile: { batch: 2, cadence: QUARTER },
  devops: { batch: 1, cadence: 0 },
};

/** The default settings apart from the way of working. */
export const BASE_PARAMS: Readonly<Omit<HandoffParams, 'batch' | 'cadence'>> = {
  wip: 0,
  speed: 1,
  busy: 0.5,
  rate: 0.15,
  intakeDays: 2 * QUARTER,
  misunderstanding: 0.1,
  defectRate: 0.2,
  observeDays: 5,
  effort: DEFAULT_EFFORT,
};

/** The parameters of a way of working at the defaults, with any overrides. */
export function paramsFor(way: Way, overrides: Partial<HandoffParams> = {}): HandoffParams {
  return { ...BASE_PARAMS, ...WAYS[way], ...overrides };
}

/** The work-in-progress limit in force: none (Infinity) for 0, and never below the batch size (a batch must be able to fill). */
export function wipLimit(params: HandoffParams): number {
  return params.wip === 0 ? Infinity : Math.max(params.wip, params.batch);
}

/** The first release slot at or after `time` on a calendar of every `cadence` days. */
export function slotAfter(time: number, cadence: number): number {
  return Math.ceil(time / cadence - 1e-9) * cadence;
}

/**
 * Waiting for other work (the M/M/1 queue): with probability `busy` the team is busy when our work arrives, and then the
 * wait is exponential with mean `mean / (1 - busy)`; so the mean wait is `mean * busy / (1 - busy)`, which grows without
 * bound as `busy` nears 1. `dice` is [uniform, unit exponential], drawn up front.
 */
export function otherWorkWait(dice: readonly [number, number], mean: number, busy: number): number {
  return dice[0] < busy ? (dice[1] * mean) / (1 - busy) : 0;
}

/** The chance that an item handed on with `size - 1` others picks up a misunderstanding: none alone, nearly all of `rate` in a big batch. */
export function misunderstandingChance(rate: number, size: number): number {
  return (rate * (size - 1)) / size;
}

function check(params: HandoffParams): void {
  const bad = (what: string) => {
    throw new Error(`handoff model: ${what}`);
  };
  if (!Number.isInteger(params.batch) || params.batch < 1) bad(`batch must be a whole number of at least 1 (got ${params.batch})`);
  if (!(params.cadence >= 0) || !Number.isFinite(params.cadence)) bad(`cadence must be 0 (on demand) or a number of days (got ${params.cadence})`);
  if (!Number.isInteger(params.wip) || params.wip < 0) bad(`wip must be 0 (no limit) or a whole number (got ${params.wip})`);
  if (!(params.speed > 0) || !Number.isFinite(params.speed)) bad(`speed must be above 0 (got ${params.speed})`);
  if (!(params.busy >= 0 && params.busy <= 0.95)) bad(`busy must be from 0 to 0.95 (got ${params.busy})`);
  if (!(params.rate > 0 && params.rate <= 2)) bad(`rate must be above 0 and at most 2 ideas a day (got ${params.rate})`);
  if (!(params.intakeDays > 0 && params.intakeDays <= 520)) bad(`intakeDays must be above 0 and at most 520 (got ${params.intakeDays})`);
  for (const key of ['misunderstanding', 'defectRate'] as const)
    if (!(params[key] >= 0 && params[key] <= 1)) bad(`${key} must be a chance from 0 to 1 (got ${params[key]})`);
  if (!(params.observeDays >= 0) || !Number.isFinite(params.observeDays)) bad(`observeDays must be 0 or more (got ${params.observeDays})`);
  for (const [key, value] of Object.entries(params.effort))
    if (!(value >= 0) || !Number.isFinite(value)) bad(`effort.${key} must be 0 or more days (got ${value})`);
}

const pair = (r: { float(): number; exponential(mean: number): number }): [number, number] => [r.float(), r.exponential(1)];

/** Every item of the run and every Release and Operations draw, from the seed alone: settings never shift a later draw. */
function drawDice(params: HandoffParams, seed: number): { dice: ItemDice[]; releaseDice: Array<[number, number, number, number]> } {
  const s = streams(seed);
  const arrivals = s('arrivals');
  const sizes = s('sizes');
  const other = s('other-work');
  const defects = s('defects');
  const laps = s('rework');
  const release = s('release');
  const dice: ItemDice[] = [];
  for (let t = arrivals.exponential(1 / params.rate); t < params.intakeDays; t += arrivals.exponential(1 / params.rate)) {
    dice.push({
      arrival: t,
      // Effort varies around its average: at least half of it, a mean of exactly it, a long tail (0.5 + 0.5 * Exp(1)).
      size: [0, 1, 2, 3].map(() => 0.5 + 0.5 * sizes.exponential(1)),
      other: [0, 1, 2, 3].map(() => pair(other)),
      code: defects.float(),
      spec: defects.float(),
      design: defects.float(),
      laps: Array.from({ length: MAX_LAPS }, () => ({ fixOther: pair(laps), testOther: pair(laps), slip: laps.float() })),
    });
  }
  const releaseDice = Array.from({ length: dice.length + 1 }, (): [number, number, number, number] => [...pair(release), ...pair(release)]);
  return { dice, releaseDice };
}

/** The starting state: every item's dice drawn, nothing arrived yet. */
export function init(params: HandoffParams, seed: number): HandoffState {
  check(params);
  const { dice, releaseDice } = drawDice(params, seed);
  const items: Item[] = dice.map((d, id) => ({
    id,
    dice: d,
    status: 'upcoming',
    station: -1,
    since: 0,
    visitWork: 0,
    worked: [0, 0, 0, 0, 0, 0],
    waited: [0, 0, 0, 0, 0, 0],
    defects: [],
    laps: 0,
    doorAt: null,
    liveAt: null,
  }));
  return {
    params,
    now: 0,
    items,
    stations: Array.from({ length: 6 }, () => ({ inbox: [], work: null })),
    outbox: [],
    batches: [],
    door: [],
    releases: [],
    releaseDice,
    pushPending: false,
    jobs: 0,
    defectsFound: 0,
    misunderstandings: 0,
    arrived: 0,
    started: 0,
    liveCount: 0,
    doorPeak: 0,
    capped: false,
  };
}

/**
 * A state being changed by one step. With `owned` set, items and batches are copied the first time they change (so the
 * state handed in stays as it was); with `owned` null, the state is changed in place (the fast path for sweeps).
 */
interface Draft {
  s: HandoffState;
  owned: Set<object> | null;
}

function item(d: Draft, id: number): Item {
  const current = d.s.items[id]!;
  if (d.owned === null || d.owned.has(current)) return current;
  const copy = { ...current, worked: current.worked.slice(), waited: current.waited.slice(), defects: current.defects.slice() };
  d.s.items[id] = copy;
  d.owned.add(copy);
  return copy;
}

function batchOf(d: Draft, id: number) {
  const current = d.s.batches[id]!;
  if (d.owned === null || d.owned.has(current)) return current;
  const copy = { ...current, passed: current.passed.slice() };
  d.s.batches[id] = copy;
  d.owned.add(copy);
  return copy;
}

/** Closes an item's visit to its station at time `t`: the work it had there counts as working, the rest as waiting. */
function leave(d: Draft, id: number, t: number): void {
  const it = item(d, id);
  it.worked[it.station] = it.worked[it.station]! + it.visitWork;
  it.waited[it.station] = it.waited[it.station]! + (t - it.since - it.visitWork);
}

function enter(d: Draft, id: number, station: number, t: number, status: ItemStatus): void {
  const it = item(d, id);
  it.station = station;
  it.since = t;
  it.visitWork = 0;
  it.status = status;
}

function newJob(d: Draft, kind: Job['kind'], batch: number, items: number[], t: number): Job {
  return { id: d.s.jobs++, kind, batch, items, done: 0, readyAt: t };
}

/** Hands Product's finished items on to Design as a batch when the batch is full, or when no more ideas will come. */
function handOnFromProduct(d: Draft, t: number): void {
  const s = d.s;
  const n = s.items.length;
  const last = s.arrived === n && s.started === n && s.stations[PRODUCT]!.work === null;
  if (s.outbox.length === 0 || (s.outbox.length < s.params.batch && !last)) return;
  const ids = s.outbox.slice(0, s.params.batch);
  s.outbox = s.outbox.slice(ids.length);
  const batch = s.batches.length;
  s.batches = [...s.batches, { id: batch, items: ids, passed: [] }];
  const chance = misunderstandingChance(s.params.misunderstanding, ids.length);
  for (const id of ids) {
    leave(d, id, t);
    const it = item(d, id);
    if (it.dice.spec < chance) {
      it.defects.push('spec');
      s.misunderstandings++;
    }
    enter(d, id, DESIGN, t, 'waiting');
  }
  s.stations[DESIGN]!.inbox.push(newJob(d, 'new', batch, ids, t));
}

function startProduct(d: Draft, t: number): void {
  const s = d.s;
  const station = s.stations[PRODUCT]!;
  handOnFromProduct(d, t);
  if (station.work !== null || s.started >= s.arrived || s.started - s.liveCount >= wipLimit(s.params)) return;
  const id = s.started++;
  const it = s.items[id]!;
  const { effort, busy, speed } = s.params;
  const startsAt = t + otherWorkWait(it.dice.other[PRODUCT]!, effort.product / speed, busy);
  station.work = { job: newJob(d, 'new', -1, [id], t), item: id, startsAt, endsAt: startsAt + (effort.product * it.dice.size[PRODUCT]!) / speed };
  item(d, id).status = 'waiting';
}

/** The job a team takes next: rework (fixes, retests) before new batches, then the oldest. */
function nextJob(inbox: readonly Job[]): Job | undefined {
  return inbox.find((j) => j.kind !== 'new' && j.done < j.items.length) ?? inbox.find((j) => j.done < j.items.length);
}

/** Design, Engineering or QA takes the next item of its next job, after the other work in front of it. */
function startTeam(d: Draft, k: number, t: number): void {
  const s = d.s;
  const station = s.stations[k]!;
  if (station.work !== null) return;
  const job = nextJob(station.inbox);
  if (job === undefined) return;
  const id = job.items[job.done]!;
  const it = s.items[id]!;
  const { effort, busy, speed } = s.params;
  const lap = it.dice.laps[it.laps - 1];
  const none: [number, number] = [1, 0];
  let dice: readonly [number, number];
  let mean: number;
  let work: number;
  if (k === DESIGN) {
    [dice, mean, work] = [it.dice.other[DESIGN]!, effort.design, effort.design * it.dice.size[DESIGN]!];
  } else if (k === ENGINEERING && job.kind === 'fix') {
    [dice, mean, work] = [lap?.fixOther ?? none, effort.engineering, fixEffort(it.defects, effort.engineering * it.dice.size[ENGINEERING]!)];
  } else if (k === ENGINEERING) {
    [dice, mean, work] = [it.dice.other[ENGINEERING]!, effort.engineering, effort.engineering * it.dice.size[ENGINEERING]!];
  } else if (job.kind === 'retest') {
    [dice, mean, work] = [lap?.testOther ?? none, effort.qa, RETEST_SHARE * effort.qa * it.dice.size[QA]!];
  } else {
    [dice, mean, work] = [it.dice.other[QA]!, effort.qa, effort.qa * it.dice.size[QA]!];
  }
  const startsAt = t + otherWorkWait(dice, mean / speed, busy);
  station.work = { job, item: id, startsAt, endsAt: startsAt + work / speed };
}

function startRelease(d: Draft, t: number): void {
  const s = d.s;
  const station = s.stations[RELEASE]!;
  if (station.work !== null || s.door.length === 0) return;
  const { cadence, effort, busy, speed } = s.params;
  const scheduled = cadence === 0 || t >= slotAfter(s.items[s.door[0]!]!.doorAt!, cadence);
  if (!scheduled && !s.pushPending) return;
  const ids = s.door;
  s.door = [];
  const id = s.releases.length;
  const dice = s.releaseDice[id] ?? [1, 0, 1, 0];
  const startsAt = t + otherWorkWait([dice[0], dice[1]], effort.release / speed, busy);
  const job = newJob(d, 'release', id, ids, t);
  station.work = { job, item: -1, startsAt, endsAt: startsAt + (effort.release + effort.releasePerItem * ids.length) / speed };
  s.releases = [...s.releases, { id, items: ids, startedAt: t, packagedAt: null, liveAt: null, pushed: !scheduled }];
  s.pushPending = false;
  for (const i of ids) item(d, i).status = 'releasing';
}

function startOperations(d: Draft, t: number): void {
  const s = d.s;
  const station = s.stations[OPERATIONS]!;
  const job = station.inbox[0];
  if (station.work !== null || job === undefined) return;
  const { effort, busy, speed } = s.params;
  const dice = s.releaseDice[job.batch] ?? [1, 0, 1, 0];
  const startsAt = t + otherWorkWait([dice[2], dice[3]], effort.operations / speed, busy);
  station.work = { job, item: -1, startsAt, endsAt: startsAt + (effort.operations + effort.operationsPerItem * job.items.length) / speed };
}

function startAll(d: Draft, t: number): void {
  startProduct(d, t);
  startTeam(d, DESIGN, t);
  startTeam(d, ENGINEERING, t);
  startTeam(d, QA, t);
  startRelease(d, t);
  startOperations(d, t);
}

function releaseRecord(d: Draft, id: number) {
  const copy = { ...d.s.releases[id]! };
  d.s.releases = d.s.releases.slice();
  d.s.releases[id] = copy;
  return copy;
}

/** QA has tested every item of a job: failures go back to Engineering together; a batch whose items all passed goes to the door. */
function qaDone(d: Draft, job: Job, t: number): void {
  const s = d.s;
  const failed = job.items.filter((id) => s.items[id]!.defects.length > 0);
  for (const id of failed) {
    s.defectsFound += s.items[id]!.defects.length;
    leave(d, id, t);
    item(d, id).laps++;
    enter(d, id, ENGINEERING, t, 'waiting');
  }
  if (failed.length) s.stations[ENGINEERING]!.inbox.push(newJob(d, 'fix', job.batch, failed, t));
  const batch = batchOf(d, job.batch);
  for (const id of job.items) if (!failed.includes(id)) batch.passed.push(id);
  if (batch.passed.length < batch.items.length) return;
  for (const id of batch.items) {
    leave(d, id, t);
    enter(d, id, RELEASE, t, 'door');
    item(d, id).doorAt = t;
  }
  s.door = [...s.door, ...batch.items];
  s.doorPeak = Math.max(s.doorPeak, s.door.length);
}

/** A station finishes its current piece of work at time `t`. */
function finish(d: Draft, k: number, t: number): void {
  const s = d.s;
  const station = s.stations[k]!;
  const work = station.work!;
  station.work = null;
  const done = (ids: readonly number[]) => {
    for (const id of ids) {
      const it = item(d, id);
      it.visitWork += work.endsAt - work.startsAt;
      it.status = 'waiting';
    }
  };
  if (k === RELEASE || k === OPERATIONS) {
    done(work.job.items);
    const record = releaseRecord(d, work.job.batch);
    for (const id of work.job.items) leave(d, id, t);
    if (k === RELEASE) {
      record.packagedAt = t;
      for (const id of work.job.items) enter(d, id, OPERATIONS, t, 'releasing');
      s.stations[OPERATIONS]!.inbox.push(newJob(d, 'release', work.job.batch, work.job.items, t));
    } else {
      record.liveAt = t;
      station.inbox.shift();
      for (const id of work.job.items) {
        const it = item(d, id);
        it.status = 'live';
        it.liveAt = t;
      }
      s.liveCount += work.job.items.length;
    }
    return;
  }
  done([work.item]);
  if (k === PRODUCT) {
    s.outbox = [...s.outbox, work.item];
    return;
  }
  const job = work.job;
  job.done++;
  if (k === ENGINEERING) {
    const it = item(d, work.item);
    if (job.kind === 'new') {
      if (it.dice.code < s.params.defectRate) it.defects.push('code');
    } else {
      const lap = it.dice.laps[it.laps - 1];
      it.defects = lap !== undefined && lap.slip < s.params.defectRate * SLIP_SHARE ? ['code'] : [];
    }
  }
  if (job.done < job.items.length) return;
  station.inbox.splice(station.inbox.indexOf(job), 1);
  if (k === QA) return qaDone(d, job, t);
  const to = k + 1;
  const chance = k === DESIGN ? misunderstandingChance(s.params.misunderstanding, job.items.length) : 0;
  for (const id of job.items) {
    leave(d, id, t);
    const it = item(d, id);
    if (it.dice.design < chance) {
      it.defects.push('design');
      s.misunderstandings++;
    }
    enter(d, id, to, t, 'waiting');
  }
  s.stations[to]!.inbox.push(newJob(d, k === ENGINEERING && job.kind === 'fix' ? 'retest' : 'new', job.batch, job.items, t));
}

/** Runs every event up to time `until` in time order (arrivals, then stations upstream first), then sets the clock. */
function advance(d: Draft, until: number): void {
  const s = d.s;
  const n = s.items.length;
  for (;;) {
    let t = s.arrived < n ? s.items[s.arrived]!.dice.arrival : Infinity;
    let which = -1;
    for (let k = 0; k < 6; k++) {
      const work = s.stations[k]!.work;
      if (work !== null && work.endsAt < t) [t, which] = [work.endsAt, k];
    }
    const { cadence } = s.params;
    if (cadence > 0 && s.door.length > 0 && s.stations[RELEASE]!.work === null) {
      const slot = slotAfter(s.items[s.door[0]!]!.doorAt!, cadence);
      if (slot < t) [t, which] = [slot, 6];
    }
    if (t > until) break;
    if (which === -1) {
      const id = s.arrived++;
      enter(d, id, PRODUCT, t, 'backlog');
    } else if (which < 6) finish(d, which, t);
    startAll(d, t);
  }
  s.now = until;
  for (let k = PRODUCT; k <= QA; k++) {
    const work = s.stations[k]!.work;
    if (work === null) continue;
    const status: ItemStatus = until >= work.startsAt ? 'working' : 'waiting';
    if (s.items[work.item]!.status !== status) item(d, work.item).status = status;
  }
  if (until >= MAX_DAYS && s.liveCount < n) s.capped = true;
}

function copyForStep(state: HandoffState): Draft {
  const jobs = new Map<Job, Job>();
  const job = (j: Job) => {
    let copy = jobs.get(j);
    if (copy === undefined) jobs.set(j, (copy = { ...j }));
    return copy;
  };
  const s: HandoffState = {
    ...state,
    items: state.items.slice(),
    batches: state.batches.slice(),
    stations: state.stations.map((st) => ({ inbox: st.inbox.map(job), work: st.work === null ? null : { ...st.work, job: job(st.work.job) } })),
  };
  return { s, owned: new Set() };
}

export function isOver(state: HandoffState): boolean {
  return state.liveCount === state.items.length || state.now >= MAX_DAYS;
}

/** Whether "Release now" applies: finished work waits at the door and no pushed release is pending. */
export function canRelease(state: HandoffState): boolean {
  return !isOver(state) && state.door.length > 0 && !state.pushPending;
}

function apply(d: Draft, action: HandoffAction): void {
  if (action.type === 'tick') advance(d, d.s.now + 1);
  else {
    d.s.pushPending = true;
    startRelease(d, d.s.now);
    startOperations(d, d.s.now);
  }
}

/** The model's one transition. `tick` advances one working day; `release` pushes the work at the door out now. */
export function step(state: HandoffState, action: HandoffAction): HandoffState {
  if (isOver(state) || (action.type === 'release' && !canRelease(state))) return state;
  const d = copyForStep(state);
  apply(d, action);
  return d.s;
}

/** What a learner who makes no choices does: let the day pass. */
export function autoplay(_state: HandoffState): HandoffAction {
  return { type: 'tick' };
}

/** Plays a whole run with no learner choices, changing one state in place: the same end state as stepping tick by tick, faster. */
export function simulate(params: HandoffParams, seed: number): HandoffState {
  const d: Draft = { s: init(params, seed), owned: null };
  while (!isOver(d.s)) apply(d, { type: 'tick' });
  return d.s;
}

export const model: SimModel<HandoffParams, HandoffState, HandoffAction> = { init, step, isOver, autoplay };
