// The batch-size model: a quarter of changes, shipped in batches by a policy; a batch fails when any change in it is defective.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { BatchAction, BatchParams, BatchState, Change, Deploy, Policy, Recovery } from './types.ts';

/** Minutes in one working day, to turn outage minutes into working-day time. */
export const MINUTES_PER_WORKING_DAY = 8 * 60;

/** Draws from a Poisson distribution (Knuth's method; fine for the small daily rates used here). */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

/** Makes every change of the run from the seed: arrival times and defects depend on the seed and rates only, never on the policy. */
export function makeChanges(params: Pick<BatchParams, 'days' | 'changesPerDay' | 'defectRate'>, seed: number): Change[] {
  const rng = xoroshiro128plus(seed);
  const random = () => uniformFloat64(rng);
  const changes: Change[] = [];
  for (let day = 0; day < params.days; day++) {
    const arrivals = poisson(random, params.changesPerDay);
    const times = Array.from({ length: arrivals }, () => day + random()).sort((a, b) => a - b);
    for (const readyAt of times) {
      const defective = random() < params.defectRate;
      changes.push({ id: changes.length, readyAt, defective, wasDefective: defective, deploys: [], deployedAt: null });
    }
  }
  return changes;
}

export function init(params: BatchParams, seed: number): BatchState {
  return { params, day: 0, changes: makeChanges(params, seed), arrived: 0, queue: [], deploys: [], incident: null };
}

export function isOver(state: BatchState): boolean {
  return state.day >= state.params.days && state.incident === null;
}

/** Whether the learner may press "Ship now": not during an outage, not with nothing queued, not outside a maintenance window. */
export function canShip(state: BatchState): boolean {
  return state.incident === null && state.queue.length > 0 && state.day < state.params.days && state.params.policy.kind !== 'window';
}

/** Whether the policy deploys at the end of working day `day` (0-based) with `waiting` changes queued. */
export function policyDeploys(policy: Policy, day: number, waiting: number): boolean {
  if (waiting === 0) return false;
  switch (policy.kind) {
    case 'every':
    case 'window':
      return (day + 1) % policy.days === 0;
    case 'count':
      return waiting >= policy.changes;
    case 'manual':
      return false;
  }
}

/** Minutes production stays down after a failed deploy of `size` changes, for each way of recovering. */
export function restoreMinutes(params: BatchParams, size: number, how: Recovery): number {
  return how === 'rollback' ? params.detectMinutes + params.rollbackMinutes : params.detectMinutes + params.findMinutesPerChange * size + params.fixMinutes;
}

function deploy(state: BatchState, at: number): BatchState {
  const changeIds = state.queue;
  const changes = state.changes.slice();
  for (const id of changeIds) changes[id] = { ...changes[id]!, deploys: [...changes[id]!.deploys, state.deploys.length], deployedAt: at };
  const defectIds = changeIds.filter((id) => changes[id]!.defective);
  const record: Deploy = { id: state.deploys.length, at, changeIds, failed: defectIds.length > 0, defectIds, recovery: null, downtimeMinutes: 0 };
  return { ...state, changes, queue: [], deploys: [...state.deploys, record], incident: record.failed ? record.id : null };
}

function recover(state: BatchState, how: Recovery): BatchState {
  if (state.incident === null) return state;
  const failed = state.deploys[state.incident]!;
  const downtimeMinutes = restoreMinutes(state.params, failed.changeIds.length, how);
  const restoredAt = failed.at + downtimeMinutes / MINUTES_PER_WORKING_DAY;
  const changes = state.changes.slice();
  let queue = state.queue;
  if (how === 'rollback') {
    // Every change in the batch comes out again; the bad ones are fixed before they wait for the next deploy.
    for (const id of failed.changeIds) changes[id] = { ...changes[id]!, defective: false, deployedAt: null };
    queue = [...failed.changeIds, ...state.queue];
  } else {
    // The batch stays live; the fix reaches production when the outage ends.
    for (const id of failed.defectIds) changes[id] = { ...changes[id]!, defective: false, deployedAt: restoredAt };
  }
  const deploys = state.deploys.slice();
  deploys[failed.id] = { ...failed, recovery: how, downtimeMinutes };
  return { ...state, changes, queue, deploys, incident: null };
}

function advanceDay(state: BatchState): BatchState {
  if (state.incident !== null || state.day >= state.params.days) return state;
  const day = state.day;
  let arrived = state.arrived;
  while (arrived < state.changes.length && state.changes[arrived]!.readyAt < day + 1) arrived++;
  const fresh = state.changes.slice(state.arrived, arrived).map((c) => c.id);
  const next: BatchState = { ...state, day: day + 1, arrived, queue: [...state.queue, ...fresh] };
  return policyDeploys(state.params.policy, day, next.queue.length) ? deploy(next, day + 1) : next;
}

/** The model's one transition: deterministic for the same state and action. */
export function step(state: BatchState, action: BatchAction): BatchState {
  switch (action.type) {
    case 'day':
      return advanceDay(state);
    case 'ship':
      return canShip(state) ? deploy(state, state.day) : state;
    case 'recover':
      return recover(state, action.how);
  }
}

/** The day actions that take a run to its next outage or to its end, for "finish the quarter". */
export function daysToNextStop(state: BatchState): BatchAction[] {
  const actions: BatchAction[] = [];
  let current = state;
  while (current.incident === null && current.day < current.params.days) {
    current = step(current, { type: 'day' });
    actions.push({ type: 'day' });
  }
  return actions;
}

/** Plays a whole run with no learner: incidents recover by params.recovery. */
export function runQuarter(params: BatchParams, seed: number): BatchState {
  let state = init(params, seed);
  while (!isOver(state)) state = step(state, state.incident === null ? { type: 'day' } : { type: 'recover', how: params.recovery });
  return state;
}

/** Replays a logged run: the same scenario and actions always give the same state. */
export function replay(params: BatchParams, seed: number, actions: readonly BatchAction[]): BatchState {
  return actions.reduce(step, init(params, seed));
}
