// Types of the batch-size model: its parameters, the changes and deploys it tracks, and its state.

/** When deploys happen. `every` and `window` deploy on a schedule; `count` when enough changes wait; `manual` only when the learner ships. */
export type Policy = { kind: 'every'; days: number } | { kind: 'count'; changes: number } | { kind: 'window'; days: number } | { kind: 'manual' };

export type Recovery = 'rollback' | 'fix-forward';

export interface BatchParams {
  /** Working days simulated: a quarter is 13 weeks of 5 days. */
  days: number;
  /** Mean number of changes that become ready each working day (Poisson arrivals). */
  changesPerDay: number;
  /** Chance that any one change carries a defect that breaks production. */
  defectRate: number;
  policy: Policy;
  /** How automatic runs (compare, Monte Carlo) recover; the learner chooses during a played run. */
  recovery: Recovery;
  /** Minutes from a bad deploy to someone noticing the outage. */
  detectMinutes: number;
  /** Minutes to roll a whole deploy back. */
  rollbackMinutes: number;
  /** Minutes per change in the batch to find the bad one when fixing forward (reading diffs, bisecting). */
  findMinutesPerChange: number;
  /** Minutes to write and ship the fix once the bad change is found. */
  fixMinutes: number;
}

export interface Change {
  id: number;
  /** When it became ready to ship, in working days from the start (fractional). */
  readyAt: number;
  /** Whether it carries a defect right now (a defect is removed once found and fixed). */
  defective: boolean;
  /** Whether it ever carried a defect. */
  wasDefective: boolean;
  /** Deploy ids that carried it, in order (more than one after a rollback). */
  deploys: number[];
  /** When it reached production for good, or null while it waits. */
  deployedAt: number | null;
}

export interface Deploy {
  id: number;
  /** Working-day time of the deploy (the end of a working day). */
  at: number;
  changeIds: number[];
  failed: boolean;
  /** Ids of the defective changes in the batch. */
  defectIds: number[];
  recovery: Recovery | null;
  /** Minutes production was down, 0 for a good deploy. */
  downtimeMinutes: number;
}

export interface BatchState {
  params: BatchParams;
  /** The next working day to simulate; the run ends when it reaches params.days. */
  day: number;
  /** Every change of the run, made up front from the seed so two policies can share the same dice. */
  changes: Change[];
  /** How many changes (in readyAt order) have become ready so far. */
  arrived: number;
  /** Ids of ready changes waiting to ship, oldest first. */
  queue: number[];
  deploys: Deploy[];
  /** The failed deploy awaiting the learner's choice of recovery, if any. */
  incident: number | null;
}

export type BatchAction = { type: 'day' } | { type: 'ship' } | { type: 'recover'; how: Recovery };
