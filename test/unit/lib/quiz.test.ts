// Tests for quiz scoring, the pass mark, first-attempt scoring, verdicts, and each learner's seeded choice order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreById } from '../../../src/lib/assessment.ts';
import { emptyProgress } from '../../../src/lib/progress.ts';
import {
  LEARNER_SEED_KEY,
  allAnswered,
  choiceOrder,
  clearAnswers,
  hasPassed,
  learnerSeed,
  parseSeed,
  passMark,
  recordFirstAttempt,
  score,
  verdict,
} from '../../../src/lib/quiz.ts';

describe('quiz scoring', () => {
  it('asks for three quarters of the questions, rounded up', () => {
    expect([4, 5, 6, 15].map(passMark)).toEqual([3, 4, 5, 12]);
  });
  it('counts only answers that match the key', () => {
    expect(score({ '0': 1, '1': 0, '3': 2 }, [1, 1, 0, 2])).toBe(2);
    expect(score(undefined, [1, 2])).toBe(0);
  });
  it('passes at the mark and not below it', () => {
    expect(hasPassed({ '0': 0, '1': 0, '2': 0 }, [0, 0, 0, 1])).toBe(true);
    expect(hasPassed({ '0': 0, '1': 0 }, [0, 0, 0, 1])).toBe(false);
    expect(hasPassed({}, [])).toBe(false);
  });
  it('scores the final assessment by question id, whatever order the questions are listed in', () => {
    const key = { q01: 1, q02: 0, q03: 2 };
    expect(scoreById({ q03: 2, q01: 1, q02: 3 }, key)).toBe(2);
    expect(scoreById({ q03: 2, q01: 1, q02: 3 }, { q02: 0, q03: 2, q01: 1 })).toBe(2);
    expect(scoreById(undefined, key)).toBe(0);
  });
  it('gives nothing for an answer to a question the assessment no longer has, or for a key inherited from Object', () => {
    expect(scoreById({ q09: 1 }, { q01: 1 })).toBe(0);
    expect(scoreById(JSON.parse('{"__proto__":{"q01":1}}') as Record<string, number>, { q01: 1 })).toBe(0);
  });
  it('knows when every question has an answer', () => {
    expect(allAnswered({ '0': 1, '1': 0 }, 2)).toBe(true);
    expect(allAnswered({ '0': 1, '2': 0 }, 3)).toBe(false);
    expect(allAnswered(undefined, 2)).toBe(false);
    expect(allAnswered({}, 0)).toBe(false);
  });
});

describe('first-attempt scoring', () => {
  it('keeps the first answer to a question and ignores later ones', () => {
    const first = recordFirstAttempt(emptyProgress(), 'agile', 2, 1);
    const again = recordFirstAttempt(first, 'agile', 2, 3);
    expect(again.quiz['agile']).toEqual({ '2': 1 });
    expect(again).toBe(first);
    expect(recordFirstAttempt(again, 'agile', 0, 3).quiz['agile']).toEqual({ '2': 1, '0': 3 });
  });
  it('forgets one lesson’s answers for a retake and leaves the others', () => {
    let p = recordFirstAttempt(emptyProgress(), 'agile', 0, 1);
    p = recordFirstAttempt(p, 'origins', 0, 2);
    const cleared = clearAnswers(p, 'agile');
    expect(cleared.quiz).toEqual({ origins: { '0': 2 } });
    expect(recordFirstAttempt(cleared, 'agile', 0, 3).quiz['agile']).toEqual({ '0': 3 });
    expect(clearAnswers(cleared, 'agile')).toBe(cleared);
  });
  it('says once, and plainly, whether an answer is right and on which try', () => {
    expect(verdict(true, 1)).toBe('Right.');
    expect(verdict(false, 1)).toBe('Not right.');
    expect(verdict(false, 2)).toBe('Still not right.');
    expect(verdict(true, 2)).toBe('Right on the second try.');
    expect(verdict(true, 4)).toBe('Right on try 4.');
  });
});

describe('the learner seed', () => {
  const memory = (initial?: string) => {
    const map = new Map<string, string>(initial === undefined ? [] : [[LEARNER_SEED_KEY, initial]]);
    return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  };
  it('creates a seed on first use, saves it under its own key, and returns the same one afterwards', () => {
    const store = memory();
    const seed = learnerSeed(store, () => 123456789);
    expect(seed).toBe(123456789);
    expect(store.map.get(LEARNER_SEED_KEY)).toBe('123456789');
    expect(learnerSeed(store, () => 42)).toBe(123456789);
  });
  it('replaces a damaged seed and still works without storage', () => {
    const store = memory('not a number');
    expect(learnerSeed(store, () => 7)).toBe(7);
    expect(store.map.get(LEARNER_SEED_KEY)).toBe('7');
    expect(learnerSeed(null, () => 9)).toBe(9);
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(learnerSeed(throwing, () => 5)).toBe(5);
  });
  it('reads only whole numbers that fit in 32 bits', () => {
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect([parseSeed('4294967296'), parseSeed('-1'), parseSeed('1e3'), parseSeed(''), parseSeed(null)]).toEqual([null, null, null, null, null]);
  });
});

describe('choice order', () => {
  it('is a permutation of the choices, the same for the same seed and question', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.nat({ max: 0xffffffff }), fc.string(), (count, seed, name) => {
        const order = choiceOrder(count, seed, name);
        expect([...order].sort()).toEqual(Array.from({ length: count }, (_, i) => i));
        expect(choiceOrder(count, seed, name)).toEqual(order);
      }),
    );
  });
  it('differs between learners and between questions, and puts the first choice everywhere about equally often', () => {
    const seen = new Set<string>();
    const firstAt = [0, 0, 0, 0];
    for (let seed = 0; seed < 400; seed++) {
      const order = choiceOrder(4, seed, 'agile:0');
      seen.add(order.join(''));
      firstAt[order.indexOf(0)]!++;
    }
    expect(seen.size).toBe(24);
    for (const n of firstAt) expect(n).toBeGreaterThan(60);
    const perQuestion = new Set(Array.from({ length: 10 }, (_, q) => choiceOrder(4, 99, `agile:${q}`).join('')));
    expect(perQuestion.size).toBeGreaterThan(3);
  });
});
