// The browser's progress store: trusts what it wrote itself, validates anything else off the critical path, and syncs across tabs.
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import { BACKUP_PREFIX, PROGRESS_KEY, PROGRESS_VERSION, SIGNATURE_KEY, emptyProgress, signature } from '../lib/progress-keys.ts';
import type { ReadResult } from '../lib/progress-read.ts';
import type { Progress } from '../schemas/progress.ts';

export interface Notice {
  tone: 'info' | 'warning';
  message: string;
}

/** The validator, loaded only when saved data needs it (it carries zod). */
export interface Reader {
  readProgress: (raw: string) => ReadResult;
}

export interface StoreOptions {
  /** Where progress is saved; null when the browser refuses storage (progress then lives for this page only). */
  storage: Storage | null;
  /** Loads the validator. It may fail (a flaky network, an old tab after a release): saving then pauses, nothing is lost. */
  loadReader: () => Promise<Reader>;
  now?: () => Date;
}

export interface ProgressStore {
  /** The learner's progress. Change it only through `update`. */
  $progress: ReadableAtom<Progress>;
  /** A message about saved data the learner should see (reset, migrated, saving paused), or null. */
  $notice: WritableAtom<Notice | null>;
  /** Applies a pure change to progress and saves it, after any validation in flight; never drops a change. */
  update: (change: (p: Progress) => Progress) => void;
  /** Settles once every validation and update queued so far has run, with the progress then. */
  ready: () => Promise<Progress>;
  /** A new saved value written by another tab (from the storage event); null when it was removed. */
  receive: (raw: string | null) => void;
  /** Tries again to validate saved data and save what waits, when saving is paused (say, when the network returns). */
  retry: () => void;
  /** Whether saving is paused (the validator did not load, or the saved data comes from a newer release). */
  isPaused: () => boolean;
}

export const PAUSED_MESSAGE =
  'Saving is paused: the part of the course that checks your saved progress did not load (the network may be down, or the course was updated since this tab opened). Your saved progress is untouched. What you do on this page is kept here and saved as soon as that part loads: the course tries again with each change and when the network returns, or reload the page.';

export const NEWER_MESSAGE =
  'Saving is paused: your progress was saved by a newer version of the course, open in another tab. It is untouched. Reload this page to continue with the newer version.';

export function createProgressStore({ storage, loadReader, now = () => new Date() }: StoreOptions): ProgressStore {
  const $notice = atom<Notice | null>(null);

  /** The saved value, parsed, when its signature and version show this code wrote it; null when it must be validated. */
  const trusted = (raw: string): Progress | null => {
    try {
      if (storage?.getItem(SIGNATURE_KEY) !== signature(raw)) return null;
      const value = JSON.parse(raw) as Progress | null;
      return value?.version === PROGRESS_VERSION ? value : null;
    } catch {
      return null;
    }
  };

  /** A saved value not yet validated: nothing is written over it until it has been read. */
  let unread: string | null = null;
  /** Changes made while saving was paused, replayed on the validated value once the validator loads. */
  const unsaved: ((p: Progress) => Progress)[] = [];
  let paused = false;
  let chain: Promise<void> = Promise.resolve();

  const initialRaw = (() => {
    try {
      return storage?.getItem(PROGRESS_KEY) ?? null;
    } catch {
      return null;
    }
  })();
  let initial = emptyProgress();
  if (initialRaw) {
    const value = trusted(initialRaw);
    if (value) initial = value;
    else unread = initialRaw;
  }
  const $progress = atom<Progress>(initial);

  const write = (value: Progress): void => {
    $progress.set(value);
    if (!storage) return;
    const raw = JSON.stringify(value);
    try {
      storage.setItem(SIGNATURE_KEY, signature(raw));
      storage.setItem(PROGRESS_KEY, raw);
    } catch {
      $notice.set({ tone: 'warning', message: 'Your progress could not be saved: this browser’s storage is full or blocked. It is kept on this page only.' });
    }
  };

  const replay = (base: Progress): Progress =>
    unsaved.splice(0).reduce((p, change) => {
      try {
        return change(p);
      } catch (error) {
        console.error('A progress change could not be applied:', error);
        return p;
      }
    }, base);

  /** Validates the unread saved value, if any. Returns whether the store may write. */
  const settle = async (): Promise<boolean> => {
    if (unread === null) return true;
    let reader: Reader;
    try {
      reader = await loadReader();
    } catch (error) {
      console.warn('The progress validator did not load; saving is paused:', error);
      // Said once, when saving pauses: each later change retries, and repeating the notice would re-announce it every time.
      if (!paused) $notice.set({ tone: 'warning', message: PAUSED_MESSAGE });
      paused = true;
      return false;
    }
    const raw = unread;
    const result = reader.readProgress(raw);
    if (result.status === 'newer') {
      paused = true;
      $notice.set({ tone: 'warning', message: NEWER_MESSAGE });
      return false;
    }
    unread = null;
    if (paused) $notice.set(null);
    paused = false;
    if (result.status === 'reset') {
      const backupKey = `${BACKUP_PREFIX}${now().toISOString()}`;
      try {
        storage?.setItem(backupKey, raw);
      } catch {
        /* storage full: the reset still goes ahead, the notice says where a copy would be */
      }
      $notice.set({
        tone: 'warning',
        message: `Your saved progress could not be read (${result.reason}), so it was reset. A copy of the old data is kept in this browser under “${backupKey}”.`,
      });
    } else if (result.status === 'migrated') {
      $notice.set({ tone: 'info', message: `Your saved progress was updated from an older format (version ${result.from}). Nothing was lost.` });
    }
    write(replay(result.progress));
    return true;
  };

  const enqueue = (task: () => Promise<void>): void => {
    chain = chain.then(task).catch((error: unknown) => console.error('A progress update failed:', error));
  };

  if (unread !== null) enqueue(async () => void (await settle()));

  const update = (change: (p: Progress) => Progress): void =>
    enqueue(async () => {
      if (await settle()) {
        write(change($progress.get()));
        return;
      }
      const next = change($progress.get());
      unsaved.push(change);
      $progress.set(next);
    });

  const receive = (raw: string | null): void =>
    enqueue(async () => {
      if (!raw) {
        unread = null;
        $progress.set(replay(emptyProgress()));
        return;
      }
      const value = trusted(raw);
      if (!value) {
        unread = raw;
        await settle();
        return;
      }
      unread = null;
      if (paused) $notice.set(null);
      paused = false;
      if (unsaved.length) write(replay(value));
      else $progress.set(value);
    });

  const ready = (): Promise<Progress> => chain.then(() => $progress.get());
  const retry = (): void => {
    if (paused) enqueue(async () => void (await settle()));
  };

  if (!storage) {
    $notice.set({ tone: 'warning', message: 'This browser does not let the course save progress, so it will be forgotten when you close the tab.' });
  }
  return { $progress, $notice, update, ready, receive, retry, isPaused: () => paused };
}

function browserStorage(): Storage | null {
  try {
    const s = window.localStorage;
    s.getItem(PROGRESS_KEY);
    return s;
  } catch {
    return null;
  }
}

const storage = browserStorage();
const store = createProgressStore({ storage, loadReader: () => import('../lib/progress-read.ts') });

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.storageArea !== storage) return;
    if (event.key === PROGRESS_KEY || event.key === null) store.receive(event.key === null ? null : event.newValue);
  });
  window.addEventListener('online', () => store.retry());
}

/** The learner's progress on this page: read it with get/subscribe/listen, change it with `update`. */
export const $progress = store.$progress;
/** A message about saved data the learner should see, or null. */
export const $notice = store.$notice;
/** Changes progress with a pure function and saves it, e.g. `update((p) => recordSimRun(p, 'batch', run))`. */
export const update = store.update;
/** Resolves with progress once saved data has been validated (immediately when it was trusted). */
export const ready = store.ready;
/** Tries saving again when it is paused; `isPaused` says whether it still is. */
export const retry = store.retry;
export const isPaused = store.isPaused;
