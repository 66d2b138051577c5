// Types of the provisioning model: a declarative definition against imperative commands, hand patching, and a bad change on its way to a fleet.

export const SIZES = ['small', 'medium', 'large'] as const;
export type Size = (typeof SIZES)[number];

/** Ports a definition may open: SSH, HTTP, HTTPS and the database (PostgreSQL's 5432, which should never face the internet). */
export const PORTS = [22, 80, 443, 5432] as const;
export type Port = (typeof PORTS)[number];
export const DATABASE_PORT: Port = 5432;

/** The declared end state: how many web servers, of what size, with which ports open. */
export interface Definition {
  count: number;
  size: Size;
  /** Ascending, no repeats. */
  ports: Port[];
}

export interface Server {
  /** web-1, web-2, ... */
  name: string;
  size: Size;
  ports: Port[];
}

/** One step of a plan: what the tool will do to make the servers match the definition. */
export type PlanStep =
  | { op: 'create'; name: string; size: Size; ports: Port[] }
  | { op: 'update'; name: string; from: { size: Size; ports: Port[] }; to: { size: Size; ports: Port[] } }
  | { op: 'delete'; name: string };

export type PatchHow = 'hand' | 'definition';

export interface ProvisionParams {
  /** The definition the run starts from (the learner may edit it). */
  definition: Definition;
  /** Servers in the production fleet that is patched and that the colleague's change would reach. */
  fleet: number;
  /** Chance of missing any one server when patching by hand. */
  slip: number;
  /** Minutes to patch one server by hand. */
  handMinutes: number;
  /** Minutes for a colleague to review a change to the definition. */
  reviewMinutes: number;
  /** Minutes for the tool to apply a definition to the fleet. */
  applyMinutes: number;
  /** Minutes for a run through staging before production. */
  stagingMinutes: number;
  /** Chance that review catches the open database port. */
  reviewCatch: number;
  /** What `autoplay` does at the patch step. */
  patch: PatchHow;
  /** Whether `autoplay` has the colleague's change reviewed. */
  review: boolean;
  /** Whether `autoplay` runs the colleague's change through staging first. */
  staging: boolean;
}

export interface ApplyRecord {
  /** The definition applied. */
  definition: Definition;
  plan: PlanStep[];
  /** Servers after applying. */
  servers: number;
}

export interface PatchRecord {
  how: PatchHow;
  /** Fleet indices left unpatched. */
  missed: number[];
  minutes: number;
}

export interface ReleaseRecord {
  review: boolean;
  staging: boolean;
  caughtBy: 'review' | 'staging' | null;
  /** Fleet servers left with the database port open. */
  exposed: number;
  minutes: number;
}

export interface ProvisionState {
  params: ProvisionParams;
  /** The definition as edited now. */
  definition: Definition;
  /** The servers the definition manages (plan and apply). */
  declared: Server[];
  /** The servers the imperative commands made. */
  scripted: Server[];
  applies: ApplyRecord[];
  commandRuns: number;
  patch: PatchRecord | null;
  release: ReleaseRecord | null;
  /** One uniform draw per fleet server: missed when patching by hand if below the slip rate. Drawn up front. */
  slipDraws: number[];
  /** A uniform draw: review catches the open port when below the catch chance. */
  reviewDraw: number;
}

export type ProvisionAction =
  | { type: 'edit'; definition: Definition }
  | { type: 'apply' }
  | { type: 'run-commands' }
  | { type: 'patch'; how: PatchHow }
  | { type: 'release'; review: boolean; staging: boolean };

/** The guided steps, in order. */
export type Stage = 'plan-apply' | 'commands' | 'patch' | 'release' | 'done';

export interface ProvisionSummary {
  applies: number;
  /** Steps in the first plan and in the last one (0: nothing left to do). */
  firstPlanSteps: number | null;
  lastPlanSteps: number | null;
  /** Servers the definition asks for, and servers each way ended with. */
  declaredCount: number;
  declaredServers: number;
  commandRuns: number;
  scriptedServers: number;
  /** Servers beyond what the definition asks for, made by rerunning commands. */
  extraServers: number;
  fleet: number;
  /** Fleet servers the patch missed, or null before patching. */
  missed: number | null;
  /** Fleet size x slip rate: the missed servers to expect by hand. */
  expectedMissedByHand: number;
  patchMinutes: number | null;
  /** Fleet servers with the database port open after the colleague's change, or null before it. */
  exposed: number | null;
  caughtAtReview: number | null;
  caughtAtStaging: number | null;
  releaseMinutes: number | null;
}
