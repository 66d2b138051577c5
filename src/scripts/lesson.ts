// Lesson page behaviour: records the visit, runs the quiz (shuffled, first try scored), and completes the lesson by the pass rule.
import { $progress, update } from './progress-store.ts';
import { markComplete, markIncomplete, markVisited } from '../lib/progress.ts';
import { allAnswered, clearAnswers, hasPassed, passMark, recordFirstAttempt, score, verdict } from '../lib/quiz.ts';
import { shuffleChoices } from './quiz-order.ts';

const root = document.querySelector<HTMLElement>('[data-lesson]');
const slug = root?.dataset['lesson'];

function setupQuiz(quiz: HTMLElement, lessonSlug: string): void {
  const forms = [...quiz.querySelectorAll<HTMLFormElement>('form[data-question]')];
  const key = forms.map((f) => Number(f.dataset['answer']));
  const scoreLine = quiz.querySelector<HTMLElement>('[data-score]');
  const retake = quiz.querySelector<HTMLButtonElement>('[data-retake]');
  const pass = Number(quiz.dataset['pass']);
  /** Tries after the first, per question, on this page only: the saved (scored) answer is the first. */
  const tries = new Map<number, number>();
  shuffleChoices(forms, lessonSlug);

  const explain = (form: HTMLFormElement, choice: number, attempt: number) => {
    const right = choice === key[Number(form.dataset['question'])];
    const verdictEl = document.createElement('span');
    verdictEl.className = `verdict ${right ? 'right' : 'wrong'}`;
    verdictEl.textContent = `${verdict(right, attempt)} `;
    const why = form.querySelector<HTMLElement>(`.quiz-explanations [data-choice="${choice}"] .why`)?.textContent ?? '';
    const line = document.createElement('p');
    line.append(verdictEl, why);
    form.querySelector<HTMLElement>('[data-feedback]')?.replaceChildren(line);
    const details = form.querySelector<HTMLDetailsElement>('[data-explanations]');
    if (details) details.hidden = false;
  };

  const render = () => {
    const answers = $progress.get().quiz[lessonSlug];
    for (const form of forms) {
      const question = Number(form.dataset['question']);
      const first = answers?.[String(question)];
      const feedback = form.querySelector<HTMLElement>('[data-feedback]');
      if (first === undefined) {
        // Cleared (a retake, here or in another tab): only a question that shows an answer is reset. An unanswered one
        // keeps the choice the learner may be about to check, whatever else the save that called this changed.
        if (!tries.has(question) && !feedback?.hasChildNodes()) continue;
        tries.delete(question);
        feedback?.replaceChildren();
        const details = form.querySelector<HTMLDetailsElement>('[data-explanations]');
        if (details) Object.assign(details, { hidden: true, open: false });
        for (const input of form.querySelectorAll<HTMLInputElement>('input[type=radio]')) input.checked = false;
      } else if (!tries.has(question) && !feedback?.hasChildNodes()) {
        const input = form.querySelector<HTMLInputElement>(`input[value="${first}"]`);
        if (input) input.checked = true;
        explain(form, first, 1);
      }
    }
    const answered = answers ? Object.keys(answers).length : 0;
    const passed = hasPassed(answers, key);
    if (scoreLine) {
      scoreLine.textContent = answered ? `First-try score: ${score(answers, key)} of ${key.length}${passed ? ' (passed)' : `; ${pass} needed to pass`}.` : '';
    }
    if (retake) retake.hidden = passed || !allAnswered(answers, key.length);
  };

  for (const form of forms) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (!chosen) return;
      const question = Number(form.dataset['question']);
      const choice = Number(chosen.value);
      const isFirst = $progress.get().quiz[lessonSlug]?.[String(question)] === undefined;
      const attempt = isFirst ? 1 : (tries.get(question) ?? 1) + 1;
      if (!isFirst) tries.set(question, attempt);
      explain(form, choice, attempt);
      if (isFirst) {
        update((p) => {
          const next = recordFirstAttempt(p, lessonSlug, question, choice);
          return hasPassed(next.quiz[lessonSlug], key) ? markComplete(next, lessonSlug) : next;
        });
      }
    });
  }
  retake?.addEventListener('click', () => {
    update((p) => clearAnswers(p, lessonSlug));
    forms[0]?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
  });
  render();
  $progress.listen(render);
}

function setupCompletion(lessonSlug: string, key: readonly number[]): void {
  const button = document.querySelector<HTMLButtonElement>('[data-complete-toggle]');
  const hint = document.querySelector<HTMLElement>('[data-complete-hint]');
  const status = document.querySelectorAll<HTMLElement>('[data-lesson-status]');
  const render = () => {
    const progress = $progress.get();
    const done = Boolean(progress.completed[lessonSlug]);
    // The stated rule: a lesson is complete once its quiz is passed on first tries; a lesson without a quiz by the button.
    const allowed = done || key.length === 0 || hasPassed(progress.quiz[lessonSlug], key);
    for (const el of status) {
      el.textContent = done ? 'Completed' : 'Not completed yet';
      el.dataset['shown'] = '';
    }
    if (button) {
      button.textContent = done ? 'Mark as not complete' : 'Mark lesson complete';
      button.setAttribute('aria-pressed', String(done));
      button.hidden = !allowed;
    }
    if (hint) {
      hint.hidden = allowed;
      hint.textContent = `To complete this lesson, get ${passMark(key.length)} of ${key.length} quiz questions right on the first try.`;
    }
  };
  button?.addEventListener('click', () => {
    update((p) => (p.completed[lessonSlug] ? markIncomplete(p, lessonSlug) : markComplete(p, lessonSlug)));
  });
  render();
  $progress.subscribe(render);
}

/** Projector view: the arrow keys move between lessons. */
function setupPresentKeys(): void {
  if (!('present' in document.documentElement.dataset)) return;
  const keep = (href: string | null) => (href ? `${href}?present` : null);
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    const rel = event.key === 'ArrowRight' ? 'next' : event.key === 'ArrowLeft' ? 'prev' : null;
    const href = rel ? keep(document.querySelector<HTMLAnchorElement>(`a[rel=${rel}]`)?.getAttribute('href') ?? null) : null;
    if (href) window.location.href = href;
  });
}

if (slug) {
  setupPresentKeys();
  update((p) => markVisited(p, slug));
  const quiz = document.querySelector<HTMLElement>('[data-quiz]');
  const key = [...(quiz?.querySelectorAll<HTMLElement>('form[data-question]') ?? [])].map((f) => Number(f.dataset['answer']));
  setupCompletion(slug, key);
  if (quiz) setupQuiz(quiz, slug);
}
