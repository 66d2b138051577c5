// Importing a progress file on the course map: validates it, shows it beside this browser's progress, then merges, replaces or cancels, with undo.
import { importProgress } from '../lib/progress-read.ts';
import { dropUnknownLessons, isEmpty, mergeProgress, summarize, type ProgressSummary } from '../lib/progress-merge.ts';
import { BACKUP_PREFIX } from '../lib/progress.ts';
import type { Progress } from '../schemas/progress.ts';
import { isPaused, ready, retry, update } from './progress-store.ts';

/** Where the progress from before the latest import is kept (one copy, replaced by the next import). */
export const IMPORT_BACKUP_KEY = `${BACKUP_PREFIX}before-import`;

type Say = (message: string, error?: boolean) => void;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' }) : 'nothing yet');

const ROWS: [string, (s: ProgressSummary) => string][] = [
  ['Lessons completed', (s) => String(s.completed)],
  ['Lessons opened', (s) => String(s.visited)],
  ['Quizzes answered', (s) => String(s.quizzes)],
  ['Final assessment', (s) => (s.assessment ? `taken ${day(s.assessment)}` : 'not taken')],
  ['Confidence checks', (s) => `${s.confidence} of 2`],
  ['Simulation runs saved', (s) => String(s.runs)],
  ['Missions won', (s) => String(s.missions)],
  ['Latest activity', (s) => day(s.latest)],
];

function backup(p: Progress): void {
  try {
    localStorage.setItem(IMPORT_BACKUP_KEY, JSON.stringify({ savedAt: new Date().toISOString(), progress: p }));
  } catch {
    /* no room: undo still works on this page */
  }
}

let undoOffer: AbortController | undefined;
/** The question on screen, if any: a new file replaces it. */
let asking: AbortController | undefined;

/** Applies a change to progress, keeping what was there before (in storage and for the undo button). */
function apply(change: (p: Progress) => Progress, done: string, say: Say): void {
  let before: Progress | undefined;
  update((p) => {
    before = p;
    backup(p);
    return change(p);
  });
  void ready().then((after) => {
    say(
      `${done} This browser now holds ${plural(Object.keys(after.completed).length, 'completed lesson')}. Your progress from before the import is backed up.`,
    );
    const undo = document.querySelector<HTMLButtonElement>('[data-import-undo]');
    if (!undo || !before) return;
    undoOffer?.abort();
    undoOffer = new AbortController();
    const restore = before;
    undo.hidden = false;
    undo.addEventListener(
      'click',
      () => {
        update(() => restore);
        undo.hidden = true;
        undoOffer?.abort();
        say('Import undone: your progress is back as it was before.');
      },
      { signal: undoOffer.signal },
    );
  });
}

/** Reads a chosen file and, when it is usable, applies it straight away (nothing here yet) or asks merge, replace or cancel. */
export async function offerImport(file: File, slugs: readonly string[], say: Say): Promise<void> {
  const text = file.size > 1_000_000 ? '' : await file.text();
  const result = importProgress(text, file.size);
  if (!result.ok) {
    say(`Import failed: ${result.error}`, true);
    return;
  }
  const { progress: incoming, dropped } = dropUnknownLessons(result.progress, slugs);
  const notes = [
    result.migratedFrom ? `It was saved by an older version of the course (version ${result.migratedFrom}) and has been brought up to date.` : '',
    dropped.length
      ? `It mentions ${plural(dropped.length, 'lesson')} this course does not have (${dropped.join(', ')}), left out of the counts and not imported.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  // The validator is loaded now (this module imports it), so saving paused by a failed load can resume first.
  retry();
  const current = await ready();
  if (isPaused()) {
    say(
      'Import failed: saving is paused (see the notice at the top of the page), so the file could not be combined with your saved progress. Nothing was changed.',
      true,
    );
    return;
  }
  const compare = document.querySelector<HTMLElement>('[data-import-compare]');
  document.querySelector<HTMLButtonElement>('[data-import-undo]')?.setAttribute('hidden', '');
  if (isEmpty(current) || !compare) {
    apply(
      () => incoming,
      `Progress imported from ${file.name}: ${plural(Object.keys(incoming.completed).length, 'completed lesson')}.${notes ? ` ${notes}` : ''}`,
      say,
    );
    return;
  }

  const mine = summarize(current);
  const theirs = summarize(incoming);
  const rows = compare.querySelector('[data-import-rows]');
  rows?.replaceChildren(
    ...ROWS.map(([label, value]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      const a = document.createElement('td');
      a.textContent = value(mine);
      const b = document.createElement('td');
      b.textContent = value(theirs);
      tr.append(th, a, b);
      return tr;
    }),
  );
  const older = theirs.latest !== null && mine.latest !== null && theirs.latest < mine.latest;
  const intro = compare.querySelector('[data-import-intro]');
  if (intro) {
    intro.textContent = `${file.name} holds ${plural(theirs.completed, 'completed lesson')}; this browser holds ${plural(mine.completed, 'completed lesson')}.${
      older ? ' The file is older than what this browser holds: replacing would lose the newer progress.' : ''
    }${notes ? ` ${notes}` : ''}`;
  }
  say('');
  compare.hidden = false;
  compare.querySelector<HTMLElement>('[data-import-heading]')?.focus();

  asking?.abort();
  const controller = new AbortController();
  asking = controller;
  const choice = await new Promise<string>((resolve) => {
    for (const button of compare.querySelectorAll<HTMLButtonElement>('[data-import-choice]')) {
      button.addEventListener(
        'click',
        () => {
          controller.abort();
          resolve(button.dataset['importChoice'] ?? 'cancel');
        },
        { signal: controller.signal },
      );
    }
  });
  compare.hidden = true;
  document.querySelector<HTMLElement>('[data-import-button]')?.focus();
  if (choice === 'merge') apply((p) => mergeProgress(p, incoming), `Merged ${file.name} into this browser’s progress.`, say);
  else if (choice === 'replace') apply(() => incoming, `Replaced this browser’s progress with ${file.name}.`, say);
  else say('Import cancelled. Nothing was changed.');
}
