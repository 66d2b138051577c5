// The configuration-drift model: seeded events over a quarter, each fixed by hand on one box or through reviewed, versioned configuration on all.
import { streams } from '../../sim-kit/core/random.ts';
import type { SimModel } from '../../sim-kit/core/model.ts';
import type { Change, DayDraws, DriftAction, DriftEvent, DriftParams, DriftState, DriftSummary, EventKind, How } from './types.ts';

const DECISION_KINDS: readonly EventKind[] = ['hotfix', 'patch', 'debug'];

/** A server's display name: web-1, web-2, ... */
export function serverName(index: number): string {
  return `web-${index + 1}`;
}

/** Every event of the run, drawn from the seed alone (never from the learner's choices), sorted by day; disks come first on their day. */
export function drawEvents(params: DriftParams, seed: number): DriftEvent[] {
  const dice = streams(seed);
  const arrivals = dice('events');
  const faults = dice('faults');
  const mixes = dice('mix');
  const disks = dice('disks');
  const raw: Array<Omit<DriftEvent, 'id'>> = [];
  const diskCount = disks.poisson(params.disks);
  for (let i = 0; i < diskCount; i++) {
    const day = disks.int(0, params.days - 1);
    const server = disks.int(0, params.servers - 1);
    raw.push({ day, kind: 'disk', server, handMinutes: 0, codeMinutes: 0, faultDraw: 1, mixDraw: 1, handled: null, minutes: 0 });
  }
  for (let day = 0; day < params.days; day++) {
    const count = arrivals.poisson(params.eventsPerDay);
    for (let i = 0; i < count; i++) {
      raw.push({
        day,
        kind: arrivals.pick(DECISION_KINDS),
        server: arrivals.int(0, params.servers - 1),
        handMinutes: Math.round(params.handMinutes * (0.5 + arrivals.float())),
        codeMinutes: Math.round(params.codeMinutes * (0.5 + arrivals.float())),
        faultDraw: faults.float(),
        mixDraw: mixes.float(),
        handled: null,
        minutes: 0,
      });
    }
  }
  // Stable sort: by day, a dead disk before the day's other events.
  raw.sort((x, y) => x.day - y.day || Number(y.kind === 'disk') - Number(x.kind === 'disk'));
  return raw.map((e, id) => ({ ...e, id }));
}

function drawDays(params: DriftParams, seed: number): DayDraws[] {
  const dice = streams(seed)('incidents');
  return Array.from({ length: params.days }, () => ({ incident: dice.float(), a: dice.float(), b: dice.float() }));
}

export function init(params: DriftParams, seed: number): DriftState {
  return {
    params,
    day: 0,
    events: drawEvents(params, seed),
    draws: drawDays(params, seed),
    configs: Array.from({ length: params.servers }, () => []),
    changes: [],
    waiting: [],
    alarm: null,
    incidents: [],
    brokenMinutes: 0,
    undoMinutes: 0,
    reverts: 0,
    maxConfigurations: 1,
  };
}

const keyOf = (config: readonly number[]) => config.join(',');

/** How many distinct configurations the fleet holds (servers with equal sets of applied changes share one). */
export function configurations(configs: ReadonlyArray<readonly number[]>): number {
  return new Set(configs.map(keyOf)).size;
}

/**
 * The chance of a "works on one server, fails on another" incident on a day that starts with `distinct` configurations:
 * each configuration beyond the first adds an independent daily chance q, so P = 1 - (1 - q)^(distinct - 1).
 */
export function incidentChance(params: Pick<DriftParams, 'mismatchChance'>, distinct: number): number {
  return 1 - (1 - params.mismatchChance) ** Math.max(0, distinct - 1);
}

/** The change ids the repository holds now: reviewed changes not reverted. */
export function repositoryConfig(state: DriftState): number[] {
  return state.changes.filter((c) => c.how === 'code' && c.undoneDay === null).map((c) => c.id);
}

/** Hand-made changes still on a server: what a rebuild has to rediscover. */
export function unrecordedOn(state: DriftState, server: number): number {
  return state.configs[server]!.filter((id) => state.changes[id]!.how === 'hand').length;
}

/** Minutes to rebuild a server now: the repository's constant rebuild, plus rediscovering each unrecorded change by hand. */
export function rebuildMinutesFor(state: DriftState, server: number): number {
  return state.params.rebuildMinutes + state.params.rediscoverMinutes * unrecordedOn(state, server);
}

/** A colour group per server for the tiles: 0 for servers that match the repository, then 1, 2, ... for each other configuration in server order. */
export function configGroups(state: DriftState): number[] {
  const repo = keyOf(repositoryConfig(state));
  const groups = new Map<string, number>([[repo, 0]]);
  return state.configs.map((config) => {
    const key = keyOf(config);
    if (!groups.has(key)) groups.set(key, groups.size);
    return groups.get(key)!;
  });
}

/** Faulty reviewed changes that were found and not yet reverted. */
export function openAlarms(state: DriftState): Change[] {
  return state.changes.filter((c) => c.how === 'code' && c.faulty && c.foundDay !== null && c.undoneDay === null);
}

/** Whether a fix is faulty: review catches a share of faults before a reviewed change is applied. */
export function isFaulty(params: DriftParams, event: DriftEvent, how: How): boolean {
  return event.faultDraw < (how === 'hand' ? params.faultChance : params.faultChance * (1 - params.reviewCatch));
}

function removeChange(configs: number[][], change: Change): number[][] {
  return configs.map((config, server) => (change.servers.includes(server) ? config.filter((id) => id !== change.id) : config));
}

function withMax(state: DriftState): DriftState {
  const now = configurations(state.configs);
  return now > state.maxConfigurations ? { ...state, maxConfigurations: now } : state;
}

function beginDay(state: DriftState): DriftState {
  if (state.waiting.length > 0 || state.day >= state.params.days) return state;
  const { params } = state;
  const d = state.day;
  let configs = state.configs;
  let undoMinutes = state.undoMinutes;
  let brokenMinutes = state.brokenMinutes;
  // Faulty reviewed changes left in place since an earlier day cost the team every day they stay.
  brokenMinutes += params.brokenMinutesPerDay * openAlarms(state).length;
  // Yesterday's faulty changes come to light: hand changes are found and undone by hand; reviewed ones raise an alarm for a revert.
  const changes = state.changes.map((c) => {
    if (!c.faulty || c.foundDay !== null || state.events[c.event]!.day !== d - 1) return c;
    if (c.how === 'code') return { ...c, foundDay: d };
    const undone = { ...c, foundDay: d, undoneDay: d };
    configs = removeChange(configs, undone);
    undoMinutes += params.undoMinutes;
    return undone;
  });
  // Drift shows up as incidents: one roll a day against the day's starting configurations.
  const incidents = state.incidents.slice();
  const draw = state.draws[d]!;
  const distinct = configurations(configs);
  if (draw.incident < incidentChance(params, distinct)) {
    const works = Math.floor(draw.a * params.servers);
    const others = configs.map((_, s) => s).filter((s) => keyOf(configs[s]!) !== keyOf(configs[works]!));
    const fails = others[Math.floor(draw.b * others.length)]!;
    incidents.push({ day: d, works, fails, minutes: params.incidentMinutes });
  }
  // Dead disks are rebuilt at once; the server comes back with the same configuration.
  const events = state.events.map((e) => {
    if (e.day !== d || e.kind !== 'disk') return e;
    const minutes = rebuildMinutesFor({ ...state, configs, changes }, e.server);
    return { ...e, handled: 'rebuild' as const, minutes };
  });
  const waiting = events.filter((e) => e.day === d && e.kind !== 'disk').map((e) => e.id);
  return { ...state, day: d + 1, configs, changes, events, incidents, waiting, undoMinutes, brokenMinutes };
}

function fix(state: DriftState, how: How): DriftState {
  if (state.waiting.length === 0) return state;
  const event = state.events[state.waiting[0]!]!;
  const id = state.changes.length;
  const servers = how === 'hand' ? [event.server] : state.configs.map((_, s) => s);
  const change: Change = { id, event: event.id, how, servers, faulty: isFaulty(state.params, event, how), foundDay: null, undoneDay: null };
  const configs = state.configs.map((config, s) => (servers.includes(s) ? [...config, id] : config));
  const events = state.events.slice();
  events[event.id] = { ...event, handled: how, minutes: how === 'hand' ? event.handMinutes : event.codeMinutes };
  return withMax({ ...state, configs, events, changes: [...state.changes, change], waiting: state.waiting.slice(1) });
}

/** The reviewed change a revert undoes: the latest faulty one found, or else the latest reviewed change still applied. */
export function revertTarget(state: DriftState): Change | null {
  const alarms = openAlarms(state);
  if (alarms.length) return alarms[alarms.length - 1]!;
  const live = state.changes.filter((c) => c.how === 'code' && c.undoneDay === null);
  return live.length ? live[live.length - 1]! : null;
}

function revert(state: DriftState): DriftState {
  const target = revertTarget(state);
  if (target === null) return state;
  const undone = { ...target, undoneDay: Math.max(0, state.day - 1) };
  const changes = state.changes.slice();
  changes[target.id] = undone;
  return {
    ...state,
    changes,
    configs: removeChange(state.configs, undone),
    undoMinutes: state.undoMinutes + state.params.revertMinutes,
    reverts: state.reverts + 1,
  };
}

/** The model's one transition. `day` begins the next working day (only when no event waits); `fix` handles the first waiting event; `revert` undoes a reviewed change on every box in one step. */
export function step(state: DriftState, action: DriftAction): DriftState {
  switch (action.type) {
    case 'day':
      return beginDay(state);
    case 'fix':
      return fix(state, action.how);
    case 'revert':
      return revert(state);
  }
}

export function isOver(state: DriftState): boolean {
  return state.day >= state.params.days && state.waiting.length === 0;
}

/** How the policy fixes an event: by hand, via the repository, or (mixed) by hand for a seeded share of events. */
export function policyHow(params: DriftParams, event: DriftEvent): How {
  if (params.policy === 'mixed') return event.mixDraw < params.handShare ? 'hand' : 'code';
  return params.policy;
}

/** A learner who makes no choices reverts a faulty reviewed change once found, fixes each event by the policy, and otherwise starts the next day. */
export function autoplay(state: DriftState): DriftAction {
  if (openAlarms(state).length) return { type: 'revert' };
  if (state.waiting.length) return { type: 'fix', how: policyHow(state.params, state.events[state.waiting[0]!]!) };
  return { type: 'day' };
}

/** The headline results of a run (a finished one, or one in progress). */
export function summarize(state: DriftState): DriftSummary {
  const fixed = state.events.filter((e) => e.handled === 'hand' || e.handled === 'code');
  const rebuilt = state.events.filter((e) => e.handled === 'rebuild');
  const fixMinutes = fixed.reduce((sum, e) => sum + e.minutes, 0);
  const incidentMinutes = state.incidents.reduce((sum, i) => sum + i.minutes, 0);
  const rebuildMinutes = rebuilt.reduce((sum, e) => sum + e.minutes, 0);
  const faultMinutes = state.undoMinutes + state.brokenMinutes;
  const servers = state.configs.map((_, s) => s);
  return {
    events: fixed.length + rebuilt.length,
    handFixes: fixed.filter((e) => e.handled === 'hand').length,
    codeFixes: fixed.filter((e) => e.handled === 'code').length,
    fixMinutes,
    minutesPerFix: fixed.length ? fixMinutes / fixed.length : null,
    incidents: state.incidents.length,
    incidentMinutes,
    rebuilds: rebuilt.length,
    rebuildMinutes,
    faults: state.changes.filter((c) => c.faulty && c.foundDay !== null).length,
    faultMinutes,
    reverts: state.reverts,
    totalMinutes: fixMinutes + incidentMinutes + rebuildMinutes + faultMinutes,
    configurations: configurations(state.configs),
    maxConfigurations: state.maxConfigurations,
    unrecorded: servers.reduce((sum, s) => sum + unrecordedOn(state, s), 0),
    worstRebuildMinutes: Math.max(...servers.map((s) => rebuildMinutesFor(state, s))),
  };
}

export const model: SimModel<DriftParams, DriftState, DriftAction> = { init, step, isOver, autoplay };
