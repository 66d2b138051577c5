// Types of the capstone: one choice per lever learnt in the course, managed services, a seeded quarter of changes and incidents, and its scorecard.

export type TeamShape = 'silos' | 'middle' | 'shared';
export type Parity = 'none' | 'some' | 'full';
export type Tests = 'manual' | 'topheavy' | 'pyramid';
export type Iac = 'hand' | 'code';
export type DeployPolicy = 'monthly' | 'weekly' | 'daily' | 'continuous';
export type Flags = 'off' | 'on';

/** The six levers, one decision each. */
export interface Levers {
  team: TeamShape;
  parity: Parity;
  tests: Tests;
  iac: Iac;
  deploy: DeployPolicy;
  flags: Flags;
}
export type LeverName = keyof Levers;

/** Levers a managed cloud service can serve (team shape is people, not a product). */
export type ManagedLever = Exclude<LeverName, 'team'>;

export interface CapstoneParams {
  levers: Levers;
  /** Which levers are run on a managed service instead of by the team. */
  managed: Record<ManagedLever, boolean>;
  /** Working days in the quarter. */
  days: number;
  /** Changes the team could make ready a working day with no toil at all. */
  changesPerDay: number;
}

export interface Change {
  id: number;
  /** Working-day time it became ready (fractional). */
  readyAt: number;
  /** Whether the team had the capacity to build it this quarter (toil eats capacity). */
  built: boolean;
  /** A defect the tests missed, and one that shows only in production (an environment gap). */
  defective: boolean;
  envDefect: boolean;
  /** Caught by a dark launch before any user saw it (flags on): fixed and delayed a day. */
  caughtDark: boolean;
  /** When it may ship: ready, through the pipeline and any handoff. */
  releasableAt: number;
  /** Whether it is live in production now. */
  live: boolean;
  /** When it first went live for good, or null. */
  deployedAt: number | null;
}

export interface Deploy {
  id: number;
  at: number;
  changeIds: number[];
  failed: boolean;
}

export type IncidentKind = 'deploy' | 'infra';
export type Response = 'rollback' | 'fix-forward' | 'kill' | 'restore';

export interface Incident {
  id: number;
  kind: IncidentKind;
  /** Working-day time it started. */
  at: number;
  /** Hour of the clock it started (0 to 24). */
  hour: number;
  night: boolean;
  /** The failed deploy, for a deploy incident. */
  deployId: number | null;
  response: Response | null;
  /** Minutes from the start to service restored (detection included). */
  minutes: number;
  /** Outage minutes weighted by the share of users affected (a flag's small rollout counts a twentieth). */
  downtime: number;
}

export interface CapstoneState {
  params: CapstoneParams;
  seed: number;
  /** The next working day to play; the quarter ends at params.days with no incident open. */
  day: number;
  changes: Change[];
  /** Ids of changes waiting to ship, oldest first. */
  queue: number[];
  /** Changes that have become ready so far (in readyAt order). */
  arrived: number;
  deploys: Deploy[];
  /** Infrastructure incidents drawn up front (the deploy ones come from failed deploys). */
  scheduled: Array<{ at: number; hour: number }>;
  incidents: Incident[];
  /** Ids of incidents waiting for an answer, oldest first. */
  open: number[];
}

export type CapstoneAction = { type: 'day' } | { type: 'respond'; how: Response };

export type CapstoneSummary = Record<string, number | null>;

/** The scenario's values as the missions see them (src/schemas/capstone-scenario.ts defines the fields; a test checks they agree). */
export interface CapstoneValues extends Levers {
  mparity: boolean;
  mtests: boolean;
  miac: boolean;
  mdeploy: boolean;
  mflags: boolean;
  days: number;
  rate: number;
}
