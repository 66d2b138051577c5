// An assessment page: shuffles choices per learner, scores all answers at once, explains each, and saves the full assessment's result.
import { $progress, update } from './progress-store.ts';
import { recordAssessment, scoreById } from '../lib/assessment.ts';
import type { AssessmentRecord } from '../schemas/progress.ts';
import { shuffleChoices } from './quiz-order.ts';

const form = document.querySelector<HTMLFormElement>('[data-assessment]');
if (form) {
  /** Question id -> the right choice. */
  const key = JSON.parse(form.dataset['key'] ?? '{}') as Record<string, number>;
  const total = Object.keys(key).length;
  const pass = Number(form.dataset['pass']);
  const save = form.dataset['save'] === 'yes';
  const status = form.querySelector<HTMLElement>('[data-assessment-status]');
  const retake = form.querySelector<HTMLButtonElement>('[data-retake]');
  const sets = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')];
  shuffleChoices(sets, 'assessment');

  /** Shows submitted answers (question id -> choice) with their feedback, or an open form for null. */
  const show = (answers: Record<string, number> | null, note = '') => {
    for (const set of sets) {
      const id = set.dataset['question'] ?? '';
      const feedback = set.querySelector<HTMLElement>('[data-feedback]');
      const chosen = answers && Object.hasOwn(answers, id) ? answers[id] : undefined;
      for (const input of set.querySelectorAll<HTMLInputElement>('input')) {
        input.checked = chosen !== undefined && Number(input.value) === chosen;
        input.disabled = answers !== null;
      }
      if (!feedback) continue;
      feedback.hidden = answers === null;
      if (answers === null) continue;
      const right = chosen === key[id];
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
      if (answers === null) status.textContent = note;
      else {
        const got = scoreById(answers, key);
        status.textContent = `You scored ${got} of ${total}: ${got >= pass ? 'a pass. Well done.' : `${pass} is a pass. The explanations and lesson links below show what to revisit.`}`;
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
    const missing = total - Object.keys(answers).length;
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
    /** A saved result as the page shows it: scored when its answers name their questions, explained when they do not. */
    const showSaved = (record: AssessmentRecord | null) => {
      if (record && Object.keys(record.answers).length === 0 && record.byPosition) {
        const day = new Date(record.at).toLocaleDateString('en', { dateStyle: 'long' });
        show(
          null,
          `You took an earlier version of this assessment on ${day}. Its questions have changed since, so those answers are kept in your progress but not scored here. Submit this one for a score.`,
        );
      } else show(record?.answers ?? null);
    };
    // Saved progress may still be under validation when the page opens: show the saved result as soon as it is read.
    let shown = $progress.get().assessment?.at;
    showSaved($progress.get().assessment);
    $progress.listen((p) => {
      if (p.assessment?.at === shown) return;
      shown = p.assessment?.at;
      showSaved(p.assessment);
    });
  } else show(null);
}
