// Types of the feature-flag model: commits with hidden problems, the pipeline's stages, and a release day of real traffic behind a flag.

/** The hidden problem a commit carries. */
export type Kind = 'none' | 'logic' | 'contract' | 'performance' | 'ux';
export const PROBLEM_KINDS: readonly Exclude<Kind, 'none'>[] = ['logic', 'contract', 'performance', 'ux'];

/** The pipeline's stages in order; nobody approves anything between them. */
export type Stage = 'build' | 'unit' | 'integration' | 'staging' | 'preprod' | 'production';
export const STAGES: readonly Stage[] = ['build', 'unit', 'integration', 'staging', 'preprod', 'production'];

/** How the feature reaches users: behind a flag (rollout, dark launch, kill switch) or as a plain full release (recover by rollback). */
export type Release = 'flag' | 'full';
/** What the on-call does with a healthy rollout: hold the first percentage, or step it up every half hour. */
export type Plan = 'hold' | 'ramp';

export interface FlagsParams {
  /** Commits that make up the feature. */
  commits: number;
  /** Minutes in the release day (one tick is one minute). */
  minutes: number;
  /** Users per minute at normal traffic; each user makes one request. */
  traffic: number;
  /** Chance, 0 to 1, that the pre-production load test catches a load problem. */
  loadTestChance: number;
  release: Release;
  /** Share of the control group's requests mirrored through the new code during the first hour, 0 to 1 (flag only). */
  dark: number;
  /** Share of users who see the feature from the end of the first hour, 0 to 1. */
  rollout: number;
  plan: Plan;
  /** Minutes a rollback redeploy takes (a full release has no kill switch). */
  rollbackMinutes: number;
}

export interface Commit {
  id: number;
  kind: Kind;
  /** Extra error rate (logic, contract), database cost multiplier (performance) or conversion drop (ux); 0 for none. */
  severity: number;
  /** The stage that stopped it, or null when it reached production. */
  stoppedAt: Stage | null;
  /** Why it stopped, in words, or null. */
  reason: string | null;
  /** Whether the pipeline has run it yet. */
  done: boolean;
}

/** The combined effect of every problem that reached production, and the feature's real value. */
export interface Feature {
  /** Extra error rate on the new code path. */
  errorRate: number;
  /** Database queries per request on the new path, relative to the old path (1 = the same). */
  loadFactor: number;
  /** Conversion lost by users who see the new interface (absolute, 0 to 1). */
  uxDrop: number;
  /** What the feature really adds to conversion for users who see it (absolute). */
  lift: number;
}

export interface Spike {
  /** First minute of the traffic spike. */
  start: number;
  /** Minute after its last. */
  end: number;
  /** Traffic multiplier while it lasts. */
  factor: number;
  /** How much spike visitors' conversion differs from normal (absolute), in both groups alike. */
  conversionShift: number;
}

/** One minute of the release day: what the groups saw. Counts of users; rates 0 to 1. */
export interface MinuteRecord {
  minute: number;
  users: number;
  /** Users who saw the new feature. */
  newUsers: number;
  controlUsers: number;
  /** Control requests mirrored through the new code (nobody sees the result). */
  darkRequests: number;
  /** Database load as a share of its capacity. */
  dbLoad: number;
  newErrors: number;
  controlErrors: number;
  darkErrors: number;
  newConversions: number;
  controlConversions: number;
  /** Expected users who met an error the feature caused (its own errors and any overload it caused), this minute. */
  hurt: number;
  spike: boolean;
}

export type AlertKind = 'errors' | 'conversion' | 'load' | 'overload';

export interface Alert {
  kind: AlertKind;
  minute: number;
  /** What the monitoring saw, in one sentence. */
  message: string;
  /** Whether a real escaped problem explains it (false: a false alarm). */
  real: boolean;
}

/** A change to the flag (or a deploy or rollback in a full release), with the minute it happened. */
export interface FlagChange {
  minute: number;
  what: 'dark' | 'rollout' | 'kill' | 'rollback';
  /** The new share, 0 to 1 (0 for kill and rollback). */
  share: number;
}

/** Running totals for the comparisons the monitoring makes. */
export interface Totals {
  /** Live minutes (feature shown to someone): new group and the control group in the same minutes. */
  newUsers: number;
  newErrors: number;
  newConversions: number;
  liveControlUsers: number;
  liveControlErrors: number;
  liveControlConversions: number;
  /** Dark minutes: mirrored requests and the control group in the same minutes. */
  darkRequests: number;
  darkErrors: number;
  darkControlUsers: number;
  darkControlErrors: number;
  /** Before anyone saw the feature: everyone. */
  preUsers: number;
  preErrors: number;
  preConversions: number;
  /** Requests the new code has served, live or dark. */
  newPathRequests: number;
  /** Heaviest traffic seen so far, users per minute. */
  peakTraffic: number;
  /** Users who saw the feature, all day. */
  exposed: number;
  /** Blast radius so far (expected users hurt), and the part of it from minutes when nobody saw the feature. */
  hurt: number;
  hurtWhileDark: number;
  /** Highest database load so far, as a share of capacity. */
  peakDbLoad: number;
}

/** The minute log as a linked list, newest first, so that adding a minute copies nothing (read it with records()). */
export interface LogNode {
  record: MinuteRecord;
  prev: LogNode | null;
}

export interface FlagsState {
  params: FlagsParams;
  /** The dice the day was drawn from. */
  seed: number;
  phase: 'pipeline' | 'release';
  commits: Commit[];
  feature: Feature;
  spike: Spike;
  /** Uniform draws for the observed counts, DRAWS_PER_MINUTE a minute, made up front so that choices never shift later dice (never mutated). */
  dice: Float64Array;
  /** Minutes of the release day played so far. */
  minute: number;
  /** Share of users who see the feature now. */
  rollout: number;
  /** Share of control requests mirrored now. */
  dark: number;
  /** Minute the kill switch was pressed, or null. */
  killedAt: number | null;
  /** A full release's rollback: the minute it completes, or null. */
  rollbackDoneAt: number | null;
  changes: FlagChange[];
  alerts: Alert[];
  /** An alert has fired since the last kill or rollback, while the new code was running. */
  pending: boolean;
  /** Minute each kind of escaped problem was revealed in production, or null. */
  revealed: Record<Exclude<Kind, 'none'>, number | null>;
  /** Kinds of problem that reached production. */
  escaped: Kind[];
  log: LogNode | null;
  totals: Totals;
}

export type FlagsAction =
  { type: 'next' } | { type: 'tick' } | { type: 'rollout'; percent: number } | { type: 'dark'; percent: number } | { type: 'kill' } | { type: 'rollback' };

/** The headline results of a finished (or running) day. */
export type FlagsSummary = Record<string, number | null>;

/** The scenario's values as the missions see them (src/schemas/flags-scenario.ts defines the fields; a test checks they agree). */
export type Share = '0' | '1' | '5' | '25' | '50' | '100';
export interface FlagsValues {
  release: Release;
  dark: Share;
  rollout: Share;
  plan: Plan;
  loadtest: number;
  commits: number;
  minutes: number;
  traffic: number;
  rollback: number;
}
