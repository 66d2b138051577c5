// The test-portfolio missions: goals with numbers, each checked on a finished run.
import type { Mission } from '../../sim-kit/core/missions.ts';
import type { TestsValues } from '../../schemas/tests-scenario.ts';
import { summarize } from './model.ts';
import type { TestsState } from './types.ts';

/** Only the portfolio's shape is the learner's while a mission is attempted. */
const FIXED = ['effort', 'builds', 'defect', 'window'] as const;

export const MISSIONS: ReadonlyArray<Mission<TestsValues, TestsState>> = [
  {
    id: 'ten-minute-suite',
    title: 'Feedback in ten minutes',
    goal: 'Keep one run of the whole suite under 10 minutes and let no more than 14 defects escape over 120 builds.',
    fixed: FIXED,
    won(end) {
      const s = summarize(end);
      return s.suiteMinutes < 10 && s.escaped <= 14;
    },
  },
  {
    id: 'trusted-reds',
    title: 'Reds people believe',
    goal: 'Finish with no more than 5 red builds ignored while still catching at least 10 defects.',
    fixed: FIXED,
    won(end) {
      const s = summarize(end);
      return s.ignoredReds <= 5 && s.caught >= 10;
    },
  },
];
