// The capstone model: a seeded quarter of changes and incidents played under the learner's six levers, scored on the four keys and more.
import { streams } from '../../sim-kit/core/random.ts';
import type { SimModel } from '../../sim-kit/core/model.ts';
import { placeAll, type Placement } from '../dora/bands.ts';
import {
  DEPLOY,
  FIND_MINUTES_PER_CHANGE,
  FIX_MINUTES,
  FLAGS,
  FLAG_EXPOSURE,
  IAC,
  KILL_MINUTES,
  PARITY,
  START,
  TEAM,
  TESTS,
  capacityOf,
  spendOf,
  toilByLever,
} from './levers.ts';
import type { CapstoneAction, CapstoneParams, CapstoneState, CapstoneSummary, Change, Deploy, Response } from './types.ts';

export const DEFAULT_PARAMS: CapstoneParams = {
  levers: { ...START },
  managed: { parity: false, tests: false, iac: false, deploy: false, flags: false },
  days: 65,
  changesPerDay: 5,
};

/** Minutes in a working day, to turn minutes into working-day time. */
export const MINUTES_PER_DAY = 8 * 60;
/** The most infrastructure incidents a quarter any choice expects; candidates are drawn at this rate and thinned, so every choice shares the dice. */
const MAX_INFRA = Math.max(...Object.values(IAC).map((i) => i.infraIncidents));

function checkParams(p: CapstoneParams): void {
  const bad = (what: string) => {
    throw new Error(`capstone model: ${what}`);
  };
  if (!Number.isInteger(p.days) || p.days < 10 || p.days > 130) bad(`days must be a whole number from 10 to 130 (got ${p.days})`);
  if (!(p.changesPerDay >= 0.5 && p.changesPerDay <= 20)) bad(`changesPerDay must be from 0.5 to 20 (got ${p.changesPerDay})`);
  const l = p.levers;
  if (!(l.team in TEAM)) bad(`team must be one of ${Object.keys(TEAM).join(', ')} (got ${String(l.team)})`);
  if (!(l.parity in PARITY)) bad(`parity must be one of ${Object.keys(PARITY).join(', ')} (got ${String(l.parity)})`);
  if (!(l.tests in TESTS)) bad(`tests must be one of ${Object.keys(TESTS).join(', ')} (got ${String(l.tests)})`);
  if (!(l.iac in IAC)) bad(`iac must be one of ${Object.keys(IAC).join(', ')} (got ${String(l.iac)})`);
  if (!(l.deploy in DEPLOY)) bad(`deploy must be one of ${Object.keys(DEPLOY).join(', ')} (got ${String(l.deploy)})`);
  if (!(l.flags in FLAGS)) bad(`flags must be one of ${Object.keys(FLAGS).join(', ')} (got ${String(l.flags)})`);
}

/** Draws the quarter: every change's arrival, defects and dark-launch luck, and candidate infrastructure incidents, all from the seed. */
export function init(params: CapstoneParams, seed: number): CapstoneState {
  checkParams(params);
  const dice = streams(seed);
  const arrivals = dice('arrivals');
  const build = dice('build');
  const defects = dice('defects');
  const l = params.levers;
  const capacity = capacityOf(params);
  const changes: Change[] = [];
  for (let day = 0; day < params.days; day++) {
    const times = Array.from({ length: arrivals.poisson(params.changesPerDay) }, () => day + arrivals.float()).sort((a, b) => a - b);
    for (const readyAt of times) {
      const built = build.float() < capacity;
      // Three draws per change whatever the levers, so every choice meets the same defects.
      const [uDefect, uEnv, uDark] = [defects.float(), defects.float(), defects.float()];
      let defective = uDefect < TESTS[l.tests].defect;
      let envDefect = uEnv < PARITY[l.parity].envDefect;
      const caughtDark = (defective || envDefect) && uDark < FLAGS[l.flags].darkCatch;
      if (caughtDark) defective = envDefect = false;
      const releasableAt = readyAt + TESTS[l.tests].pipelineDays + TEAM[l.team].handoffDays + (caughtDark ? 1 : 0);
      changes.push({ id: changes.length, readyAt, built, defective, envDefect, caughtDark, releasableAt, live: false, deployedAt: null });
    }
  }
  const infra = dice('infra');
  const scheduled: CapstoneState['scheduled'] = [];
  const candidates = infra.poisson(MAX_INFRA);
  for (let i = 0; i < candidates; i++) {
    const at = infra.float() * params.days;
    const hour = infra.float() * 24;
    if (infra.float() < IAC[l.iac].infraIncidents / MAX_INFRA) scheduled.push({ at, hour });
  }
  scheduled.sort((a, b) => a.at - b.at);
  return { params, seed, day: 0, changes, queue: [], arrived: 0, deploys: [], scheduled, incidents: [], open: [] };
}

export function isOver(state: CapstoneState): boolean {
  return state.day >= state.params.days && state.open.length === 0;
}

const isNight = (hour: number) => hour >= 22 || hour < 7;

function playDay(state: CapstoneState): CapstoneState {
  if (state.open.length > 0 || state.day >= state.params.days) return state;
  const { params } = state;
  const d = state.day;
  const l = params.levers;
  const changes = state.changes.slice();
  const deploys = state.deploys.slice();
  const incidents = state.incidents.slice();
  const open: number[] = [];
  let arrived = state.arrived;
  let queue = state.queue.slice();
  while (arrived < changes.length && changes[arrived]!.readyAt < d + 1) {
    if (changes[arrived]!.built) queue.push(arrived);
    arrived++;
  }
  const ship = (ids: number[], at: number, hour: number) => {
    const deploy: Deploy = { id: deploys.length, at, changeIds: ids, failed: ids.some((id) => changes[id]!.defective || changes[id]!.envDefect) };
    deploys.push(deploy);
    for (const id of ids) changes[id] = { ...changes[id]!, live: true, deployedAt: at };
    if (deploy.failed) {
      incidents.push({ id: incidents.length, kind: 'deploy', at, hour, night: isNight(hour), deployId: deploy.id, response: null, minutes: 0, downtime: 0 });
      open.push(incidents.length - 1);
    }
  };
  const every = DEPLOY[l.deploy].everyDays;
  if (every === null) {
    const due = queue.filter((id) => changes[id]!.releasableAt < d + 1).sort((a, b) => changes[a]!.releasableAt - changes[b]!.releasableAt);
    queue = queue.filter((id) => !due.includes(id));
    for (const id of due) {
      const at = Math.max(d, changes[id]!.releasableAt);
      ship([id], at, 9 + 8 * (at - d));
    }
  } else if ((d + 1) % every === 0) {
    const due = queue.filter((id) => changes[id]!.releasableAt <= d + 1);
    queue = queue.filter((id) => !due.includes(id));
    if (due.length) ship(due, d + 1, TEAM[l.team].deployHour);
  }
  for (const s of state.scheduled) {
    if (s.at < d || s.at >= d + 1) continue;
    incidents.push({
      id: incidents.length,
      kind: 'infra',
      at: s.at,
      hour: s.hour,
      night: isNight(s.hour),
      deployId: null,
      response: null,
      minutes: 0,
      downtime: 0,
    });
    open.push(incidents.length - 1);
  }
  open.sort((a, b) => incidents[a]!.at - incidents[b]!.at);
  return { ...state, day: d + 1, arrived, queue, changes, deploys, incidents, open };
}

/** Whether a response applies to the incident: restore for infrastructure; rollback, fix-forward or (with flags) kill for a failed deploy. */
export function canRespond(state: CapstoneState, how: Response): boolean {
  const id = state.open[0];
  if (id === undefined) return false;
  const incident = state.incidents[id]!;
  if (incident.kind === 'infra') return how === 'restore';
  if (how === 'kill') return state.params.levers.flags === 'on';
  return how === 'rollback' || how === 'fix-forward';
}

function respond(state: CapstoneState, how: Response): CapstoneState {
  if (!canRespond(state, how)) return state;
  const { params } = state;
  const l = params.levers;
  const detect = TEAM[l.team].detectMinutes;
  const id = state.open[0]!;
  const incident = state.incidents[id]!;
  const changes = state.changes.slice();
  let queue = state.queue;
  let minutes: number;
  let downtime: number;
  if (incident.kind === 'infra') {
    minutes = detect + IAC[l.iac].rebuildMinutes;
    downtime = minutes;
  } else {
    const deploy = state.deploys[incident.deployId!]!;
    const bad = deploy.changeIds.filter((c) => changes[c]!.defective || changes[c]!.envDefect);
    const fixedAt = incident.at + FIX_MINUTES / MINUTES_PER_DAY;
    if (how === 'fix-forward') {
      minutes = detect + FIND_MINUTES_PER_CHANGE * deploy.changeIds.length + FIX_MINUTES;
      downtime = minutes;
      for (const c of bad) changes[c] = { ...changes[c]!, defective: false, envDefect: false };
    } else {
      // A rollback takes the whole deploy out; the kill switch only the bad changes. Either way the bad ones are fixed before they wait again.
      const out = how === 'rollback' ? deploy.changeIds : bad;
      minutes = detect + (how === 'rollback' ? IAC[l.iac].rollbackMinutes : KILL_MINUTES);
      downtime = how === 'kill' ? minutes * FLAG_EXPOSURE : minutes;
      for (const c of out) {
        const wasBad = bad.includes(c);
        changes[c] = { ...changes[c]!, live: false, deployedAt: null, defective: false, envDefect: false, releasableAt: wasBad ? fixedAt : incident.at };
      }
      queue = [...out, ...queue];
    }
  }
  const incidents = state.incidents.slice();
  incidents[id] = { ...incident, response: how, minutes, downtime };
  return { ...state, changes, queue, incidents, open: state.open.slice(1) };
}

/** The model's one transition; an action that does not apply returns the state unchanged. */
export function step(state: CapstoneState, action: CapstoneAction): CapstoneState {
  switch (action.type) {
    case 'day':
      return playDay(state);
    case 'respond':
      return respond(state, action.how);
  }
}

/** A learner with no answers of their own: play the next day, or answer an incident the sensible way (kill switch if there is one, else roll back; restore a server). */
export function autoplay(state: CapstoneState): CapstoneAction {
  const id = state.open[0];
  if (id === undefined) return { type: 'day' };
  if (state.incidents[id]!.kind === 'infra') return { type: 'respond', how: 'restore' };
  return { type: 'respond', how: state.params.levers.flags === 'on' ? 'kill' : 'rollback' };
}

function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The four keys in DORA's units: deploys a working day, working days of lead time, failure rate 0 to 1, recovery minutes. */
export function keys(state: CapstoneState): {
  deploysPerDay: number;
  leadTimeDays: number | null;
  changeFailureRate: number | null;
  recoveryMinutes: number | null;
} {
  const days = Math.max(1, Math.min(state.day, state.params.days));
  const deploys = state.deploys.length;
  const failed = state.deploys.filter((d) => d.failed).length;
  const live = state.changes.filter((c) => c.live && c.deployedAt !== null);
  const recoveries = state.incidents.filter((i) => i.kind === 'deploy' && i.response !== null).map((i) => i.minutes);
  return {
    deploysPerDay: deploys / days,
    leadTimeDays: median(live.map((c) => c.deployedAt! - c.readyAt)),
    changeFailureRate: deploys ? failed / deploys : null,
    recoveryMinutes: recoveries.length ? recoveries.reduce((a, b) => a + b, 0) / recoveries.length : null,
  };
}

/**
 * The four keys placed in their DORA 2024 bands (src/models/dora/bands.ts). A quarter that deployed but never failed has
 * nothing to recover from, and counts as recovering at once; a quarter with no deploys has no failure rate or recovery
 * to judge, and those keys stay unplaced.
 */
export function placement(state: CapstoneState): Placement {
  const k = keys(state);
  return placeAll({
    deploymentFrequency: k.deploysPerDay,
    leadTime: k.leadTimeDays,
    changeFailureRate: k.changeFailureRate,
    recoveryTime: k.recoveryMinutes ?? (k.changeFailureRate === null ? null : 0),
  });
}

const BAND_RANK = { elite: 0, high: 1, medium: 2, low: 3 } as const;

/** The final scorecard as flat numbers: the four keys (in the dashboard's units and names), downtime, features live, night pages, spend, toil. */
export function summarize(state: CapstoneState): CapstoneSummary {
  const k = keys(state);
  const p = placement(state);
  const round = (x: number | null, d = 3) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  const featuresLive = state.changes.filter((c) => c.live).length;
  const toil = Object.values(toilByLever(state.params)).reduce((a, b) => a + b, 0);
  return {
    deploys: state.deploys.length,
    failedDeploys: state.deploys.filter((d) => d.failed).length,
    deploysPerDay: round(k.deploysPerDay),
    leadTimeDays: round(k.leadTimeDays),
    changeFailureRate: round(k.changeFailureRate),
    recoveryMinutes: round(k.recoveryMinutes, 1),
    eliteKeys: Object.values(p.bands).filter((b) => b === 'elite').length,
    /** The weakest key's band: 0 elite, 1 high, 2 medium, 3 low. */
    bandRank: p.band === null ? null : BAND_RANK[p.band],
    downtimeMinutes: round(
      state.incidents.reduce((s, i) => s + i.downtime, 0),
      1,
    ),
    featuresLive,
    changesPerDay: round(featuresLive / Math.max(1, state.params.days)),
    changesBuilt: state.changes.filter((c) => c.built).length,
    caughtInTheDark: state.changes.filter((c) => c.built && c.caughtDark).length,
    outages: state.incidents.length,
    pages: state.incidents.length,
    nightPages: state.incidents.filter((i) => i.night).length,
    rollbacks: state.incidents.filter((i) => i.response === 'rollback').length,
    spend: spendOf(state.params),
    toilHoursPerWeek: toil,
    capacityPercent: round(capacityOf(state.params) * 100, 1),
  };
}

export const model: SimModel<CapstoneParams, CapstoneState, CapstoneAction> = { init, step, isOver, autoplay };
