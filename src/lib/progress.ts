// Pure progress updates, with no validation code: what every page needs (lib/progress-read.ts validates untrusted data).
import type { Confidence, Progress } from '../schemas/progress.ts';

export const PROGRESS_KEY = 'ship-small:progress';
export const BACKUP_PREFIX = 'ship-small:progress-backup:';
/** Where the store keeps the signature of the last value it wrote itself. */
export const SIGNATURE_KEY = 'ship-small:progress-signature';

/**
 * A fingerprint (FNV-1a, 32 bits) of a saved value. The store writes it beside every value it saves; a value whose
 * fingerprint matches came from this code and needs no validation, anything else (older, damaged, edited) is validated.
 * It guards against accidents, not attackers: someone who edits both keys gets what they wrote.
 */
export function signature(raw: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < raw.length; i++) hash = Math.imul(hash ^ raw.charCodeAt(i), 0x01000193);
  return `v3:${(hash >>> 0).toString(36)}:${raw.length}`;
}

export function emptyProgress(): Progress {
  return { version: 3, visited: {}, completed: {}, quiz: {}, last: null, confidence: { before: null, after: null }, assessment: null };
}

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

export function recordAssessment(progress: Progress, answers: Record<string, number>, now: Date = new Date()): Progress {
  return { ...progress, assessment: { at: now.toISOString(), answers } };
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
