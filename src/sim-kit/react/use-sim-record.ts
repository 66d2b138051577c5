// A sim's saved record in the learner's progress: its last runs and the missions won, read live and written through the store.
import { useSyncExternalStore } from 'react';
import { $progress, update } from '../../scripts/progress-store.ts';
import { emptyProgress, lastSimRun, missionsWon, recordSimRun, winMission } from '../../lib/progress.ts';
import type { SimRun } from '../../schemas/progress.ts';

const subscribe = (onChange: () => void) => $progress.subscribe(onChange);
const snapshot = () => $progress.get();
/** The server render (and hydration) sees no saved progress, so the markup matches; the client's saved record follows at once. */
const EMPTY = emptyProgress();
const serverSnapshot = () => EMPTY;

export function useSimRecord(simId: string) {
  const progress = useSyncExternalStore(subscribe, snapshot, serverSnapshot);
  return {
    lastRun: lastSimRun(progress, simId),
    won: missionsWon(progress, simId),
    save: (run: SimRun, missions: readonly string[]) => update((p) => missions.reduce((next, id) => winMission(next, simId, id), recordSimRun(p, simId, run))),
  };
}
