// The feature-flag model: commits pass an automatic pipeline, then a release day of real traffic meets the new code behind a flag.
import { streams, type Random } from '../../sim-kit/core/random.ts';
import type { SimModel } from '../../sim-kit/core/model.ts';
import {
  STAGES,
  type Alert,
  type AlertKind,
  type Commit,
  type Feature,
  type FlagsAction,
  type FlagsParams,
  type FlagsState,
  type FlagsSummary,
  type Kind,
  type MinuteRecord,
  type Spike,
  type Stage,
  type Totals,
} from './types.ts';

/** The defaults the scenario table starts from (its test checks they agree). */
export const DEFAULT_PARAMS: FlagsParams = {
  commits: 8,
  minutes: 240,
  traffic: 200,
  loadTestChance: 0.3,
  release: 'flag',
  dark: 0,
  rollout: 1,
  plan: 'hold',
  rollbackMinutes: 20,
};

/** Everyday rates of the service, the same for both groups. Guesses, stated as such on the page. */
export const BASE_ERROR_RATE = 0.005;
export const BASE_CONVERSION = 0.1;
/** Normal traffic uses this share of the database's capacity. */
export const NORMAL_DB_LOAD = 0.4;
/** The dark launch (if any) runs for the first hour; the rollout starts when it ends. */
export const DARK_MINUTES = 60;
/** The ramp plan's steps and the healthy minutes it waits on each. */
export const RAMP_STEPS: readonly number[] = [0.01, 0.05, 0.25, 0.5, 1];
export const RAMP_EVERY = 30;
/** The monitoring rule: a gap counts once it exceeds this many standard errors with at least MIN_SAMPLE users in the smaller group. */
export const ALERT_Z = 3;
export const MIN_SAMPLE = 100;
/** New-path requests needed before the team trusts its measured database cost per request. */
export const LOAD_SAMPLE = 300;
export const SPIKE_MINUTES = 60;
export const SPIKE_FACTOR = 2;

/** Chance of each kind of hidden problem per commit (guesses). */
export const KIND_CHANCES: Record<Kind, number> = { none: 0.5, logic: 0.2, contract: 0.12, performance: 0.09, ux: 0.09 };

/** Chance that each stage catches each kind of problem (guesses, except that the stages' blind spots are the lesson's point). */
export function catchChances(params: Pick<FlagsParams, 'loadTestChance'>): Record<Stage, Partial<Record<Kind, number>>> {
  return {
    build: {},
    unit: { logic: 0.6 },
    integration: { logic: 0.2, contract: 0.7 },
    staging: { logic: 0.1, contract: 0.3 },
    preprod: { contract: 0.1, performance: params.loadTestChance },
    production: {},
  };
}

const REASONS: Record<Exclude<Kind, 'none'>, string> = {
  logic: 'a test saw a wrong result (a logic problem)',
  contract: 'two services disagreed about a request (a contract problem)',
  performance: 'the load test saw the database slow down under production-like load (a performance problem)',
  ux: 'a user-experience problem (no stage can catch this before real users)',
};

function drawKind(r: Random): Kind {
  let u = r.float();
  for (const kind of ['logic', 'contract', 'performance', 'ux', 'none'] as const) {
    u -= KIND_CHANCES[kind];
    if (u < 0) return kind;
  }
  return 'none';
}

function severityOf(kind: Kind, u: number): number {
  switch (kind) {
    case 'none':
      return 0;
    case 'logic':
      return 0.01 + 0.04 * u;
    case 'contract':
      return 0.02 + 0.06 * u;
    case 'performance':
      return 2 + 2 * u;
    case 'ux':
      return 0.01 + 0.02 * u;
  }
}

function checkParams(p: FlagsParams): void {
  const bad = (what: string) => {
    throw new Error(`flags model: ${what}`);
  };
  if (!Number.isInteger(p.commits) || p.commits < 1 || p.commits > 50) bad(`commits must be a whole number from 1 to 50 (got ${p.commits})`);
  if (!Number.isInteger(p.minutes) || p.minutes < 180 || p.minutes > 600) bad(`minutes must be a whole number from 180 to 600 (got ${p.minutes})`);
  if (!(p.traffic >= 10 && p.traffic <= 5000)) bad(`traffic must be from 10 to 5000 users a minute (got ${p.traffic})`);
  for (const [name, v] of [
    ['loadTestChance', p.loadTestChance],
    ['dark', p.dark],
    ['rollout', p.rollout],
  ] as const) {
    if (!(v >= 0 && v <= 1)) bad(`${name} must be a share from 0 to 1 (got ${v})`);
  }
  if (!(p.rollbackMinutes >= 1 && p.rollbackMinutes <= 240)) bad(`rollbackMinutes must be from 1 to 240 (got ${p.rollbackMinutes})`);
}

const emptyTotals = (): Totals => ({
  newUsers: 0,
  newErrors: 0,
  newConversions: 0,
  liveControlUsers: 0,
  liveControlErrors: 0,
  liveControlConversions: 0,
  darkRequests: 0,
  darkErrors: 0,
  darkControlUsers: 0,
  darkControlErrors: 0,
  preUsers: 0,
  preErrors: 0,
  preConversions: 0,
  newPathRequests: 0,
  peakTraffic: 0,
  exposed: 0,
  hurt: 0,
  hurtWhileDark: 0,
  peakDbLoad: 0,
});

/** The minutes played so far, oldest first. */
export function records(state: Pick<FlagsState, 'log'>): MinuteRecord[] {
  const out: MinuteRecord[] = [];
  for (let node = state.log; node !== null; node = node.prev) out.push(node.record);
  return out.reverse();
}

/** Draws every commit, the pipeline's verdicts, the feature, the spike and each minute's dice, all from the seed. */
export function init(params: FlagsParams, seed: number): FlagsState {
  checkParams(params);
  const dice = streams(seed);
  const commitDice = dice('commits');
  const catchDice = dice('catches');
  const chances = catchChances(params);
  const commits: Commit[] = [];
  for (let id = 0; id < params.commits; id++) {
    const kind = drawKind(commitDice);
    const severity = severityOf(kind, commitDice.float());
    // One roll per stage for every commit, whatever its kind, so a different catch chance compares on the same dice.
    const rolls = STAGES.map(() => catchDice.float());
    const stage = STAGES.find((s, i) => rolls[i]! < (chances[s][kind] ?? 0)) ?? null;
    commits.push({ id, kind, severity, stoppedAt: stage, reason: stage && kind !== 'none' ? REASONS[kind] : null, done: false });
  }
  const escaped = commits.filter((c) => c.stoppedAt === null);
  const sum = (kind: Kind) => escaped.filter((c) => c.kind === kind).reduce((s, c) => s + c.severity, 0);
  const featureDice = dice('feature');
  const feature: Feature = {
    errorRate: Math.min(0.5, sum('logic') + sum('contract')),
    loadFactor: Math.max(1, ...escaped.filter((c) => c.kind === 'performance').map((c) => c.severity)),
    uxDrop: Math.min(0.08, sum('ux')),
    lift: -0.005 + 0.02 * featureDice.float(),
  };
  const spikeDice = dice('spike');
  const start = spikeDice.int(DARK_MINUTES + 10, params.minutes - SPIKE_MINUTES - 10);
  const spike: Spike = { start, end: start + SPIKE_MINUTES, factor: SPIKE_FACTOR, conversionShift: -0.05 + 0.1 * spikeDice.float() };
  const traffic = dice('traffic');
  const minuteDice = new Float64Array(params.minutes * DRAWS_PER_MINUTE);
  for (let i = 0; i < minuteDice.length; i++) minuteDice[i] = traffic.float();
  return {
    params,
    seed,
    phase: 'pipeline',
    commits,
    feature,
    spike,
    dice: minuteDice,
    minute: 0,
    rollout: 0,
    dark: 0,
    killedAt: null,
    rollbackDoneAt: null,
    changes: [],
    alerts: [],
    pending: false,
    revealed: { logic: null, contract: null, performance: null, ux: null },
    escaped: [...new Set(escaped.filter((c) => c.kind !== 'none').map((c) => c.kind))],
    log: null,
    totals: emptyTotals(),
  };
}

export function isOver(state: FlagsState): boolean {
  return state.phase === 'release' && state.minute >= state.params.minutes;
}

/** Uniform draws per minute: errors in the new group, the control group and the dark path, and conversions in the two groups. */
export const DRAWS_PER_MINUTE = 5;

/** The standard normal quantile of u (Abramowitz and Stegun 26.2.23, error under 0.00045). */
export function normalQuantile(u: number): number {
  const q = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
  const tail = q < 0.5 ? q : 1 - q;
  const t = Math.sqrt(-2 * Math.log(tail));
  const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  return q < 0.5 ? -z : z;
}

/** A binomial count from one uniform: exact inverse transform for small spreads, a normal approximation for large ones. */
export function binomial(n: number, p: number, u: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const sd = Math.sqrt(n * p * (1 - p));
  if (sd > 5) return Math.min(n, Math.max(0, Math.round(n * p + sd * normalQuantile(u))));
  let pmf = Math.pow(1 - p, n);
  let cdf = pmf;
  let k = 0;
  const ratio = p / (1 - p);
  while (u > cdf && k < n) {
    pmf *= ((n - k) / (k + 1)) * ratio;
    k++;
    cdf += pmf;
  }
  return k;
}

/** Users per minute at minute `t`. */
export function trafficAt(state: Pick<FlagsState, 'params' | 'spike'>, t: number): number {
  const inSpike = t >= state.spike.start && t < state.spike.end;
  return Math.round(state.params.traffic * (inSpike ? state.spike.factor : 1));
}

const overloadErrors = (load: number) => (load > 1 ? 1 - 1 / load : 0);
const combine = (a: number, b: number) => 1 - (1 - a) * (1 - b);

/** Whether the gap p1 - p2 (successes over trials) exceeds ALERT_Z pooled standard errors with enough trials. */
export function gapAlarm(x1: number, n1: number, x2: number, n2: number): boolean {
  if (Math.min(n1, n2) < MIN_SAMPLE) return false;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se > 0 && x1 / n1 - x2 / n2 > ALERT_Z * se;
}

function tick(state: FlagsState): FlagsState {
  if (state.phase !== 'release' || isOver(state)) return state;
  const { params, feature, spike } = state;
  const t = state.minute;
  let rollout = state.rollout;
  const rollbackDoneAt = state.rollbackDoneAt;
  if (rollbackDoneAt !== null && t >= rollbackDoneAt) rollout = 0;
  const users = trafficAt(state, t);
  const inSpike = t >= spike.start && t < spike.end;
  const newUsers = Math.round(users * rollout);
  const controlUsers = users - newUsers;
  const darkRequests = Math.round(controlUsers * state.dark);
  const capacity = params.traffic / NORMAL_DB_LOAD;
  const dbLoad = (controlUsers + (newUsers + darkRequests) * feature.loadFactor) / capacity;
  const overload = overloadErrors(dbLoad);
  const controlRate = combine(BASE_ERROR_RATE, overload);
  const newRate = combine(Math.min(0.9, BASE_ERROR_RATE + feature.errorRate), overload);
  const conversion = BASE_CONVERSION + (inSpike ? spike.conversionShift : 0);
  const controlConv = (1 - controlRate) * conversion;
  const newConv = (1 - newRate) * Math.min(1, Math.max(0, conversion + feature.lift - feature.uxDrop));
  // What would have happened with the feature nowhere: the same users and load without the new path.
  const without = users * combine(BASE_ERROR_RATE, overloadErrors(users / capacity));
  const hurt = Math.max(0, newUsers * newRate + controlUsers * controlRate - without);
  const d = state.dice.subarray(t * DRAWS_PER_MINUTE, (t + 1) * DRAWS_PER_MINUTE);
  const record: MinuteRecord = {
    minute: t,
    users,
    newUsers,
    controlUsers,
    darkRequests,
    dbLoad,
    newErrors: binomial(newUsers, newRate, d[0]!),
    controlErrors: binomial(controlUsers, controlRate, d[1]!),
    darkErrors: binomial(darkRequests, newRate, d[2]!),
    newConversions: binomial(newUsers, newConv, d[3]!),
    controlConversions: binomial(controlUsers, controlConv, d[4]!),
    hurt,
    spike: inSpike,
  };
  const tot = { ...state.totals };
  const live = newUsers > 0;
  if (live) {
    tot.newUsers += newUsers;
    tot.newErrors += record.newErrors;
    tot.newConversions += record.newConversions;
    tot.liveControlUsers += controlUsers;
    tot.liveControlErrors += record.controlErrors;
    tot.liveControlConversions += record.controlConversions;
  } else if (tot.newUsers === 0) {
    tot.preUsers += controlUsers;
    tot.preErrors += record.controlErrors;
    tot.preConversions += record.controlConversions;
  }
  if (darkRequests > 0) {
    tot.darkRequests += darkRequests;
    tot.darkErrors += record.darkErrors;
    tot.darkControlUsers += controlUsers;
    tot.darkControlErrors += record.controlErrors;
  }
  tot.newPathRequests += newUsers + darkRequests;
  tot.peakTraffic = Math.max(tot.peakTraffic, users);
  tot.exposed += newUsers;
  tot.hurt += hurt;
  if (!live) tot.hurtWhileDark += hurt;
  tot.peakDbLoad = Math.max(tot.peakDbLoad, dbLoad);

  // Monitoring at the end of the minute: each kind of alert fires once.
  const fired = new Set(state.alerts.map((a) => a.kind));
  const escaped = new Set(state.escaped);
  const alerts: Alert[] = [];
  const raise = (kind: AlertKind, message: string, real: boolean) => {
    if (!fired.has(kind)) alerts.push({ kind, minute: t, message, real });
  };
  const full = params.release === 'full';
  // With no control group running (a full release, or a flag at 100% from the start), the reference is the time before the release.
  const before = full || tot.liveControlUsers < MIN_SAMPLE;
  const [refErrors, refUsers] = before ? [tot.preErrors, tot.preUsers] : [tot.liveControlErrors, tot.liveControlUsers];
  const [refConv, refConvUsers] = before ? [tot.preConversions, tot.preUsers] : [tot.liveControlConversions, tot.liveControlUsers];
  // An alert is real when the feature explains it: its own errors or lost conversions, or an overload its extra database work caused.
  const overloadByFeature = overload > 0 && feature.loadFactor > 1;
  const errorReal = feature.errorRate > 0 || overloadByFeature;
  if (dbLoad > 1) raise('overload', `The database is over capacity (${Math.round(dbLoad * 100)}%): requests are failing for everyone.`, feature.loadFactor > 1);
  if (tot.newPathRequests >= LOAD_SAMPLE && feature.loadFactor > 1) {
    const projected = (tot.peakTraffic * feature.loadFactor) / capacity;
    if (projected > 1)
      raise(
        'load',
        `The new code costs ${feature.loadFactor.toFixed(1)} times the database work per request: at full rollout the database would run at ${Math.round(projected * 100)}% of capacity.`,
        true,
      );
  }
  if (gapAlarm(tot.newErrors, tot.newUsers, refErrors, refUsers) || gapAlarm(tot.darkErrors, tot.darkRequests, tot.darkControlErrors, tot.darkControlUsers))
    raise('errors', 'The new code fails more requests than the old code.', errorReal);
  if (gapAlarm(refConv, refConvUsers, tot.newConversions, tot.newUsers))
    raise(
      'conversion',
      before ? 'Conversion has dropped since the release.' : 'Users who see the feature convert less than the control group.',
      feature.lift - feature.uxDrop < 0 || overloadByFeature,
    );

  const revealed = { ...state.revealed };
  for (const a of alerts) {
    if (!a.real) continue;
    const kinds: Kind[] = a.kind === 'errors' ? ['logic', 'contract'] : a.kind === 'conversion' ? ['ux'] : ['performance'];
    for (const k of kinds) if (k !== 'none' && escaped.has(k) && revealed[k] === null) revealed[k] = t;
  }
  const running = rollout > 0 || state.dark > 0;
  return {
    ...state,
    minute: t + 1,
    rollout,
    rollbackDoneAt,
    log: { record, prev: state.log },
    totals: tot,
    alerts: [...state.alerts, ...alerts],
    pending: state.pending || (alerts.length > 0 && running),
    revealed,
  };
}

/** The model's one transition; an action that does not apply returns the state unchanged. */
export function step(state: FlagsState, action: FlagsAction): FlagsState {
  const full = state.params.release === 'full';
  switch (action.type) {
    case 'next': {
      if (state.phase !== 'pipeline') return state;
      const i = state.commits.findIndex((c) => !c.done);
      const commits = state.commits.slice();
      commits[i] = { ...commits[i]!, done: true };
      return { ...state, commits, phase: commits.every((c) => c.done) ? 'release' : 'pipeline' };
    }
    case 'tick':
      return tick(state);
    case 'rollout': {
      if (state.phase !== 'release' || isOver(state) || !validPercent(action.percent)) return state;
      if (full && !(action.percent === 100 && state.rollout === 0 && state.rollbackDoneAt === null)) return state;
      const share = action.percent / 100;
      if (share === state.rollout) return state;
      return { ...state, rollout: share, changes: [...state.changes, { minute: state.minute, what: 'rollout', share }] };
    }
    case 'dark': {
      if (full || state.phase !== 'release' || isOver(state) || !validPercent(action.percent)) return state;
      const share = action.percent / 100;
      if (share === state.dark) return state;
      return { ...state, dark: share, changes: [...state.changes, { minute: state.minute, what: 'dark', share }] };
    }
    case 'kill':
      if (full || state.phase !== 'release' || isOver(state) || (state.rollout === 0 && state.dark === 0)) return state;
      return {
        ...state,
        rollout: 0,
        dark: 0,
        killedAt: state.killedAt ?? state.minute,
        pending: false,
        changes: [...state.changes, { minute: state.minute, what: 'kill', share: 0 }],
      };
    case 'rollback':
      if (!full || state.phase !== 'release' || isOver(state) || state.rollout === 0 || state.rollbackDoneAt !== null) return state;
      return {
        ...state,
        rollbackDoneAt: state.minute + state.params.rollbackMinutes,
        pending: false,
        changes: [...state.changes, { minute: state.minute, what: 'rollback', share: 0 }],
      };
  }
}

function validPercent(p: number): boolean {
  return Number.isFinite(p) && p >= 0 && p <= 100;
}

/**
 * What an on-call who follows the scenario's plan does next: run the pipeline; turn the dark launch on at the start; at the
 * end of the first hour switch it off and open the rollout (or deploy, in a full release); step the rollout up every half
 * hour on the ramp plan; press the kill switch (or roll back) as soon as an alert fires; otherwise let a minute pass.
 */
export function autoplay(state: FlagsState): FlagsAction {
  if (state.phase === 'pipeline') return { type: 'next' };
  const { params } = state;
  const full = params.release === 'full';
  if (state.pending) {
    if (!full && (state.rollout > 0 || state.dark > 0)) return { type: 'kill' };
    if (full && state.rollout > 0 && state.rollbackDoneAt === null) return { type: 'rollback' };
  }
  const stopped = state.killedAt !== null || state.rollbackDoneAt !== null;
  if (!stopped) {
    const did = (what: string) => state.changes.some((c) => c.what === what);
    if (!full && params.dark > 0 && state.minute < DARK_MINUTES && !did('dark')) return { type: 'dark', percent: params.dark * 100 };
    if (state.minute >= DARK_MINUTES && params.rollout > 0 && !did('rollout')) {
      if (state.dark > 0) return { type: 'dark', percent: 0 };
      return { type: 'rollout', percent: full ? 100 : params.rollout * 100 };
    }
    if (!full && params.plan === 'ramp' && state.rollout > 0 && state.rollout < 1) {
      const last = [...state.changes].reverse().find((c) => c.what === 'rollout')!;
      const next = RAMP_STEPS.find((s) => s > state.rollout + 1e-9);
      if (next !== undefined && state.minute - last.minute >= RAMP_EVERY) return { type: 'rollout', percent: next * 100 };
    }
  }
  return { type: 'tick' };
}

/** The feature's effect on conversion that the gap between the groups estimates: expected new minus control, weighted by new users. */
export function trueEffect(state: FlagsState): number | null {
  const { feature, spike } = state;
  let weight = 0;
  let sum = 0;
  for (const r of records(state)) {
    if (r.newUsers === 0) continue;
    const overload = overloadErrors(r.dbLoad);
    const conversion = BASE_CONVERSION + (r.spike ? spike.conversionShift : 0);
    const control = (1 - combine(BASE_ERROR_RATE, overload)) * conversion;
    const fresh =
      (1 - combine(Math.min(0.9, BASE_ERROR_RATE + feature.errorRate), overload)) * Math.min(1, Math.max(0, conversion + feature.lift - feature.uxDrop));
    sum += r.newUsers * (fresh - control);
    weight += r.newUsers;
  }
  return weight ? sum / weight : null;
}

const rate = (x: number, n: number) => (n > 0 ? x / n : null);

/** The gap between the groups' conversion with its standard error, and the naive before-and-after estimate, or null without data. */
export function estimates(state: FlagsState): { gap: number | null; gapSE: number | null; naive: number | null } {
  const t = state.totals;
  const pNew = rate(t.newConversions, t.newUsers);
  const pCtrl = rate(t.liveControlConversions, t.liveControlUsers);
  const pPre = rate(t.preConversions, t.preUsers);
  const gap = pNew !== null && pCtrl !== null ? pNew - pCtrl : null;
  const gapSE = pNew !== null && pCtrl !== null ? Math.sqrt((pNew * (1 - pNew)) / t.newUsers + (pCtrl * (1 - pCtrl)) / t.liveControlUsers) : null;
  const naive = pNew !== null && pPre !== null ? pNew - pPre : null;
  return { gap, gapSE, naive };
}

/** Blast radius: users affected x error rate x minutes, summed minute by minute (expected users who met an error the feature caused). */
export function blastRadius(state: FlagsState): number {
  return state.totals.hurt;
}

/** Headline results: where problems were caught, who was hurt, the load, the comparison of the groups. */
export function summarize(state: FlagsState): FlagsSummary {
  const caught = (stage: Stage) => state.commits.filter((c) => c.stoppedAt === stage).length;
  const escaped = state.commits.filter((c) => c.stoppedAt === null && c.kind !== 'none');
  const escapedOf = (k: Kind) => escaped.filter((c) => c.kind === k).length;
  const firstAlert = state.alerts[0]?.minute ?? null;
  const { gap, gapSE, naive } = estimates(state);
  const round = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  return {
    commits: state.commits.length,
    problems: state.commits.filter((c) => c.kind !== 'none').length,
    caughtUnit: caught('unit'),
    caughtIntegration: caught('integration'),
    caughtStaging: caught('staging'),
    caughtPreprod: caught('preprod'),
    escaped: escaped.length,
    escapedLogic: escapedOf('logic'),
    escapedContract: escapedOf('contract'),
    escapedPerformance: escapedOf('performance'),
    escapedUx: escapedOf('ux'),
    // Under the dashboard's names (src/models/dashboard): each alert pages the on-call; a full release's rollback counts once.
    pages: state.alerts.length,
    rollbacks: state.changes.some((c) => c.what === 'rollback') ? 1 : 0,
    peakLoadPercent: round(state.totals.peakDbLoad * 100, 1),
    usersExposed: state.totals.exposed,
    usersHurt: round(state.totals.hurt, 2),
    usersHurtWhileDark: round(state.totals.hurtWhileDark, 2),
    peakDbLoadPercent: round(state.totals.peakDbLoad * 100, 1),
    firstAlertMinute: firstAlert,
    falseAlarms: state.alerts.filter((a) => !a.real).length,
    loadRevealedMinute: state.revealed.performance,
    killedMinute: state.killedAt,
    rollbackMinute: state.changes.find((c) => c.what === 'rollback')?.minute ?? null,
    finalRolloutPercent: round(state.rollout * 100, 1),
    gap: round(gap),
    gapSE: round(gapSE),
    naive: round(naive),
    trueEffect: round(trueEffect(state)),
  };
}

export const model: SimModel<FlagsParams, FlagsState, FlagsAction> = { init, step, isOver, autoplay };
