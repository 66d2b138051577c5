// A sim's saved record in the learner's progress: its last runs and the missions won, read live and written through the store.
import { update } from '../../scripts/progress-store.ts';
import { lastSimRun, missionsWon, recordSimRun, winMission } from '../../lib/progress.ts';
import type { SimRun } from '../../schemas/progress.ts';
import { useProgress } from './use-progress.ts';

export function useSimRecord(simId: string) {
  const progress = useProgress();
  return {
    lastRun: lastSimRun(progress, simId),
    won: missionsWon(progress, simId),
    save: (run: SimRun, missions: readonly string[]) => update((p) => missions.reduce((next, id) => winMission(next, simId, id), recordSimRun(p, simId, run))),
  };
}
