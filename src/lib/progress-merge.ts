// Combining two sets of progress for an import: what each holds, lessons this course does not have, and a merge that keeps the most of both.
import type { Progress, SimRun } from '../schemas/progress.ts';
import { MAX_SIM_RUNS } from './progress.ts';

/** What a set of progress holds, in the terms the import question shows side by side. */
export interface ProgressSummary {
  completed: number;
  visited: number;
  quizzes: number;
  assessment: string | null;
  confidence: number;
  runs: number;
  missions: number;
  /** The newest date anywhere in it, or null when it holds nothing. */
  latest: string | null;
}

const earlier = (a: string | undefined, b: string | undefined): string | undefined => (a === undefined ? b : b === undefined || a <= b ? a : b);
const newer = <T extends { at: string }>(a: T | null, b: T | null): T | null => (a === null ? b : b === null || a.at >= b.at ? a : b);
const older = <T extends { at: string }>(a: T | null, b: T | null): T | null => (a === null ? b : b === null || a.at <= b.at ? a : b);

/** Every date a set of progress holds. */
function dates(p: Progress): string[] {
  const sims = Object.values(p.sims);
  return [
    ...Object.values(p.visited),
    ...Object.values(p.completed),
    ...(p.last ? [p.last.at] : []),
    ...(p.confidence.before ? [p.confidence.before.at] : []),
    ...(p.confidence.after ? [p.confidence.after.at] : []),
    ...(p.assessment ? [p.assessment.at] : []),
    ...sims.flatMap((s) => s.runs.map((r) => r.at)),
    ...sims.flatMap((s) => Object.values(s.missions)),
  ];
}

export function summarize(p: Progress): ProgressSummary {
  const sims = Object.values(p.sims);
  return {
    completed: Object.keys(p.completed).length,
    visited: Object.keys(p.visited).length,
    quizzes: Object.keys(p.quiz).length,
    assessment: p.assessment?.at ?? null,
    confidence: (p.confidence.before ? 1 : 0) + (p.confidence.after ? 1 : 0),
    runs: sims.reduce((n, s) => n + s.runs.length, 0),
    missions: sims.reduce((n, s) => n + Object.keys(s.missions).length, 0),
    latest: dates(p).reduce<string | null>((max, d) => (max === null || d > max ? d : max), null),
  };
}

/** Whether a set of progress holds nothing at all worth keeping. */
export function isEmpty(p: Progress): boolean {
  return summarize(p).latest === null && Object.keys(p.quiz).length === 0;
}

/** Removes lessons this course does not have (a retired lesson, a file from another edition) and names them. */
export function dropUnknownLessons(p: Progress, known: readonly string[]): { progress: Progress; dropped: string[] } {
  const keep = new Set(known);
  const dropped = new Set<string>();
  const filter = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.entries(record).filter(([slug]) => {
        if (keep.has(slug)) return true;
        dropped.add(slug);
        return false;
      }),
    );
  const progress: Progress = { ...p, visited: filter(p.visited), completed: filter(p.completed), quiz: filter(p.quiz) };
  if (p.last && !keep.has(p.last.slug)) {
    dropped.add(p.last.slug);
    progress.last = null;
  }
  return { progress, dropped: [...dropped].sort() };
}

function mergeDates(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...b };
  for (const [key, at] of Object.entries(a)) out[key] = earlier(at, Object.hasOwn(b, key) ? b[key] : undefined)!;
  return out;
}

/** Runs from both sides, one per date and result code, oldest first, the newest MAX_SIM_RUNS kept. */
export function mergeRuns(a: readonly SimRun[], b: readonly SimRun[]): SimRun[] {
  const byKey = new Map<string, SimRun>();
  for (const run of [...a, ...b]) {
    const key = `${run.at}\n${run.code}`;
    if (!byKey.has(key)) byKey.set(key, run);
  }
  return [...byKey.values()].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)).slice(-MAX_SIM_RUNS);
}

/**
 * Keeps the most of two sets of progress (`mine`, the browser's, and `theirs`, a file's): every lesson visited or completed
 * at its earliest date, every quiz answer (mine where both answered), the later resume point, the earlier "before" and
 * the later "after" confidence check, the later assessment, all simulation runs (the newest MAX_SIM_RUNS) and every
 * mission at the date it was first won.
 */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  const quiz: Progress['quiz'] = { ...theirs.quiz };
  for (const [slug, answers] of Object.entries(mine.quiz)) quiz[slug] = { ...(Object.hasOwn(theirs.quiz, slug) ? theirs.quiz[slug] : {}), ...answers };
  const sims: Progress['sims'] = { ...theirs.sims };
  for (const [id, sim] of Object.entries(mine.sims)) {
    const other = Object.hasOwn(theirs.sims, id) ? theirs.sims[id]! : { runs: [], missions: {} };
    sims[id] = { runs: mergeRuns(sim.runs, other.runs), missions: mergeDates(sim.missions, other.missions) };
  }
  return {
    version: mine.version,
    visited: mergeDates(mine.visited, theirs.visited),
    completed: mergeDates(mine.completed, theirs.completed),
    quiz,
    last: newer(mine.last, theirs.last),
    confidence: { before: older(mine.confidence.before, theirs.confidence.before), after: newer(mine.confidence.after, theirs.confidence.after) },
    assessment: newer(mine.assessment, theirs.assessment),
    sims,
  };
}
