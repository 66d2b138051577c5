// Missions for the handoff pipeline: goals with numbers, each checked by the model on a finished run.
import type { Mission } from '../../sim-kit/core/missions.ts';
import type { HandoffValues } from '../../schemas/handoff-scenario.ts';
import { isOver } from './model.ts';
import { summarize } from './metrics.ts';
import type { HandoffState } from './types.ts';

/** Every item live: a run cut off at the time cap wins nothing. */
const finished = (end: HandoffState) => isOver(end) && !end.capped;

export const MISSIONS: ReadonlyArray<Mission<HandoffValues, HandoffState>> = [
  {
    id: 'early-feedback',
    title: 'Hear from production in six weeks',
    goal: 'Starting from waterfall, get the first feedback from real use back to the team by day 30 (six working weeks), with teams as busy as before.',
    setup: { way: 'waterfall', batch: 0, cadence: 'way', fast: false, busy: 50 },
    fixed: ['busy', 'fast'],
    won: (end, values) => finished(end) && !values.fast && values.busy >= 50 && (summarize(end).firstFeedbackDay ?? Infinity) <= 30,
  },
  {
    id: 'flow-efficiency',
    title: 'Mostly working, not waiting',
    goal: 'Finish a run in which items are worked on for more than 40% of their lead time (flow efficiency above 40%), without making the teams faster.',
    setup: { fast: false },
    fixed: ['fast'],
    won: (end, values) => finished(end) && !values.fast && (summarize(end).flowEfficiency ?? 0) > 0.4,
  },
  {
    id: 'empty-door',
    title: 'Nothing waits at the door',
    goal: 'Keep the agile team exactly as it is and change only how Release and Operations ship, so that no more than 2 finished items ever wait at the door to Release and they wait 2 working days or less on average.',
    setup: { way: 'agile', batch: 0, wip: 0, fast: false, busy: 50 },
    fixed: ['way', 'batch', 'wip', 'fast', 'busy'],
    won: (end, values) => {
      const s = summarize(end);
      return finished(end) && values.way === 'agile' && values.batch === 0 && !values.fast && s.doorPeak <= 2 && (s.doorWaitMean ?? Infinity) <= 2;
    },
  },
  {
    id: 'beat-twice-as-fast',
    title: 'Faster than twice as fast',
    goal: 'In waterfall, with quarterly releases and teams at their usual speed, get the median lead time under 100 working days: every team twice as fast only gets there about one run in seven.',
    setup: { way: 'waterfall', cadence: 'way', fast: false, busy: 50 },
    fixed: ['way', 'cadence', 'fast', 'busy'],
    won: (end, values) =>
      finished(end) && values.way === 'waterfall' && values.cadence === 'way' && !values.fast && (summarize(end).leadMedian ?? Infinity) < 100,
  },
];
