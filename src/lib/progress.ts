// Pure progress updates (visits, answers, confidence, simulation runs), with no validation code: lib/progress-read.ts validates untrusted data.
import type { Confidence, MissionId, Progress, SimId, SimRun } from '../schemas/progress.ts';

export { BACKUP_PREFIX, PROGRESS_KEY, PROGRESS_VERSION, SIGNATURE_KEY, emptyProgress, signature } from './progress-keys.ts';

/** At most this many finished runs are kept per simulation, the newest. */
export const MAX_SIM_RUNS = 20;
/** Limits on a saved run, shared with the schema so the pure updates never write what validation would refuse. */
export const SIM_RUN_LIMITS = { code: 200, query: 500, summaryKeys: 24, summaryString: 80 } as const;
/** Simulation and mission ids: lower-case letters, digits and hyphens, starting with a letter (never `__proto__`). */
export const SIM_ID_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
/** Keys of a run's summary: a letter, then letters and digits. */
export const SUMMARY_KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9]{0,31}$/;
/** An ISO date as `Date.toISOString` writes it. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

export function markVisited(progress: Progress, slug: string, now: Date = new Date()): Progress {
  const at = now.toISOString();
  return { ...progress, visited: { [slug]: at, ...progress.visited }, last: { slug, at } };
}

export function markComplete(progress: Progress, slug: string, now: Date = new Date()): Progress {
  if (progress.completed[slug]) return progress;
  return { ...progress, completed: { ...progress.completed, [slug]: now.toISOString() } };
}

export function markIncomplete(progress: Progress, slug: string): Progress {
  const { [slug]: _dropped, ...completed } = progress.completed;
  return { ...progress, completed };
}

export function recordAnswer(progress: Progress, slug: string, question: number, choice: number): Progress {
  return { ...progress, quiz: { ...progress.quiz, [slug]: { ...progress.quiz[slug], [String(question)]: choice } } };
}

export function recordConfidence(progress: Progress, when: 'before' | 'after', ratings: Confidence['ratings'], now: Date = new Date()): Progress {
  return { ...progress, confidence: { ...progress.confidence, [when]: { at: now.toISOString(), ratings } } };
}

/** Share of lessons completed, 0 to 1, counting only lessons that exist. */
export function completion(progress: Progress, slugs: readonly string[]): number {
  if (slugs.length === 0) return 0;
  return slugs.filter((slug) => progress.completed[slug]).length / slugs.length;
}

/** The file content of an export. */
export function exportProgress(progress: Progress, now: Date = new Date()): string {
  return `${JSON.stringify({ app: 'ship-small', kind: 'progress', exportedAt: now.toISOString(), progress }, null, 2)}\n`;
}

// Simulations: finished runs and missions won, per simulation.

type SimRecord = Progress['sims'][SimId];

/** An own entry of a record, so ids such as `constructor` never reach Object.prototype. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function checkId(kind: 'simulation' | 'mission', id: string): void {
  if (!SIM_ID_PATTERN.test(id)) {
    throw new RangeError(`A ${kind} id must be 1 to 32 lower-case letters, digits or hyphens starting with a letter; got ${JSON.stringify(id).slice(0, 40)}`);
  }
}

/** What is wrong with a run before it is saved, or null when it is fine. The same limits as the saved-progress schema. */
export function simRunProblem(run: SimRun): string | null {
  if (!ISO_DATE_PATTERN.test(run.at)) return `run.at must be an ISO date such as 2026-01-31T09:00:00.000Z; got ${JSON.stringify(run.at).slice(0, 40)}`;
  if (run.code.length > SIM_RUN_LIMITS.code) return `run.code is ${run.code.length} characters; at most ${SIM_RUN_LIMITS.code}`;
  if (run.query.length > SIM_RUN_LIMITS.query) return `run.query is ${run.query.length} characters; at most ${SIM_RUN_LIMITS.query}`;
  const entries = Object.entries(run.summary);
  if (entries.length > SIM_RUN_LIMITS.summaryKeys) return `run.summary has ${entries.length} keys; at most ${SIM_RUN_LIMITS.summaryKeys}`;
  for (const [key, value] of entries) {
    if (!SUMMARY_KEY_PATTERN.test(key)) return `run.summary key ${JSON.stringify(key).slice(0, 40)} must be a letter then up to 31 letters or digits`;
    if (typeof value === 'number' && !Number.isFinite(value)) return `run.summary.${key} must be a finite number; got ${value}`;
    if (typeof value === 'string' && value.length > SIM_RUN_LIMITS.summaryString) {
      return `run.summary.${key} is ${value.length} characters; at most ${SIM_RUN_LIMITS.summaryString}`;
    }
    if (value !== null && typeof value !== 'number' && typeof value !== 'string') return `run.summary.${key} must be a number, a string or null`;
  }
  return null;
}

function withSim(progress: Progress, simId: string, change: (sim: SimRecord) => SimRecord): Progress {
  checkId('simulation', simId);
  const sim = own(progress.sims, simId) ?? { runs: [], missions: {} };
  const next = change(sim);
  return next === sim ? progress : { ...progress, sims: { ...progress.sims, [simId]: next } };
}

/** Saves a finished run: appended after the others, keeping the newest MAX_SIM_RUNS. Throws a RangeError naming any bad field. */
export function recordSimRun(progress: Progress, simId: SimId, run: SimRun): Progress {
  const problem = simRunProblem(run);
  if (problem) throw new RangeError(`Cannot save a run of ${simId}: ${problem}`);
  const copy: SimRun = { at: run.at, code: run.code, query: run.query, summary: { ...run.summary } };
  return withSim(progress, simId, (sim) => ({ ...sim, runs: [...sim.runs, copy].slice(-MAX_SIM_RUNS) }));
}

/** Records a mission as won. Winning it again changes nothing: the first date is kept. */
export function winMission(progress: Progress, simId: SimId, missionId: MissionId, now: Date = new Date()): Progress {
  checkId('mission', missionId);
  return withSim(progress, simId, (sim) => (own(sim.missions, missionId) ? sim : { ...sim, missions: { ...sim.missions, [missionId]: now.toISOString() } }));
}

/** A simulation's saved runs, oldest first (empty when none). */
export function simRuns(progress: Progress, simId: SimId): readonly SimRun[] {
  return own(progress.sims, simId)?.runs ?? [];
}

/** The newest saved run of a simulation, or null. */
export function lastSimRun(progress: Progress, simId: SimId): SimRun | null {
  return simRuns(progress, simId).at(-1) ?? null;
}

/** The missions won in a simulation: mission id -> the ISO date it was first won (empty when none). */
export function missionsWon(progress: Progress, simId: SimId): Readonly<Record<MissionId, string>> {
  return own(progress.sims, simId)?.missions ?? {};
}

/** "2 missions won", or "2 of 5 missions won" when the total is known; empty when none is won yet. */
export function missionsText(won: number, total?: number): string {
  if (won <= 0) return '';
  const noun = (total ?? won) === 1 ? 'mission' : 'missions';
  return total === undefined ? `${won} ${noun} won` : `${won} of ${total} ${noun} won`;
}
