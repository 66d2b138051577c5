// The drift missions: goals with numbers, each checked on a finished quarter.
import type { Mission } from '../../sim-kit/core/missions.ts';
import type { DriftValues } from '../../schemas/drift-scenario.ts';
import { summarize } from './model.ts';
import type { DriftState } from './types.ts';

/** Everything but how events are fixed stays as the scenario set it while a mission is attempted. */
const FIXED = [
  'servers',
  'events',
  'hand',
  'code',
  'days',
  'disks',
  'mismatch',
  'incident',
  'rebuild',
  'rediscover',
  'fault',
  'review',
  'undo',
  'revert',
  'broken',
] as const;

export const MISSIONS: ReadonlyArray<Mission<DriftValues, DriftState>> = [
  {
    id: 'one-configuration',
    title: 'One fleet, one configuration',
    goal: 'Finish the quarter with every server on the same configuration, spending under 2,200 minutes (about 37 hours) of team time in all.',
    fixed: FIXED,
    won(end) {
      const s = summarize(end);
      return s.configurations === 1 && s.totalMinutes < 2200;
    },
  },
  {
    id: 'rebuild-any-server',
    title: 'Rebuild any server in half an hour',
    goal: 'End the quarter able to rebuild any server in 30 minutes or less, with at most one “works on one server, fails on another” incident.',
    fixed: FIXED,
    won(end) {
      const s = summarize(end);
      return s.worstRebuildMinutes <= 30 && s.incidents <= 1;
    },
  },
];
