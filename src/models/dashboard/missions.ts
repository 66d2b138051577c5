// Missions for the metrics dashboard: read the four keys from your own runs, then lift the weakest one.
import type { Mission } from '../../sim-kit/core/missions.ts';
import { BANDS, placeAll } from '../dora/bands.ts';
import { DORA_METRICS, cleanRuns, keyValues, wall } from './model.ts';
import type { DashboardState } from './types.ts';

export interface DashboardValues {
  /** Recent runs each tile is taken over. */
  window: number;
}

/** The weakest key before the newest run, and whether the newest run lifted it into a better band. */
export function liftedWeakest(state: DashboardState, window: number): { key: string | null; lifted: boolean } {
  const { runs } = cleanRuns(state.runs);
  if (runs.length < 2) return { key: null, lifted: false };
  const before = placeAll(keyValues(runs.slice(0, -1), window));
  const after = placeAll(keyValues(runs, window));
  const key = before.weakest;
  if (key === null) return { key, lifted: false };
  const was = before.bands[key];
  const now = after.bands[key];
  return { key, lifted: was !== null && now !== null && BANDS.indexOf(now) < BANDS.indexOf(was) };
}

export const dashboardMissions: ReadonlyArray<Mission<DashboardValues, DashboardState>> = [
  {
    id: 'all-four-keys',
    title: 'All four keys on the wall',
    goal: 'Put all four DORA keys on your wall from your own runs (not the sample), each placed in its 2024 band, so the weakest key can be named.',
    won: (state, values) => {
      if (!DORA_METRICS.every((id) => state.chosen.includes(id))) return false;
      const w = wall(state.runs, state.chosen, values.window);
      return !w.sample && w.tiles.filter((t) => DORA_METRICS.includes(t.id)).every((t) => t.band !== null);
    },
  },
  {
    id: 'lift-the-weakest',
    title: 'Lift the weakest key',
    goal: 'Play a run that moves the key that was weakest before it into a better band on your wall.',
    won: (state, values) => liftedWeakest(state, values.window).lifted,
  },
];
