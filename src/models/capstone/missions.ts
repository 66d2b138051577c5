// Missions for the capstone: reach elite on every key, keep the nights quiet while shipping, and ship more by paying for less toil.
import type { Mission } from '../../sim-kit/core/missions.ts';
import { allElite } from '../dora/bands.ts';
import { placement, summarize } from './model.ts';
import type { CapstoneState, CapstoneValues } from './types.ts';

export const capstoneMissions: ReadonlyArray<Mission<CapstoneValues, CapstoneState>> = [
  {
    id: 'elite-quarter',
    title: 'Elite on every key',
    goal: 'Finish the quarter with all four keys in the 2024 elite band: several deploys a day, lead time under a day, failure rate near 5%, recovery under an hour.',
    won: (end) => allElite(placement(end)),
  },
  {
    id: 'quiet-nights',
    title: 'Quiet nights',
    goal: 'Finish the quarter with at most 1 night-time page and under 60 minutes of downtime, with at least 250 features live.',
    won: (end) => {
      const s = summarize(end);
      return s.nightPages! <= 1 && s.downtimeMinutes! < 60 && s.featuresLive! >= 250;
    },
  },
  {
    id: 'ship-more',
    title: 'Buy back the week',
    goal: 'Finish the quarter elite on every key with at least 300 features live: find the toil worth paying a managed service to remove.',
    won: (end) => allElite(placement(end)) && summarize(end).featuresLive! >= 300,
  },
];
