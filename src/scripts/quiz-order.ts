// Puts each question's choices (and their explanations) in this learner's own seeded order, kept across reloads.
import { choiceOrder, learnerSeed } from '../lib/quiz.ts';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/**
 * Reorders the elements marked `data-choice` inside each of `questions` (labels, and explanation items when present) by
 * the learner's seed and `${name}:${data-shuffle, or the question's number}`. The values stay the authored indices, so saved answers still match.
 */
export function shuffleChoices(questions: readonly HTMLElement[], name: string): void {
  const seed = learnerSeed(storage(), freshSeed);
  questions.forEach((question, i) => {
    const groups = new Map<Element, HTMLElement[]>();
    for (const el of question.querySelectorAll<HTMLElement>('[data-choice]')) {
      const parent = el.parentElement;
      if (parent) groups.set(parent, [...(groups.get(parent) ?? []), el]);
    }
    for (const [parent, items] of groups) {
      const order = choiceOrder(items.length, seed, `${name}:${question.dataset['shuffle'] ?? i}`);
      parent.append(...order.map((j) => items.find((el) => el.dataset['choice'] === String(j))!));
    }
  });
}
