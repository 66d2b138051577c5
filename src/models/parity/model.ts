// The environment-parity model: changes lean on differences between environments and fail in the first one where that difference is gone.
import { streams } from '../../sim-kit/core/random.ts';
import type { SimModel } from '../../sim-kit/core/model.ts';
import type { Change, Deploy, Env, Family, Fix, ParityAction, ParityParams, ParityState, ParitySummary } from './types.ts';

export const FAMILIES: readonly Family[] = ['colocation', 'security', 'library', 'neighbour', 'data'];
export const FIXES: readonly Fix[] = ['containers', 'network', 'lockfile', 'pin', 'data'];
export const ENVS: readonly Env[] = ['development', 'staging', 'production'];

/** What each fix costs, in engineer-days (rough guesses of relative effort, listed as an assumption). */
export const FIX_COST: Readonly<Record<Fix, number>> = { containers: 2, network: 3, lockfile: 1, pin: 2, data: 4 };

/** Which family each fix closes, and the first environment where that difference is then gone. */
export const FIX_CLOSES: Readonly<Record<Fix, { family: Family; from: Env }>> = {
  containers: { family: 'colocation', from: 'development' },
  network: { family: 'security', from: 'staging' },
  lockfile: { family: 'library', from: 'development' },
  pin: { family: 'neighbour', from: 'staging' },
  data: { family: 'data', from: 'staging' },
};

/** The fix that closes a family. */
export const FIX_FOR: Readonly<Record<Family, Fix>> = { colocation: 'containers', security: 'network', library: 'lockfile', neighbour: 'pin', data: 'data' };

/** Engineer-days a set of fixes costs. */
export function spent(fixes: readonly Fix[]): number {
  return [...new Set(fixes)].reduce((sum, f) => sum + FIX_COST[f], 0);
}

/** Whether a choice of fixes fits the budget, and if not, a sentence saying by how much. */
export function budgetCheck(fixes: readonly Fix[], budget: number): { fits: boolean; spent: number; left: number; message: string | null } {
  const cost = spent(fixes);
  const fits = cost <= budget;
  const list = [...new Set(fixes)].map((f) => `${f} (${FIX_COST[f]})`).join(', ');
  return {
    fits,
    spent: cost,
    left: budget - cost,
    message: fits ? null : `The fixes chosen, ${list}, cost ${cost} engineer-days, ${cost - budget} more than the budget of ${budget}.`,
  };
}

/** The first environment where a family's difference is gone, given the fixes: production always matches itself. */
export function firstClosed(family: Family, fixes: readonly Fix[]): Env {
  const fix = FIX_FOR[family];
  return fixes.includes(fix) ? FIX_CLOSES[fix].from : 'production';
}

function check(params: ParityParams): void {
  const bad = (what: string) => {
    throw new RangeError(`parity: ${what}`);
  };
  if (!(Number.isInteger(params.days) && params.days >= 1)) bad(`days must be a whole number of at least 1 (got ${params.days})`);
  if (!(Number.isInteger(params.every) && params.every >= 1)) bad(`every must be a whole number of days, at least 1 (got ${params.every})`);
  if (!(params.changesPerDay >= 0 && params.changesPerDay <= 50)) bad(`changesPerDay must be from 0 to 50 (got ${params.changesPerDay})`);
  if (!(params.dependShare >= 0 && params.dependShare <= 1)) bad(`dependShare must be from 0 to 1 (got ${params.dependShare})`);
  if (!(params.versionsPerDay >= 0 && params.versionsPerDay <= 20)) bad(`versionsPerDay must be from 0 to 20 (got ${params.versionsPerDay})`);
  for (const f of params.fixes) if (!FIXES.includes(f)) bad(`unknown fix “${String(f)}” (use ${FIXES.join(', ')})`);
  const budget = budgetCheck(params.fixes, params.budget);
  if (!budget.fits) bad(budget.message!);
}

/** Every change of the run from the seed: arrival, family and whether it leans on the difference depend only on the seed and the rates. */
export function makeChanges(params: Pick<ParityParams, 'days' | 'changesPerDay' | 'dependShare'>, seed: number): Change[] {
  const pick = streams(seed);
  const arrivals = pick('arrivals');
  const families = pick('families');
  const leaning = pick('depends');
  const changes: Change[] = [];
  for (let day = 0; day < params.days; day++) {
    const times = Array.from({ length: arrivals.poisson(params.changesPerDay) }, () => day + arrivals.float()).sort((a, b) => a - b);
    for (const readyAt of times) {
      // One draw each per change, always, so a different share or family mix never shifts another change's dice.
      const family = FAMILIES[families.int(0, FAMILIES.length - 1)]!;
      const depends = leaning.float() < params.dependShare;
      changes.push({ id: changes.length, readyAt, family, depends, failedIn: null, findMinutes: 0, deployId: null });
    }
  }
  return changes;
}

/** Times at which development picks up a newer library or neighbour version: a Poisson process over the run. */
export function makeVersionTimes(params: Pick<ParityParams, 'days' | 'versionsPerDay'>, seed: number): number[] {
  const draws = streams(seed)('versions');
  const times: number[] = [];
  if (params.versionsPerDay <= 0) return times;
  for (let t = draws.exponential(1 / params.versionsPerDay); t < params.days; t += draws.exponential(1 / params.versionsPerDay)) times.push(t);
  return times;
}

export function init(params: ParityParams, seed: number): ParityState {
  check(params);
  const fixes = [...new Set(params.fixes)];
  return {
    params: { ...params, fixes },
    day: 0,
    changes: makeChanges(params, seed),
    arrived: 0,
    queue: [],
    deploys: [],
    versionTimes: makeVersionTimes(params, seed),
  };
}

export function isOver(state: ParityState): boolean {
  return state.day >= state.params.days;
}

/** Whether "Deploy now" applies: something waits and the run is not over. */
export function canDeploy(state: ParityState): boolean {
  return state.queue.length > 0 && !isOver(state);
}

/** How many versions development is ahead of production at time `t`: versions picked up since the last deploy at or before `t`. */
export function versionGapAt(state: ParityState, t: number): number {
  let last = 0;
  for (const d of state.deploys) if (d.at <= t) last = d.at;
  return state.versionTimes.filter((v) => v >= last && v < t).length;
}

function lastDeployAt(state: ParityState): number {
  return state.deploys.length ? state.deploys[state.deploys.length - 1]!.at : 0;
}

function deploy(state: ParityState, at: number): ParityState {
  const { params } = state;
  const changeIds = state.queue;
  const changes = state.changes.slice();
  const id = state.deploys.length;
  const stagingIds: number[] = [];
  const productionIds: number[] = [];
  for (const cid of changeIds) {
    const c = changes[cid]!;
    let next: Change = { ...c, deployId: id };
    if (c.depends && c.failedIn === null) {
      const where = firstClosed(c.family, params.fixes);
      if (where === 'staging') {
        stagingIds.push(cid);
        next = { ...next, failedIn: 'staging', findMinutes: params.stagingMinutes };
      } else if (where === 'production') {
        productionIds.push(cid);
        next = { ...next, failedIn: 'production', findMinutes: params.pageMinutes + params.findMinutesPerChange * changeIds.length };
      }
    }
    changes[cid] = next;
  }
  const from = lastDeployAt(state);
  const versionGap = state.versionTimes.filter((v) => v >= from && v < at).length;
  const record: Deploy = { id, at, changeIds, stagingIds, productionIds, versionGap };
  return { ...state, changes, queue: [], deploys: [...state.deploys, record] };
}

function advanceDay(state: ParityState): ParityState {
  if (isOver(state)) return state;
  const { params } = state;
  const day = state.day;
  let arrived = state.arrived;
  while (arrived < state.changes.length && state.changes[arrived]!.readyAt < day + 1) arrived++;
  const changes = state.changes.slice();
  const fresh: number[] = [];
  for (let i = state.arrived; i < arrived; i++) {
    const c = changes[i]!;
    // A difference already closed in development breaks the change at the desk, where it is cheap to find; it is fixed there.
    if (c.depends && firstClosed(c.family, params.fixes) === 'development') changes[i] = { ...c, failedIn: 'development', findMinutes: params.devMinutes };
    fresh.push(c.id);
  }
  const next: ParityState = { ...state, day: day + 1, arrived, changes, queue: [...state.queue, ...fresh] };
  return (day + 1) % params.every === 0 && next.queue.length > 0 ? deploy(next, day + 1) : next;
}

/** The model's one transition. `deploy` ships what waits at the start of the current day; it does nothing when nothing waits. */
export function step(state: ParityState, action: ParityAction): ParityState {
  switch (action.type) {
    case 'day':
      return advanceDay(state);
    case 'deploy':
      return canDeploy(state) ? deploy(state, state.day) : state;
  }
}

/** A learner who makes no choices lets the days run; deploys happen on the schedule. */
export function autoplay(_state: ParityState): ParityAction {
  return { type: 'day' };
}

/** The time-averaged version gap over [0, end]: each new version counts until the first deploy at or after it. */
export function meanVersionGap(state: ParityState, end = state.day): number {
  if (end <= 0) return 0;
  const deployTimes = state.deploys.map((d) => d.at);
  let area = 0;
  for (const v of state.versionTimes) {
    if (v >= end) break;
    const caught = deployTimes.find((t) => t > v);
    area += Math.min(caught ?? end, end) - v;
  }
  return area / end;
}

/** The headline results: where failures were found, production failures by family, find cost, and the version gap. */
export function summarize(state: ParityState): ParitySummary {
  const arrived = state.changes.slice(0, state.arrived);
  const count = (pred: (c: Change) => boolean) => arrived.filter(pred).length;
  const prod = (family: Family) => count((c) => c.failedIn === 'production' && c.family === family);
  const leaning = count((c) => c.depends);
  const shippedLeaning = count((c) => c.depends && c.deployId !== null);
  const failedProduction = count((c) => c.failedIn === 'production');
  const gapNow = versionGapAt(state, state.day);
  return {
    changes: arrived.length,
    shipped: count((c) => c.deployId !== null),
    waiting: state.queue.length,
    leaning,
    shippedLeaning,
    failedDevelopment: count((c) => c.failedIn === 'development'),
    failedStaging: count((c) => c.failedIn === 'staging'),
    failedProduction,
    productionShare: shippedLeaning ? failedProduction / shippedLeaning : null,
    prodColocation: prod('colocation'),
    prodSecurity: prod('security'),
    prodLibrary: prod('library'),
    prodNeighbour: prod('neighbour'),
    prodData: prod('data'),
    findHours: arrived.reduce((sum, c) => sum + c.findMinutes, 0) / 60,
    deploys: state.deploys.length,
    versionGap: meanVersionGap(state),
    versionGapMax: Math.max(gapNow, ...state.deploys.map((d) => d.versionGap)),
    spent: spent(state.params.fixes),
  };
}

/** Where a change stands: still being written, waiting to ship, or live (after any failure was fixed). */
export function changeStatus(state: ParityState, c: Change): 'unwritten' | 'waiting' | 'live' {
  if (c.id >= state.arrived) return 'unwritten';
  return c.deployId === null ? 'waiting' : 'live';
}

export const model: SimModel<ParityParams, ParityState, ParityAction> = { init, step, isOver, autoplay };
