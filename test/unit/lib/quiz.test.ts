// Tests for quiz scoring and the pass mark.
import { describe, expect, it } from 'vitest';
import { hasPassed, passMark, score } from '../../../src/lib/quiz.ts';

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
});
