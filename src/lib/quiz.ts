// Pure quiz scoring: the pass mark and a score from saved answers.

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
