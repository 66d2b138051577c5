// An assessment page: shuffles choices per learner, scores all answers at once, explains each, and saves the full assessment's result.
import { $progress, update } from './progress-store.ts';
import { recordAssessment } from '../lib/progress.ts';
import { score } from '../lib/quiz.ts';
import { shuffleChoices } from './quiz-order.ts';

const form = document.querySelector<HTMLFormElement>('[data-assessment]');
if (form) {
  const key = JSON.parse(form.dataset['key'] ?? '[]') as number[];
  const pass = Number(form.dataset['pass']);
  const save = form.dataset['save'] === 'yes';
  const status = form.querySelector<HTMLElement>('[data-assessment-status]');
  const retake = form.querySelector<HTMLButtonElement>('[data-retake]');
  const sets = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')];
  shuffleChoices(sets, 'assessment');

  const show = (answers: Record<string, number> | null) => {
    for (const set of sets) {
      const i = Number(set.dataset['question']);
      const feedback = set.querySelector<HTMLElement>('[data-feedback]');
      const chosen = answers?.[String(i)];
      for (const input of set.querySelectorAll<HTMLInputElement>('input')) {
        input.checked = chosen !== undefined && Number(input.value) === chosen;
        input.disabled = answers !== null;
      }
      if (!feedback) continue;
      feedback.hidden = answers === null;
      if (answers === null) continue;
      const right = chosen === key[i];
      const verdict = feedback.querySelector<HTMLElement>('[data-verdict]');
      if (verdict) {
        verdict.className = `verdict ${right ? 'right' : 'wrong'}`;
        verdict.textContent = chosen === undefined ? 'Not answered. ' : right ? 'Right. ' : 'Not right. ';
      }
      const why = feedback.querySelector<HTMLElement>('[data-why]');
      if (why) why.textContent = chosen === undefined ? '' : (set.querySelector(`.quiz-explanations [data-choice="${chosen}"] .why`)?.textContent ?? '');
    }
    if (retake) retake.hidden = answers === null;
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit) submit.hidden = answers !== null;
    if (status) {
      if (answers === null) status.textContent = '';
      else {
        const got = score(answers, key);
        status.textContent = `You scored ${got} of ${key.length}: ${got >= pass ? 'a pass. Well done.' : `${pass} is a pass. The explanations and lesson links below show what to revisit.`}`;
      }
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers: Record<string, number> = {};
    for (const set of sets) {
      const chosen = set.querySelector<HTMLInputElement>('input:checked');
      if (chosen) answers[set.dataset['question'] ?? ''] = Number(chosen.value);
    }
    const missing = key.length - Object.keys(answers).length;
    if (missing > 0 && !form.dataset['confirmed']) {
      form.dataset['confirmed'] = 'yes';
      if (status) status.textContent = `${missing} question${missing === 1 ? ' is' : 's are'} still unanswered. Submit again to score anyway.`;
      return;
    }
    if (save) update((p) => recordAssessment(p, answers));
    show(answers);
    status?.focus();
  });
  retake?.addEventListener('click', () => {
    delete form.dataset['confirmed'];
    show(null);
    sets[0]?.querySelector('input')?.focus();
  });
  if (status) status.tabIndex = -1;
  if (save) {
    // Saved progress may still be under validation when the page opens: show the saved result as soon as it is read.
    let shown = $progress.get().assessment?.at;
    show($progress.get().assessment?.answers ?? null);
    $progress.listen((p) => {
      if (p.assessment?.at === shown) return;
      shown = p.assessment?.at;
      show(p.assessment?.answers ?? null);
    });
  } else show(null);
}
