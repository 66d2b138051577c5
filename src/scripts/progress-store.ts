// The browser's progress store: trusts what it wrote itself, validates anything else off the critical path, and syncs across tabs.
import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { BACKUP_PREFIX, PROGRESS_KEY, SIGNATURE_KEY, emptyProgress, signature } from '../lib/progress.ts';
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

/** The saved value, parsed, when its signature shows this code wrote it; null when it must be validated. */
function trusted(raw: string | null | undefined): Progress | null {
  if (!raw || storage()?.getItem(SIGNATURE_KEY) !== signature(raw)) return null;
  try {
    return JSON.parse(raw) as Progress;
  } catch {
    return null;
  }
}

/** Every update waits for any validation in flight, so nothing is ever written over data not yet read. */
let pending: Promise<void> = Promise.resolve();

/** Validates an untrusted saved value with zod (loaded only now), then stores the result: kept, migrated, or reset with a backup. */
function validate(raw: string): void {
  pending = pending.then(async () => {
    const { readProgress } = await import('../lib/progress-read.ts');
    const result = readProgress(raw);
    const s = storage();
    if (result.status === 'reset') {
      const backupKey = `${BACKUP_PREFIX}${new Date().toISOString()}`;
      try {
        s?.setItem(backupKey, raw);
      } catch {
        /* storage full: the reset still goes ahead, the notice says so */
      }
      $notice.set({
        tone: 'warning',
        message: `Your saved progress could not be read (${result.reason}), so it was reset. A copy of the old data is kept in this browser under “${backupKey}”.`,
      });
    } else if (result.status === 'migrated') {
      $notice.set({ tone: 'info', message: `Your saved progress was updated from an older format (version ${result.from}). Nothing was lost.` });
    }
    $progress.set(result.progress);
  });
}

/** The learner's progress, persisted with its signature and synchronised with other tabs through the storage event. */
export const $progress = persistentAtom<Progress>(PROGRESS_KEY, emptyProgress(), {
  encode(value) {
    const raw = JSON.stringify(value);
    try {
      localStorage.setItem(SIGNATURE_KEY, signature(raw));
    } catch {
      /* no storage: progress lives in memory for this page */
    }
    return raw;
  },
  decode(raw) {
    const value = trusted(raw);
    if (value) return value;
    validate(raw);
    return emptyProgress();
  },
});

if (!storage()) {
  $notice.set({ tone: 'warning', message: 'This browser does not let the course save progress, so it will be forgotten when you close the tab.' });
}

export function update(change: (p: Progress) => Progress): void {
  pending = pending.then(() => $progress.set(change($progress.get())));
}
