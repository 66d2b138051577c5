// The final assessment's saved answers: keyed by question id, recorded with their date and scored by id (apart from the lesson quizzes).
import type { Progress } from '../schemas/progress.ts';

/** A final-assessment question id: q and two or three digits. */
export const QUESTION_ID_PATTERN = /^q\d{2,3}$/;

/** Saves a submitted final assessment: question id -> chosen choice. Throws a RangeError naming a key that is not a question id. */
export function recordAssessment(progress: Progress, answers: Readonly<Record<string, number>>, now: Date = new Date()): Progress {
  const bad = Object.keys(answers).find((id) => !QUESTION_ID_PATTERN.test(id));
  if (bad !== undefined) throw new RangeError(`Assessment answers are saved by question id (such as q07); got ${JSON.stringify(bad).slice(0, 40)}`);
  return { ...progress, assessment: { at: now.toISOString(), answers: { ...answers } } };
}

/**
 * The final assessment's score: answers (question id -> choice) matching the key (question id -> right choice). An answer
 * to a question the key does not hold (one since removed) scores nothing, and a question's place on the page never matters.
 */
export function scoreById(answers: Readonly<Record<string, number>> | undefined, key: Readonly<Record<string, number>>): number {
  if (!answers) return 0;
  return Object.entries(key).filter(([id, right]) => Object.hasOwn(answers, id) && answers[id] === right).length;
}
