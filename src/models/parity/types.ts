// Types of the environment-parity model: the five differences, the fixes that close them, the changes and deploys it tracks.

/** The five ways development usually differs from production (lesson 6). */
export type Family = 'colocation' | 'security' | 'library' | 'neighbour' | 'data';

/** The parity practices the learner can pay for; each closes one family's gap in some environments. */
export type Fix = 'containers' | 'network' | 'lockfile' | 'pin' | 'data';

/** The environments a change passes through, in order. */
export type Env = 'development' | 'staging' | 'production';

export interface ParityParams {
  /** Working days simulated (65 is a quarter). */
  days: number;
  /** Mean number of changes written each working day (Poisson arrivals). */
  changesPerDay: number;
  /** Chance that a change leans on one difference between development and production (it would break where that difference is gone). */
  dependShare: number;
  /** Working days between scheduled deploys (a deploy at the end of every `every`-th day). */
  every: number;
  /** Mean number of new library or neighbouring-service versions development picks up each working day. */
  versionsPerDay: number;
  /** The fixes bought, each at most once. */
  fixes: readonly Fix[];
  /** Engineer-days available for fixes. */
  budget: number;
  /** Minutes to find and fix a failure at a developer's desk. */
  devMinutes: number;
  /** Minutes to find and fix a failure in staging. */
  stagingMinutes: number;
  /** Minutes a production failure costs before anyone looks for the cause: the page, waking up, restoring service. */
  pageMinutes: number;
  /** Minutes per change in the deploy to find which one broke production. */
  findMinutesPerChange: number;
}

export interface Change {
  id: number;
  /** When it was written, in working days from the start (fractional). */
  readyAt: number;
  /** The difference it would lean on, drawn for every change (it matters only when `depends`). */
  family: Family;
  /** Whether it really leans on that difference: it breaks in the first environment where the difference is closed. */
  depends: boolean;
  /** Where it failed, or null when it never did (or has not met its environment yet). */
  failedIn: Env | null;
  /** Minutes spent finding and fixing its failure (0 if none). */
  findMinutes: number;
  /** The deploy that took it to production, or null while it waits. */
  deployId: number | null;
}

export interface Deploy {
  id: number;
  /** Working-day time of the deploy. */
  at: number;
  changeIds: number[];
  /** Changes that failed in staging on the way (found, fixed and shipped in the same deploy). */
  stagingIds: number[];
  /** Changes that failed in production after this deploy (a night-time page each). */
  productionIds: number[];
  /** How many versions development was ahead of production just before this deploy. */
  versionGap: number;
}

export interface ParityState {
  params: ParityParams;
  /** The next working day to simulate; the run ends when it reaches params.days. */
  day: number;
  /** Every change of the run, made up front from the seed: the learner's choices never shift them. */
  changes: Change[];
  /** How many changes (in readyAt order) have been written so far. */
  arrived: number;
  /** Ids of written changes waiting for the next deploy, oldest first. */
  queue: number[];
  deploys: Deploy[];
  /** Times at which development picked up a newer library or neighbour version, drawn up front. */
  versionTimes: number[];
}

/** `day`: simulate one working day (writing, desk failures, a scheduled deploy at its end). `deploy`: ship what waits now. */
export type ParityAction = { type: 'day' } | { type: 'deploy' };

/** The headline results of a run: counts, costs in hours, and the version gap in versions. */
export interface ParitySummary {
  [key: string]: number | null;
  changes: number;
  shipped: number;
  waiting: number;
  /** Changes that lean on a difference. */
  leaning: number;
  /** Changes that lean on a difference and reached production. */
  shippedLeaning: number;
  failedDevelopment: number;
  failedStaging: number;
  failedProduction: number;
  /** Production failures as a share of the shipped changes that lean on a difference (null when none shipped). */
  productionShare: number | null;
  prodColocation: number;
  prodSecurity: number;
  prodLibrary: number;
  prodNeighbour: number;
  prodData: number;
  /** Hours spent finding and fixing failures in every environment. */
  findHours: number;
  deploys: number;
  /** How many versions development ran ahead of production, averaged over the run's time. */
  versionGap: number;
  /** The most versions development was ahead just before a deploy (or at the end). */
  versionGapMax: number;
  /** Engineer-days spent on fixes. */
  spent: number;
}
