// The browser's progress store: boots from localStorage (backing up and reporting bad data), then stays in sync across tabs.
import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { BACKUP_PREFIX, PROGRESS_KEY, emptyProgress, readProgress } from '../lib/progress.ts';
import type { Progress } from '../schemas/progress.ts';

export interface Notice {
  tone: 'info' | 'warning';
  message: string;
}

/** A message about saved data the learner should see (reset or migrated), or null. */
export const $notice = atom<Notice | null>(null);

function storage(): Storage | null {
  try {
    const s = window.localStorage;
    s.getItem(PROGRESS_KEY);
    return s;
  } catch {
    return null;
  }
}

function boot(): void {
  const s = storage();
  if (!s) {
    $notice.set({ tone: 'warning', message: 'This browser does not let the course save progress, so it will be forgotten when you close the tab.' });
    return;
  }
  const raw = s.getItem(PROGRESS_KEY);
  const result = readProgress(raw);
  if (result.status === 'reset') {
    const backupKey = `${BACKUP_PREFIX}${new Date().toISOString()}`;
    try {
      s.setItem(backupKey, raw ?? '');
    } catch {
      /* storage full: the reset still goes ahead, the notice says so */
    }
    s.setItem(PROGRESS_KEY, JSON.stringify(result.progress));
    $notice.set({
      tone: 'warning',
      message: `Your saved progress could not be read (${result.reason}), so it was reset. A copy of the old data is kept in this browser under “${backupKey}”.`,
    });
  } else if (result.status === 'migrated') {
    s.setItem(PROGRESS_KEY, JSON.stringify(result.progress));
    $notice.set({ tone: 'info', message: `Your saved progress was updated from an older format (version ${result.from}). Nothing was lost.` });
  }
}

boot();

/** The learner's progress, persisted and synchronised with other tabs through the storage event. */
export const $progress = persistentAtom<Progress>(PROGRESS_KEY, emptyProgress(), {
  encode: JSON.stringify,
  decode: (raw) => readProgress(raw).progress,
});

export function update(change: (p: Progress) => Progress): void {
  $progress.set(change($progress.get()));
}
