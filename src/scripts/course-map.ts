// Course map behaviour: completion per lesson, missions won, the overall bar, resume, and progress export/import.
import { $progress } from './progress-store.ts';
import { completion, exportProgress, missionsText, missionsWon } from '../lib/progress.ts';
import { setupResume } from './resume.ts';
import { downloadText } from '../lib/download.ts';

const box = document.querySelector<HTMLElement>('[data-course-progress]');
const slugs = (box?.dataset['slugs'] ?? '').split(' ').filter(Boolean);
const items = [...document.querySelectorAll<HTMLElement>('[data-lesson-item]')];
const titles = Object.fromEntries(
  items.map((li) => [
    li.dataset['lessonItem'] ?? '',
    li
      .querySelector('a')
      ?.textContent?.replace(/^\d+\.\s*/, '')
      .trim() ?? '',
  ]),
);

$progress.subscribe((p) => {
  const done = slugs.filter((s) => p.completed[s]).length;
  const bar = box?.querySelector('progress');
  if (bar) bar.value = done;
  const text = box?.querySelector('[data-progress-text]');
  if (text) text.textContent = `${done} of ${slugs.length} lessons completed (${Math.round(completion(p, slugs) * 100)}%).`;
  for (const li of items) {
    const slug = li.dataset['lessonItem'] ?? '';
    const state = p.completed[slug] ? 'completed' : p.visited[slug] ? 'started' : 'new';
    const el = li.querySelector<HTMLElement>('.state');
    if (el) el.dataset['state'] = state;
    const label = li.querySelector('[data-state-text]');
    if (label) label.textContent = state === 'completed' ? 'Completed' : state === 'started' ? 'Started' : 'Not started';
    const sim = li.dataset['sim'];
    const missions = li.querySelector<HTMLElement>('[data-missions-won]');
    if (sim && missions) {
      const total = li.dataset['missions'] ? Number(li.dataset['missions']) : undefined;
      const said = missionsText(Object.keys(missionsWon(p, sim)).length, Number.isFinite(total) ? total : undefined);
      missions.textContent = said ? ` · ${said}` : '';
      missions.hidden = !said;
    }
  }
});

setupResume(titles);

const status = document.querySelector<HTMLElement>('[data-import-status]');
function say(message: string, error = false): void {
  if (!status) return;
  status.textContent = message;
  status.classList.toggle('error', error);
}

document.querySelector('[data-export]')?.addEventListener('click', () => {
  downloadText(`ship-small-progress-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', exportProgress($progress.get()));
  say('Progress exported. Keep the file somewhere safe.');
});

const input = document.querySelector<HTMLInputElement>('[data-import]');
document.querySelector('[data-import-button]')?.addEventListener('click', () => input?.click());
input?.addEventListener('change', async () => {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  try {
    const { offerImport } = await import('./progress-import.ts');
    await offerImport(file, slugs, say);
  } catch (error) {
    console.warn('Import could not start:', error);
    say('Import failed: part of this page did not load (the network may be down). Nothing was changed; reload the page and try again.', true);
  }
});
