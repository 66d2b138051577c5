// The confidence check page: saves the ratings as "before" or "after" and shows both side by side.
import { $progress, ready, update } from './progress-store.ts';
import { recordConfidence } from '../lib/progress.ts';
import { fillConfidenceTable } from './confidence-table.ts';

const form = document.querySelector<HTMLFormElement>('[data-confidence]');
const compare = document.querySelector<HTMLElement>('[data-confidence-compare]');
const status = document.querySelector<HTMLElement>('[data-confidence-status]');

if (form) {
  const ids = (form.dataset['ids'] ?? '').split(' ').filter(Boolean);
  const when = () => (form.querySelector<HTMLInputElement>('input[name=when]:checked')?.value === 'after' ? 'after' : 'before');
  const load = () => {
    const saved = $progress.get().confidence[when()];
    for (const id of ids) {
      for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${id}"]`)) input.checked = saved?.ratings[id] === Number(input.value);
    }
  };
  /** Picks "after" once a "before" exists, and shows the saved ratings. */
  const restore = () => {
    const after = form.querySelector<HTMLInputElement>('input[name=when][value=after]');
    if (after && $progress.get().confidence.before) after.checked = true;
    load();
  };
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name=when]')) radio.addEventListener('change', load);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ratings: Record<string, number> = {};
    for (const id of ids) {
      const chosen = form.querySelector<HTMLInputElement>(`input[name="${id}"]:checked`);
      if (chosen) ratings[id] = Number(chosen.value);
    }
    const moment = when();
    update((p) => recordConfidence(p, moment, ratings));
    if (status) status.textContent = `Saved your answers ${moment === 'before' ? 'from before the course' : 'from the end of the course'}.`;
  });
  restore();
  // Saved progress may still be under validation: restore again once it is read, unless the learner has started.
  let touched = false;
  form.addEventListener('change', () => (touched = true), { once: true });
  void ready().then(() => {
    if (!touched) restore();
  });
  $progress.subscribe((p) => {
    if (compare) compare.hidden = !fillConfidenceTable(compare, p);
  });
}
