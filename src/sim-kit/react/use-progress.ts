// The learner's saved progress, read live: the server render and hydration see none, so the markup matches, and the saved record follows at once.
import { useEffect, useState } from 'react';
import { emptyProgress } from '../../lib/progress-keys.ts';
import { $progress } from '../../scripts/progress-store.ts';
import type { Progress } from '../../schemas/progress.ts';

const EMPTY = emptyProgress();

/** React's useSyncExternalStore does this with a server snapshot; Preact's ignores that argument, so the island subscribes once mounted. */
export function useProgress(): Progress {
  const [progress, setProgress] = useState(EMPTY);
  useEffect(() => $progress.subscribe(setProgress), []);
  return progress;
}
