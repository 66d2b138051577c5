// Types of the configuration-drift model: a fleet of servers, a quarter of seeded events, and the fixes the learner makes.

/** What an event asks for. A dead disk is not a decision: the server is rebuilt, and how long that takes depends on what was recorded. */
export type EventKind = 'hotfix' | 'patch' | 'debug' | 'disk';

/** How a change is made: by hand on one box (unrecorded), or in the versioned configuration, reviewed and applied to every box. */
export type How = 'hand' | 'code';

/** What a learner who makes no choices does at each event. `mixed` fixes a seeded share of events by hand. */
export type Policy = 'hand' | 'code' | 'mixed';

export interface DriftParams {
  /** Servers in the fleet. */
  servers: number;
  /** Working days in the run (65 is a quarter). */
  days: number;
  /** Mean events a working day that call for a change (hotfixes, patches, debug installs); Poisson. */
  eventsPerDay: number;
  /** Mean dead disks over the run; Poisson, each on a uniform day and server. */
  disks: number;
  /** Mean minutes to fix one box by hand (each event draws from half to one and a half times this). */
  handMinutes: number;
  /** Mean minutes to change the versioned configuration, have it reviewed and apply it to every box (same spread). */
  codeMinutes: number;
  /** Chance per working day, for each configuration beyond the first, of a "works on one server, fails on another" incident. */
  mismatchChance: number;
  /** Minutes the team spends on one such incident (finding what differs between the boxes). */
  incidentMinutes: number;
  /** Minutes to rebuild a server from the repository (constant). */
  rebuildMinutes: number;
  /** Extra minutes per unrecorded change on a dead server, to rediscover and redo it when rebuilding. */
  rediscoverMinutes: number;
  /** Chance that a fix is itself faulty. */
  faultChance: number;
  /** Chance that review catches a faulty change before it is applied (reviewed changes only). */
  reviewCatch: number;
  /** Minutes to undo a faulty hand change (find what was done on the box and undo it). */
  undoMinutes: number;
  /** Minutes for the one-step revert of a reviewed change, on every box. */
  revertMinutes: number;
  /** Minutes a day the team loses to a faulty reviewed change that is left in place. */
  brokenMinutesPerDay: number;
  /** What `autoplay` does at an event. */
  policy: Policy;
  /** For the `mixed` policy: share of events fixed by hand, 0 to 1. */
  handShare: number;
}

/** One event, drawn up front from the seed. */
export interface DriftEvent {
  id: number;
  /** Working day (0-based) it arrives. */
  day: number;
  kind: EventKind;
  /** The server it concerns (0-based). */
  server: number;
  /** Minutes this event takes by hand and via the repository. */
  handMinutes: number;
  codeMinutes: number;
  /** A uniform draw: the fix is faulty when below the fault chance (below fault chance x (1 - review catch) for a reviewed change). */
  faultDraw: number;
  /** A uniform draw: the `mixed` policy fixes this event by hand when below the hand share. */
  mixDraw: number;
  /** How it was handled, or null while it waits (a disk is always 'rebuild'). */
  handled: How | 'rebuild' | null;
  /** Minutes it cost when handled (a rebuild's minutes for a disk). */
  minutes: number;
}

/** One change made to one or more servers. */
export interface Change {
  id: number;
  event: number;
  how: How;
  /** Servers it reached. */
  servers: number[];
  faulty: boolean;
  /** Faulty and found: the day it was found (the day after it was made), or null. */
  foundDay: number | null;
  /** Undone (hand) or reverted (reviewed) on this day, or null. */
  undoneDay: number | null;
}

/** One day's seeded draws for mismatch incidents. */
export interface DayDraws {
  /** A uniform draw: an incident happens when below that day's incident chance. */
  incident: number;
  /** Two uniform draws that pick the pair of servers named in the incident. */
  a: number;
  b: number;
}

export interface Incident {
  day: number;
  /** Two servers whose configurations differ. */
  works: number;
  fails: number;
  minutes: number;
}

export interface DriftState {
  params: DriftParams;
  /** Days begun so far; the day in progress is day - 1. The run ends when day reaches params.days and no event waits. */
  day: number;
  events: DriftEvent[];
  draws: DayDraws[];
  /** Applied change ids per server, ascending. Two servers share a configuration when their sets are equal. */
  configs: number[][];
  changes: Change[];
  /** Ids of events of the current day still waiting for a fix, in order. */
  waiting: number[];
  /** A faulty reviewed change found and not yet reverted, or null. */
  alarm: number | null;
  incidents: Incident[];
  /** Minutes lost to a faulty reviewed change left in place, in total. */
  brokenMinutes: number;
  /** Minutes spent on undoing and reverting faulty changes. */
  undoMinutes: number;
  /** Reverts made (of faulty or good reviewed changes). */
  reverts: number;
  /** The most distinct configurations seen at once. */
  maxConfigurations: number;
}

export type DriftAction = { type: 'day' } | { type: 'fix'; how: How } | { type: 'revert' };

/** The headline results of a run. */
export interface DriftSummary {
  events: number;
  handFixes: number;
  codeFixes: number;
  /** Minutes spent on the fixes themselves. */
  fixMinutes: number;
  /** Mean minutes per fix (null with no fix). */
  minutesPerFix: number | null;
  incidents: number;
  incidentMinutes: number;
  rebuilds: number;
  rebuildMinutes: number;
  faults: number;
  faultMinutes: number;
  reverts: number;
  /** Everything the team spent: fixes, incidents, rebuilds, faults. */
  totalMinutes: number;
  /** Distinct configurations now and at most during the run. */
  configurations: number;
  maxConfigurations: number;
  /** Hand-made changes still on servers. */
  unrecorded: number;
  /** Minutes to rebuild the worst server now. */
  worstRebuildMinutes: number;
}
