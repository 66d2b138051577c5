// The batch-size model: a quarter of changes shipped by a policy; a deploy fails when any change in it is defective, and recovering costs more as batches grow.
import { streams } from '../../sim-kit/core/random.ts';
import type { SimModel } from '../../sim-kit/core/model.ts';
import type { BatchAction, BatchParams, BatchState, Change, Deploy, DeployKind, Policy, Recovery } from './types.ts';

/** Minutes in one working day: outage and diagnosis minutes move the working-day clock at this rate. */
export const MINUTES_PER_WORKING_DAY = 8 * 60;
/** Scheduled deploys happen at 16:00, seven working hours into the day. */
export const DEPLOY_TIME_OF_DAY = 7 / 8;

/** Makes every change of the run from the seed: arrivals, defects and migrations come from separate streams and never depend on the policy. */
export function makeChanges(params: Pick<BatchParams, 'days' | 'changesPerDay' | 'defectRate' | 'migrationRate'>, seed: number): Change[] {
  const stream = streams(seed);
  const arrivals = stream('arrivals');
  const defects = stream('defects');
  const migrations = stream('migrations');
  const changes: Change[] = [];
  for (let day = 0; day < params.days; day++) {
    const count = arrivals.poisson(params.changesPerDay);
    const times = Array.from({ length: count }, () => day + arrivals.float()).sort((a, b) => a - b);
    for (const readyAt of times) {
      // Each change draws its defect and migration once, whatever the rates, so a rate change moves only the threshold.
      const defective = defects.float() < params.defectRate;
      const irreversible = migrations.float() < params.migrationRate;
      changes.push({ id: changes.length, readyAt, defective, wasDefective: defective, irreversible, deploys: [], deployedAt: null });
    }
  }
  return changes;
}

/** The times of a policy's scheduled deploys within `days` working days. */
export function scheduleOf(policy: Policy, days: number): number[] {
  const slots: number[] = [];
  if (policy.kind === 'every') {
    for (let d = policy.days - 1; d < days; d += policy.days) slots.push(d + DEPLOY_TIME_OF_DAY);
  } else if (policy.kind === 'windows') {
    for (let d = policy.every - 1; d < days - policy.freezeDays; d += policy.every) slots.push(d + DEPLOY_TIME_OF_DAY);
  }
  return slots;
}

export function init(params: BatchParams, seed: number): BatchState {
  return {
    params,
    time: 0,
    changes: makeChanges(params, seed),
    arrived: 0,
    queue: [],
    deploys: [],
    slots: scheduleOf(params.policy, params.days),
    slotsDone: 0,
    reships: [],
    downUntil: 0,
    incident: null,
  };
}

export function isOver(state: BatchState): boolean {
  return state.time >= state.params.days && state.incident === null;
}

/** The working day the clock is in, counted from 1, for display. */
export function dayOf(state: BatchState): number {
  return Math.min(state.params.days, Math.floor(state.time) + 1);
}

/** Whether production is down at the model's clock. */
export function isDown(state: BatchState): boolean {
  return state.incident !== null || state.time < state.downUntil;
}

/** Whether the learner may press "Ship now": production up, something waiting, the quarter running, and no change board in the way. */
export function canShip(state: BatchState): boolean {
  return !isDown(state) && state.queue.length > 0 && state.time < state.params.days && state.params.policy.kind !== 'windows';
}

/** Minutes to find the bad changes of a batch, by the params' diagnosis: reading stops at the last bad change; bisecting takes log2(n) steps per bad change. */
export function diagnosisMinutes(params: BatchParams, changes: readonly Change[], batch: readonly number[]): number {
  const n = batch.length;
  if (n <= 1) return 0;
  if (params.diagnosis === 'read') {
    const last = batch.reduce((at, id, i) => (changes[id]!.defective ? i : at), 0);
    return params.readMinutesPerChange * (last + 1);
  }
  const bad = batch.filter((id) => changes[id]!.defective).length;
  return params.bisectStepMinutes * Math.ceil(Math.log2(n)) * Math.max(1, bad);
}

/** Expected minutes to find one bad change in a batch of n, for the live estimate beside Ship. */
export function expectedDiagnosisMinutes(params: BatchParams, n: number): number {
  if (n <= 1) return 0;
  return params.diagnosis === 'read' ? (params.readMinutesPerChange * (n + 1)) / 2 : params.bisectStepMinutes * Math.ceil(Math.log2(n));
}

/** What each recovery of a failed deploy costs: downtime, and for a rollback when the batch can ship again. */
export function recoveryCost(
  state: BatchState,
  deploy: Deploy,
  how: Recovery,
): { possible: boolean; downtimeMinutes: number; diagnosisMinutes: number; reshipAfterMinutes: number | null } {
  const p = state.params;
  const diagnosis = diagnosisMinutes(p, state.changes, deploy.changeIds);
  const fixes = p.fixMinutes * deploy.defectIds.length;
  if (how === 'rollback') {
    return {
      possible: !deploy.irreversible,
      downtimeMinutes: p.detectMinutes + p.rollbackMinutes,
      diagnosisMinutes: diagnosis,
      reshipAfterMinutes: p.detectMinutes + p.rollbackMinutes + diagnosis + fixes,
    };
  }
  return { possible: true, downtimeMinutes: p.detectMinutes + diagnosis + fixes, diagnosisMinutes: diagnosis, reshipAfterMinutes: null };
}

function deploy(state: BatchState, at: number, changeIds: number[], kind: DeployKind): BatchState {
  const changes = state.changes.slice();
  const id = state.deploys.length;
  for (const c of changeIds) changes[c] = { ...changes[c]!, deploys: [...changes[c]!.deploys, id], deployedAt: at };
  const defectIds = changeIds.filter((c) => changes[c]!.defective);
  const record: Deploy = {
    id,
    at,
    kind,
    changeIds,
    failed: defectIds.length > 0,
    defectIds,
    irreversible: changeIds.some((c) => changes[c]!.irreversible),
    recovery: null,
    downtimeMinutes: 0,
    diagnosisMinutes: 0,
  };
  const shipped = new Set(changeIds);
  return {
    ...state,
    time: at,
    changes,
    queue: state.queue.filter((c) => !shipped.has(c)),
    deploys: [...state.deploys, record],
    incident: record.failed ? id : null,
  };
}

function recover(state: BatchState, how: Recovery): BatchState {
  if (state.incident === null) return state;
  const failed = state.deploys[state.incident]!;
  const cost = recoveryCost(state, failed, how);
  if (!cost.possible) return state;
  const changes = state.changes.slice();
  let reships = state.reships;
  // Found bad changes are fixed either way; after a rollback the whole batch waits off production until they are.
  for (const id of failed.defectIds) changes[id] = { ...changes[id]!, defective: false };
  if (how === 'rollback') {
    for (const id of failed.changeIds) changes[id] = { ...changes[id]!, deployedAt: null };
    reships = [...reships, { at: failed.at + cost.reshipAfterMinutes! / MINUTES_PER_WORKING_DAY, changeIds: failed.changeIds }];
  } else {
    // The batch stays live; the fixes reach production when the outage ends.
    const restoredAt = failed.at + cost.downtimeMinutes / MINUTES_PER_WORKING_DAY;
    for (const id of failed.defectIds) changes[id] = { ...changes[id]!, deployedAt: restoredAt };
  }
  const deploys = state.deploys.slice();
  deploys[failed.id] = { ...failed, recovery: how, downtimeMinutes: cost.downtimeMinutes, diagnosisMinutes: cost.diagnosisMinutes };
  return {
    ...state,
    changes,
    deploys,
    reships,
    downUntil: Math.max(state.downUntil, failed.at + cost.downtimeMinutes / MINUTES_PER_WORKING_DAY),
    incident: null,
  };
}

/** The changes a scheduled deploy at `slot` takes: everything waiting, or for a maintenance window what the change board approved in time. */
function eligible(state: BatchState, slot: number): number[] {
  const p = state.params.policy;
  if (p.kind !== 'windows') return state.queue;
  return state.queue.filter((id) => state.changes[id]!.readyAt <= slot - p.boardDays);
}

/** Runs the clock to `until`, handling arrivals and deploys in time order; stops early at a failed deploy. Deploys wait while production is down. */
function advance(state: BatchState, until: number): BatchState {
  let s = state;
  const end = Math.min(until, s.params.days);
  while (s.incident === null) {
    const up = Math.max(s.time, s.downUntil);
    const arrival = s.arrived < s.changes.length ? s.changes[s.arrived]!.readyAt : Infinity;
    const slot = s.slotsDone < s.slots.length ? Math.max(s.slots[s.slotsDone]!, up) : Infinity;
    const reship = s.reships.length ? Math.max(Math.min(...s.reships.map((r) => r.at)), up) : Infinity;
    const continuous = s.params.policy.kind === 'continuous' && s.queue.length > 0 ? up : Infinity;
    const next = Math.min(arrival, slot, reship, continuous);
    if (next > end || next === Infinity) return { ...s, time: Math.max(s.time, end) };
    if (arrival === next) {
      s = { ...s, time: next, arrived: s.arrived + 1, queue: [...s.queue, s.arrived] };
    } else if (continuous === next) {
      s = deploy(s, next, [s.queue[0]!], 'continuous');
    } else if (reship === next) {
      const first = s.reships.reduce((a, r) => (r.at < a.at ? r : a));
      s = deploy({ ...s, reships: s.reships.filter((r) => r !== first) }, next, first.changeIds, 'reship');
    } else {
      const nominal = s.slots[s.slotsDone]!;
      const batch = eligible(s, nominal);
      s = { ...s, slotsDone: s.slotsDone + 1 };
      if (batch.length) s = deploy(s, next, batch, 'scheduled');
      else s = { ...s, time: next };
    }
  }
  return s;
}

/** The end of the working day the clock is in (or the next one, when the clock sits exactly at a day's start). */
function endOfDay(time: number): number {
  return Math.floor(time) + 1;
}

/** The model's one transition: deterministic for the same state and action. */
export function step(state: BatchState, action: BatchAction): BatchState {
  switch (action.type) {
    case 'tick':
      return state.incident === null && state.time < state.params.days ? advance(state, endOfDay(state.time)) : state;
    case 'ship':
      return canShip(state) ? deploy(state, state.time, state.queue, 'manual') : state;
    case 'recover':
      return recover(state, action.how);
  }
}

/** The recovery a run with no learner uses: the params' choice, or fixing forward when a migration blocks the rollback. */
export function defaultRecovery(state: BatchState): Recovery {
  if (state.incident === null) return state.params.recovery;
  const failed = state.deploys[state.incident]!;
  return state.params.recovery === 'rollback' && failed.irreversible ? 'fix-forward' : state.params.recovery;
}

export function autoplay(state: BatchState): BatchAction {
  return state.incident === null ? { type: 'tick' } : { type: 'recover', how: defaultRecovery(state) };
}

export const batchModel: SimModel<BatchParams, BatchState, BatchAction> = { init, step, isOver, autoplay };

/** The tick actions that take a run to its next outage or to its end, for "run to the next event". */
export function ticksToNextStop(state: BatchState): BatchAction[] {
  const actions: BatchAction[] = [];
  let current = state;
  while (current.incident === null && current.time < current.params.days) {
    current = step(current, { type: 'tick' });
    actions.push({ type: 'tick' });
  }
  return actions;
}
