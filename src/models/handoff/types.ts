// Types of the handoff-pipeline model: six stations, the work items that pass through them, and the run's state.

/** The six stations in the order work passes through them. */
export const STATIONS = ['product', 'design', 'engineering', 'qa', 'release', 'operations'] as const;
export type Station = (typeof STATIONS)[number];

/** Station indices, to keep the code readable. */
export const PRODUCT = 0;
export const DESIGN = 1;
export const ENGINEERING = 2;
export const QA = 3;
export const RELEASE = 4;
export const OPERATIONS = 5;

/** The three ways of working; each is a preset for the handoff batch size and the release cadence. */
export type Way = 'waterfall' | 'agile' | 'devops';

/** Average working days of effort a team spends on one item (Product to QA) or on one release (Release, Operations). */
export interface Effort {
  product: number;
  design: number;
  engineering: number;
  qa: number;
  /** Release: days to package one release, plus `releasePerItem` for each item in it. */
  release: number;
  releasePerItem: number;
  /** Operations: days to deploy one release, plus `operationsPerItem` for each item in it. */
  operations: number;
  operationsPerItem: number;
}

/** Everything a run depends on besides the seed. Time is in working days (5 a week, 65 a quarter). */
export interface HandoffParams {
  /** Items handed on together at each handoff from Product to QA (1 = one at a time). */
  batch: number;
  /** Release and Operations ship every `cadence` working days; 0 ships whenever finished work reaches the door. */
  cadence: number;
  /** Most items allowed between Product starting them and going live; 0 = no limit. Never below `batch`. */
  wip: number;
  /** 1 normally; 2 when every team works twice as fast (every effort halves, and so does their other work). */
  speed: number;
  /** Share of each team's time taken by other work (0 to 0.95). */
  busy: number;
  /** New ideas per working day reaching Product, on average (Poisson arrivals). */
  rate: number;
  /** Working days during which new ideas arrive; the run goes on until every item is live. */
  intakeDays: number;
  /** Chance that an item handed on in a batch picks up a misunderstanding, at full batch size (scaled by (b - 1) / b). */
  misunderstanding: number;
  /** Chance that Engineering's build of an item carries a defect. */
  defectRate: number;
  /** Working days an item is live before its first production feedback reaches the team. */
  observeDays: number;
  effort: Effort;
}

/** Where a defect came from: a slip in Engineering, or a misunderstanding at the handoff into Design or into Engineering. */
export type DefectOrigin = 'code' | 'spec' | 'design';

/** The named states an item can be in. Every item ends `live` (or, in a run cut off at the cap, wherever it was). */
export type ItemStatus = 'upcoming' | 'backlog' | 'waiting' | 'working' | 'door' | 'releasing' | 'live';

/** Dice for one item, drawn up front so that every setting on the same seed sees the same item. */
export interface ItemDice {
  /** Working day the idea reaches Product. */
  arrival: number;
  /** Effort multipliers per station 0-3 (mean 1). */
  size: number[];
  /** Other-work dice per station 0-3 for the first pass: [uniform, unit exponential]. */
  other: Array<[number, number]>;
  /** Whether Engineering's build slips a defect in: a uniform compared with the defect rate. */
  code: number;
  /** Misunderstanding uniforms at the handoff into Design and into Engineering. */
  spec: number;
  design: number;
  /** Per rework lap: other-work dice at Engineering and at QA, and the uniform for a fix that slips a new defect. */
  laps: Array<{ fixOther: [number, number]; testOther: [number, number]; slip: number }>;
}

export interface Item {
  id: number;
  dice: ItemDice;
  status: ItemStatus;
  /** Station index where the item is (0-5), -1 before Product starts it. */
  station: number;
  /** When it entered its current station (or the door), and the work it has had there since. */
  since: number;
  visitWork: number;
  /** Working days spent being worked on, and waiting, per station (index 0-5; the door counts as Release waiting). */
  worked: number[];
  waited: number[];
  /** Defects it carries now, by origin. */
  defects: DefectOrigin[];
  /** Times QA sent it back to Engineering. */
  laps: number;
  /** Day it reached the door to Release, and the day it went live, or null. */
  doorAt: number | null;
  liveAt: number | null;
}

/** A unit of work a station takes on: a batch of items, a batch sent back for rework or retest, or a release. */
export interface Job {
  id: number;
  kind: 'new' | 'fix' | 'retest' | 'release';
  /** The batch it belongs to (fix and retest jobs keep the batch they came from; releases use their release id). */
  batch: number;
  items: number[];
  /** How many of its items the station has finished (items are handled in order). */
  done: number;
  /** When it reached the station's inbox. */
  readyAt: number;
}

/** A station's current piece of work: one item of a job (Product to QA) or a whole release (Release, Operations). */
export interface Work {
  job: Job;
  /** The item being handled, or -1 for a whole release. */
  item: number;
  /** When the other work in front of it is done and this work starts, and when this work ends. */
  startsAt: number;
  endsAt: number;
}

export interface StationState {
  /** Jobs waiting or under way, oldest first (the job in progress stays here until all its items are done). */
  inbox: Job[];
  work: Work | null;
}

/** A batch formed at Product, tracked until every item in it passes QA. */
export interface Batch {
  id: number;
  items: number[];
  /** Items that passed QA and wait for their batch mates. */
  passed: number[];
}

export interface Release {
  id: number;
  items: number[];
  /** When Release started on it, finished packaging, and when Operations had it live. */
  startedAt: number;
  packagedAt: number | null;
  liveAt: number | null;
  /** Whether the learner pushed it out off the cadence. */
  pushed: boolean;
}

export interface HandoffState {
  params: HandoffParams;
  /** The clock, in working days. A tick advances it by one. */
  now: number;
  items: Item[];
  stations: StationState[];
  /** Items Product has finished that wait for their batch to fill. */
  outbox: number[];
  batches: Batch[];
  /** Items that passed QA with their batch and wait at the door to Release. */
  door: number[];
  releases: Release[];
  /** Dice for Release and Operations per release: [release other-work uniform, exponential, ops uniform, exponential]. */
  releaseDice: Array<[number, number, number, number]>;
  /** A release the learner asked for, waiting for Release to be free. */
  pushPending: boolean;
  /** Next job id. */
  jobs: number;
  /** Items that have reached Product so far, and how many of them Product has started (both in arrival order). */
  arrived: number;
  started: number;
  /** Items live so far. */
  liveCount: number;
  /** Defects QA has found so far, and misunderstandings picked up at handoffs so far. */
  defectsFound: number;
  misunderstandings: number;
  /** The most items ever waiting at the door at once. */
  doorPeak: number;
  /** Whether the run hit the time cap with work unfinished. */
  capped: boolean;
}

/** Advance the clock one working day, or push the work waiting at the door to Release now (off the cadence). */
export type HandoffAction = { type: 'tick' } | { type: 'release' };

/** The headline results of a run: numbers, or null where nothing happened yet. Days are working days. */
export interface HandoffSummary {
  items: number;
  live: number;
  /** Median and quartiles of lead time (idea reaching Product to live), over live items. */
  leadMedian: number | null;
  leadP25: number | null;
  leadP75: number | null;
  leadP90: number | null;
  /** Working time over lead time, summed over live items (0 to 1). */
  flowEfficiency: number | null;
  /** Day (on the run's clock) the first item went live, and the day its first production feedback came back. */
  firstLiveDay: number | null;
  firstFeedbackDay: number | null;
  /** Rework laps between QA and Engineering, in all. */
  reworkLaps: number;
  /** Defects QA found, and how many came from misunderstandings at handoffs. */
  defectsFound: number;
  misunderstandings: number;
  /** The most finished items waiting at the door to Release at once, and their mean wait there. */
  doorPeak: number;
  doorWaitMean: number | null;
  releases: number;
  /** Day the last item went live. */
  lastLiveDay: number | null;
}
