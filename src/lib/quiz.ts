// Pure quiz logic: the pass mark, first-attempt scoring, verdict wording, and each learner's seeded choice order.
import type { Progress } from '../schemas/progress.ts';
import { recordAnswer } from './progress.ts';
import { streamSeed } from '../sim-kit/core/stream-seed.ts';

/** Where each learner's shuffle seed lives in localStorage, apart from progress. */
export const LEARNER_SEED_KEY = 'ship-small:learner-seed';

/** Questions a learner must get right to pass: three quarters, rounded up. */
export function passMark(total: number): number {
  return Math.ceil(total * 0.75);
}

/** How many saved answers match the answer key. */
export function score(answers: Readonly<Record<string, number>> | undefined, key: readonly number[]): number {
  if (!answers) return 0;
  return key.filter((answer, i) => answers[String(i)] === answer).length;
}

export function hasPassed(answers: Readonly<Record<string, number>> | undefined, key: readonly number[]): boolean {
  return key.length > 0 && score(answers, key) >= passMark(key.length);
}

/**
 * Saves a learner's first answer to a question and ignores every later one, so the saved answers are the scored
 * first attempts. Later tries are feedback only.
 */
export function recordFirstAttempt(progress: Progress, slug: string, question: number, choice: number): Progress {
  if (progress.quiz[slug]?.[String(question)] !== undefined) return progress;
  return recordAnswer(progress, slug, question, choice);
}

/** Forgets a lesson's answers, for a retake: the next answer to each question is a first attempt again. */
export function clearAnswers(progress: Progress, slug: string): Progress {
  if (!(slug in progress.quiz)) return progress;
  const { [slug]: _dropped, ...quiz } = progress.quiz;
  return { ...progress, quiz };
}

/** Have all the questions been answered (first attempts saved)? */
export function allAnswered(answers: Readonly<Record<string, number>> | undefined, total: number): boolean {
  return total > 0 && Array.from({ length: total }, (_, i) => answers?.[String(i)]).every((a) => a !== undefined);
}

/**
 * The verdict shown before a choice's explanation. `attempt` counts from 1; only the first is scored, so a later right
 * answer says which try it took.
 */
export function verdict(right: boolean, attempt: number): string {
  if (!right) return attempt === 1 ? 'Not right.' : 'Still not right.';
  if (attempt === 1) return 'Right.';
  return attempt === 2 ? 'Right on the second try.' : `Right on try ${attempt}.`;
}

/** A learner seed as saved: a whole number from 0 to 2^32 - 1, in decimal. */
export function parseSeed(raw: string | null): number | null {
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= 0xffffffff ? n : null;
}

/** The storage calls the seed needs: window.localStorage in the browser, a Map-backed fake in tests. */
export interface SeedStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * This learner's shuffle seed: the saved one, or a fresh one from `fresh` (crypto.getRandomValues in the browser) that
 * is saved for next time. Without storage (private mode, blocked) the fresh seed still orders this page.
 */
export function learnerSeed(storage: SeedStorage | null, fresh: () => number): number {
  let saved: number | null = null;
  try {
    saved = parseSeed(storage?.getItem(LEARNER_SEED_KEY) ?? null);
  } catch {
    /* unreadable storage: fall through to a fresh seed */
  }
  if (saved !== null) return saved;
  const seed = fresh() >>> 0;
  try {
    storage?.setItem(LEARNER_SEED_KEY, String(seed));
  } catch {
    /* full or blocked storage: the order holds for this page only */
  }
  return seed;
}

/**
 * The order to show `count` choices in: a permutation of 0..count-1, from a Fisher-Yates shuffle on the learner's
 * seed and the question's own name, so every question has its own order and a reload keeps it. Each swap draws from
 * the kit's seed mixer (`streamSeed`) rather than a full generator, which keeps pure-rand off prose pages; with at most
 * six choices the modulo's bias is below one part in 700 million.
 */
export function choiceOrder(count: number, seed: number, question: string): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = (streamSeed(seed | 0, `${question}#${i}`) >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
