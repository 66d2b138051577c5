// The batch-size missions: goals with win states the model checks on a finished quarter.
import type { Mission } from '../../sim-kit/core/missions.ts';
import { allElite } from '../dora/bands.ts';
import { summarize } from './metrics.ts';
import type { BatchState } from './types.ts';

/** The scenario values a mission reads (a subset of the batch fields, kept structural so the model never imports the schema). */
export interface MissionValues {
  policy: string;
  defect: number;
}

export const batchMissions: ReadonlyArray<Mission<MissionValues, BatchState>> = [
  {
    id: 'elite-every-key',
    title: 'Elite on every key',
    goal: 'Finish a quarter with all four DORA keys in the 2024 elite band: several deploys a day, lead time under a day, about 5% of deploys failing, recovery under an hour.',
    won: (end) => allElite(summarize(end).placement),
  },
  {
    id: 'weak-tests-short-outages',
    title: 'Weak tests, short outages',
    goal: 'With the weak test suite (8% of changes break production), get 95% of the quarter’s changes into production with under 24 hours of downtime.',
    setup: { defect: 8 },
    fixed: ['defect'],
    won: (end, values) => {
      const s = summarize(end);
      return values.defect >= 8 && s.changesReady > 0 && s.changesDeployed / s.changesReady >= 0.95 && s.downtimeMinutes < 24 * 60;
    },
  },
  {
    id: 'ship-it-yourself',
    title: 'Ship it yourself',
    goal: 'Deploy only when you press Ship, and get 95% of the quarter’s changes into production with fewer than one deploy in five failing.',
    setup: { policy: 'manual' },
    fixed: ['policy'],
    won: (end, values) => {
      const s = summarize(end);
      return values.policy === 'manual' && s.changesReady > 0 && s.changesDeployed / s.changesReady >= 0.95 && s.deploys > 0 && s.changeFailureRate < 0.2;
    },
  },
];
