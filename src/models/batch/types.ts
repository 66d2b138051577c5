// Types of the batch-size model: its parameters, the changes and deploys it tracks, and its state.

/**
 * When deploys happen. `continuous`: each change ships on its own as soon as it is ready. `every`: a scheduled deploy
 * every `days` working days. `windows`: a maintenance window every `every` days; a change needs the change board's
 * approval `boardDays` before a window, and no window opens in the last `freezeDays` of the run. `manual`: only when the
 * learner presses Ship.
 */
export type Policy =
  { kind: 'continuous' } | { kind: 'every'; days: number } | { kind: 'windows'; every: number; boardDays: number; freezeDays: number } | { kind: 'manual' };

export type Recovery = 'rollback' | 'fix-forward';

/** How the team finds the bad change in a failed batch: read change by change, or bisect (halve the batch each step). */
export type Diagnosis = 'read' | 'bisect';

export interface BatchParams {
  /** Working days simulated: a quarter is 13 weeks of 5 days. */
  days: number;
  /** Mean number of changes that become ready each working day (Poisson arrivals, spread over the working day). */
  changesPerDay: number;
  /** Chance that one change carries a defect that breaks production. */
  defectRate: number;
  /** Chance that one change is irreversible (a schema or data migration): a batch holding one cannot be rolled back. */
  migrationRate: number;
  policy: Policy;
  /** How runs with no learner (the comparison, sweeps, "finish") recover; during a played run the learner chooses. */
  recovery: Recovery;
  diagnosis: Diagnosis;
  /** Minutes from a bad deploy to someone noticing the outage. */
  detectMinutes: number;
  /** Minutes to roll a deploy back and have production working again. */
  rollbackMinutes: number;
  /** Minutes to read one change when reading change by change. */
  readMinutesPerChange: number;
  /** Minutes for one bisection step (build, deploy to a test environment, check). */
  bisectStepMinutes: number;
  /** Minutes to write and ship the fix for one bad change once it is found. */
  fixMinutes: number;
}

export interface Change {
  id: number;
  /** When it became ready to ship, in working days from the start (fractional: 0.5 is midday of the first day). */
  readyAt: number;
  /** Whether it carries a defect right now (a defect is removed once found and fixed). */
  defective: boolean;
  /** Whether it ever carried a defect. */
  wasDefective: boolean;
  /** Whether it holds a migration that cannot be undone. */
  irreversible: boolean;
  /** Deploy ids that carried it, in order (more than one after a rollback). */
  deploys: number[];
  /** When it reached production for good, or null while it waits. */
  deployedAt: number | null;
}

export type DeployKind = 'scheduled' | 'continuous' | 'manual' | 'reship';

export interface Deploy {
  id: number;
  /** Working-day time of the deploy. */
  at: number;
  kind: DeployKind;
  changeIds: number[];
  failed: boolean;
  /** Ids of the defective changes in the batch. */
  defectIds: number[];
  /** Whether the batch holds an irreversible change, so that it cannot be rolled back. */
  irreversible: boolean;
  recovery: Recovery | null;
  /** Minutes production was down, 0 for a good deploy. */
  downtimeMinutes: number;
  /** Minutes spent finding the bad change(s). */
  diagnosisMinutes: number;
}

/** A rolled-back batch whose bad changes are being found and fixed; it ships again, on its own, at `at`. */
export interface Reship {
  at: number;
  changeIds: number[];
}

export interface BatchState {
  params: BatchParams;
  /** The model's clock, in working days. */
  time: number;
  /** Every change of the run, made up front from the seed so two policies can share the same dice. */
  changes: Change[];
  /** How many changes (in readyAt order) have become ready so far. */
  arrived: number;
  /** Ids of ready changes waiting to ship, oldest first. */
  queue: number[];
  deploys: Deploy[];
  /** Scheduled deploy times of the policy, and how many of them have passed. */
  slots: number[];
  slotsDone: number;
  reships: Reship[];
  /** Production is down until this time (after the learner chose how to recover). */
  downUntil: number;
  /** The failed deploy awaiting the learner's choice of recovery, if any. */
  incident: number | null;
}

export type BatchAction = { type: 'tick' } | { type: 'ship' } | { type: 'recover'; how: Recovery };
