// Tests for the progress store on stubbed storage: trust, validation, a validator that fails to load, resets, other tabs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_PREFIX, PROGRESS_KEY, SIGNATURE_KEY, emptyProgress, markComplete, signature } from '../../../src/lib/progress.ts';
import { readProgress } from '../../../src/lib/progress-read.ts';
import { NEWER_MESSAGE, PAUSED_MESSAGE, createProgressStore, type Reader } from '../../../src/scripts/progress-store.ts';
import type { Progress } from '../../../src/schemas/progress.ts';

class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const now = new Date('2026-03-01T10:00:00.000Z');
const reader: Reader = { readProgress: (raw) => readProgress(raw, now) };
/** A validator that fails to load the first `failures` times it is asked for, then loads. */
const flaky = (failures: number) => {
  let calls = 0;
  const load = vi.fn(async () => {
    calls++;
    if (calls <= failures) throw new TypeError('Failed to fetch dynamically imported module');
    return reader;
  });
  return load;
};
const saveAsStore = (storage: MemoryStorage, p: Progress) => {
  const raw = JSON.stringify(p);
  storage.setItem(SIGNATURE_KEY, signature(raw));
  storage.setItem(PROGRESS_KEY, raw);
};
const saved = (storage: MemoryStorage) => JSON.parse(storage.getItem(PROGRESS_KEY) ?? 'null') as Progress | null;
const v3 = (completed: Record<string, string>) =>
  JSON.stringify({ version: 3, visited: {}, completed, quiz: {}, last: null, confidence: { before: null, after: null }, assessment: null });
const done = (slug: string) => (p: Progress) => markComplete(p, slug, now);

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the progress store', () => {
  it('reads what it wrote itself without loading the validator', async () => {
    const storage = new MemoryStorage();
    saveAsStore(storage, markComplete(emptyProgress(), 'origins', now));
    const loadReader = flaky(0);
    const store = createProgressStore({ storage, loadReader });
    expect(store.$progress.get().completed).toEqual({ origins: now.toISOString() });
    store.update(done('agile'));
    await store.ready();
    expect(loadReader).not.toHaveBeenCalled();
    expect(Object.keys(saved(storage)!.completed)).toEqual(['origins', 'agile']);
    expect(storage.getItem(SIGNATURE_KEY)).toBe(signature(storage.getItem(PROGRESS_KEY)!));
  });

  it('validates anything else, migrates it, saves it signed and says so', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, v3({ origins: now.toISOString() }));
    const store = createProgressStore({ storage, loadReader: flaky(0) });
    expect(store.$progress.get()).toEqual(emptyProgress());
    const p = await store.ready();
    expect(p.completed).toEqual({ origins: now.toISOString() });
    expect(saved(storage)).toEqual(p);
    expect(store.$notice.get()?.message).toMatch(/updated from an older format \(version 3\)/);
  });

  it('applies an update only after validation, so it never writes over data not yet read', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, v3({ origins: now.toISOString() }));
    const store = createProgressStore({ storage, loadReader: flaky(0) });
    store.update(done('agile'));
    await store.ready();
    expect(Object.keys(saved(storage)!.completed).sort()).toEqual(['agile', 'origins']);
  });

  it('when the validator fails to load, pauses saving, keeps the raw data untouched, and says so', async () => {
    const storage = new MemoryStorage();
    const raw = v3({ origins: now.toISOString() });
    storage.setItem(PROGRESS_KEY, raw);
    const store = createProgressStore({ storage, loadReader: flaky(10) });
    store.update(done('agile'));
    store.update(done('conway'));
    const p = await store.ready();
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw);
    expect(storage.getItem(SIGNATURE_KEY)).toBeNull();
    expect(store.$notice.get()).toEqual({ tone: 'warning', message: PAUSED_MESSAGE });
    expect(Object.keys(p.completed)).toEqual(['agile', 'conway']);
  });

  it('keeps the chain alive: once the validator loads, the saved data and every change made meanwhile are kept', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, v3({ origins: now.toISOString() }));
    const loadReader = flaky(2);
    const store = createProgressStore({ storage, loadReader });
    store.update(done('agile'));
    await store.ready();
    expect(store.$notice.get()?.message).toBe(PAUSED_MESSAGE);
    store.update(done('conway'));
    const p = await store.ready();
    expect(loadReader).toHaveBeenCalledTimes(3);
    expect(Object.keys(p.completed).sort()).toEqual(['agile', 'conway', 'origins']);
    expect(saved(storage)).toEqual(p);
    expect(store.$notice.get()?.message).toMatch(/updated from an older format/);
  });

  it('says saving is paused once: later changes retry quietly, and a dismissed notice stays dismissed while still paused', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, v3({ origins: now.toISOString() }));
    const loadReader = flaky(5);
    const store = createProgressStore({ storage, loadReader });
    const said: unknown[] = [];
    store.$notice.listen((notice) => said.push(notice));
    store.update(done('agile'));
    await store.ready();
    expect(store.$notice.get()?.message).toBe(PAUSED_MESSAGE);
    store.update(done('conway'));
    await store.ready();
    store.$notice.set(null);
    store.update(done('waterfall'));
    await store.ready();
    expect(loadReader).toHaveBeenCalledTimes(4);
    expect(store.isPaused()).toBe(true);
    expect(said).toEqual([{ tone: 'warning', message: PAUSED_MESSAGE }, null]);
  });

  it('resets unreadable data with a notice, keeping a backup of it', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, '{"version":2,');
    const store = createProgressStore({ storage, loadReader: flaky(0), now: () => now });
    await store.ready();
    expect(storage.getItem(`${BACKUP_PREFIX}${now.toISOString()}`)).toBe('{"version":2,');
    expect(saved(storage)).toEqual(emptyProgress());
    expect(store.$notice.get()?.message).toMatch(/could not be read \(the saved data is not valid JSON\), so it was reset/);
  });

  it('leaves progress saved by a newer release untouched and pauses saving', async () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 99, completed: { origins: now.toISOString() } });
    storage.setItem(PROGRESS_KEY, raw);
    const store = createProgressStore({ storage, loadReader: flaky(0) });
    store.update(done('agile'));
    await store.ready();
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw);
    expect(store.$notice.get()?.message).toBe(NEWER_MESSAGE);
  });

  it('survives a change that throws: later updates still save', async () => {
    const storage = new MemoryStorage();
    const store = createProgressStore({ storage, loadReader: flaky(0) });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    store.update(() => {
      throw new RangeError('bad run');
    });
    store.update(done('agile'));
    await store.ready();
    expect(error).toHaveBeenCalledOnce();
    expect(Object.keys(saved(storage)!.completed)).toEqual(['agile']);
  });

  it('tells the learner when storage is full, and keeps the change on the page', async () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const store = createProgressStore({ storage, loadReader: flaky(0) });
    store.update(done('agile'));
    const p = await store.ready();
    expect(p.completed).toHaveProperty('agile');
    expect(store.$notice.get()?.message).toMatch(/could not be saved/);
  });

  it('works without storage at all, saying progress lasts for this tab only', async () => {
    const store = createProgressStore({ storage: null, loadReader: flaky(0) });
    expect(store.$notice.get()?.message).toMatch(/does not let the course save progress/);
    store.update(done('agile'));
    expect((await store.ready()).completed).toHaveProperty('agile');
  });

  it('takes progress another tab saved without writing it back, and validates it when it did not come from this code', async () => {
    const storage = new MemoryStorage();
    const loadReader = flaky(0);
    const store = createProgressStore({ storage, loadReader });
    const other = markComplete(emptyProgress(), 'testing', now);
    saveAsStore(storage, other);
    const setItem = vi.spyOn(storage, 'setItem');
    store.receive(storage.getItem(PROGRESS_KEY));
    expect(await store.ready()).toEqual(other);
    expect(setItem).not.toHaveBeenCalled();
    expect(loadReader).not.toHaveBeenCalled();
    store.receive(v3({ origins: now.toISOString() }));
    expect((await store.ready()).completed).toEqual({ origins: now.toISOString() });
    expect(loadReader).toHaveBeenCalledOnce();
    store.receive(null);
    expect(await store.ready()).toEqual(emptyProgress());
  });
});

describe('retrying after a failed load', () => {
  it('saves what waited once a retry loads the validator, and does nothing when saving was never paused', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, v3({ origins: now.toISOString() }));
    const loadReader = flaky(2);
    const store = createProgressStore({ storage, loadReader });
    store.update(done('agile'));
    await store.ready();
    expect(store.$notice.get()?.message).toBe(PAUSED_MESSAGE);
    expect(store.isPaused()).toBe(true);
    store.retry();
    const p = await store.ready();
    expect(Object.keys(p.completed).sort()).toEqual(['agile', 'origins']);
    expect(saved(storage)).toEqual(p);
    expect(store.isPaused()).toBe(false);
    store.retry();
    await store.ready();
    expect(loadReader).toHaveBeenCalledTimes(3);
  });
});
