// Missions for the environment-parity sim: goals with numbers, each checked on a finished run.
import type { Mission } from '../../sim-kit/core/missions.ts';
import type { ParityValues } from '../../schemas/parity-scenario.ts';
import { isOver, summarize } from './model.ts';
import type { ParityState } from './types.ts';

/** The settings a mission keeps as the scenario gave them, so the goal is met by choosing fixes and a deploy interval, not by changing the world. */
const WORLD = ['days', 'rate', 'depend', 'versions', 'budget', 'devmin', 'stagemin', 'pagemin', 'findmin'] as const;

export const parityMissions: ReadonlyArray<Mission<ParityValues, ParityState>> = [
  {
    id: 'most-gone',
    title: 'Most surprises gone',
    goal: 'Within the budget of 6 engineer-days, let at most half of the shipped changes that lean on a difference fail in production.',
    setup: { budget: 6 },
    fixed: WORLD,
    won: (end) => {
      const s = summarize(end);
      return isOver(end) && s.productionShare !== null && s.productionShare <= 0.5;
    },
  },
  {
    id: 'close-versions',
    title: 'Keep up with the versions',
    goal: 'Finish the quarter with development less than 1 version ahead of production on average, and nothing left waiting to ship.',
    fixed: WORLD,
    won: (end) => {
      const s = summarize(end);
      return isOver(end) && s.versionGap < 1 && s.waiting === 0;
    },
  },
  {
    id: 'cheap-finds',
    title: 'Cheap finds',
    goal: 'Spend under 120 hours in the quarter finding and fixing failures, counting desk, staging and night-time finds.',
    fixed: WORLD,
    won: (end) => isOver(end) && summarize(end).findHours < 120,
  },
  {
    id: 'no-scaling-surprise',
    title: 'No scaling surprise',
    goal: 'Let no scaling failure reach production while development stays under 1.5 versions ahead of production on average.',
    fixed: WORLD,
    won: (end) => {
      const s = summarize(end);
      return isOver(end) && s.prodData === 0 && s.versionGap < 1.5;
    },
  },
];
