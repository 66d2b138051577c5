// Lesson page behaviour: records the visit, runs the quiz, and keeps "mark complete" in step with saved progress.
import { $progress, update } from './progress-store.ts';
import { markComplete, markIncomplete, markVisited, recordAnswer } from '../lib/progress.ts';
import { hasPassed, score } from '../lib/quiz.ts';

const root = document.querySelector<HTMLElement>('[data-lesson]');
const slug = root?.dataset['lesson'];

function setupQuiz(quiz: HTMLElement, lessonSlug: string): void {
  const forms = [...quiz.querySelectorAll<HTMLFormElement>('form[data-question]')];
  const key = forms.map((f) => Number(f.dataset['answer']));
  const scoreLine = quiz.querySelector<HTMLElement>('[data-score]');
  const pass = Number(quiz.dataset['pass']);

  const show = (form: HTMLFormElement, choice: number, announce: boolean) => {
    const question = Number(form.dataset['question']);
    const right = choice === key[question];
    const input = form.querySelector<HTMLInputElement>(`input[value="${choice}"]`);
    if (input) input.checked = true;
    const feedback = form.querySelector<HTMLElement>('[data-feedback]');
    const why = form.querySelectorAll<HTMLElement>('.quiz-explanations .why')[choice]?.textContent ?? '';
    if (feedback && (announce || !feedback.hasChildNodes())) {
      const verdict = document.createElement('span');
      verdict.className = `verdict ${right ? 'right' : 'wrong'}`;
      verdict.textContent = right ? 'Correct. ' : 'Not quite. ';
      const line = document.createElement('p');
      line.append(verdict, why);
      feedback.replaceChildren(line);
    }
    form.querySelector('details')?.setAttribute('open', '');
  };

  const render = () => {
    const answers = $progress.get().quiz[lessonSlug];
    for (const form of forms) {
      const saved = answers?.[form.dataset['question'] ?? ''];
      if (saved !== undefined) show(form, saved, false);
    }
    const answered = answers ? Object.keys(answers).length : 0;
    if (scoreLine) {
      scoreLine.textContent = answered
        ? `Score: ${score(answers, key)} of ${key.length}${hasPassed(answers, key) ? ' (passed)' : `; ${pass} needed to pass`}.`
        : '';
    }
  };

  for (const form of forms) {
    form.querySelector('details')?.removeAttribute('open');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (!chosen) return;
      const question = Number(form.dataset['question']);
      const choice = Number(chosen.value);
      update((p) => {
        const next = recordAnswer(p, lessonSlug, question, choice);
        return hasPassed(next.quiz[lessonSlug], key) ? markComplete(next, lessonSlug) : next;
      });
      show(form, choice, true);
    });
  }
  render();
  $progress.listen(render);
}

function setupCompletion(lessonSlug: string): void {
  const button = document.querySelector<HTMLButtonElement>('[data-complete-toggle]');
  const status = document.querySelectorAll<HTMLElement>('[data-lesson-status]');
  const render = () => {
    const done = Boolean($progress.get().completed[lessonSlug]);
    for (const el of status) el.textContent = done ? 'Completed' : 'Not completed yet';
    if (button) {
      button.textContent = done ? 'Mark as not complete' : 'Mark lesson complete';
      button.setAttribute('aria-pressed', String(done));
    }
  };
  button?.addEventListener('click', () => {
    update((p) => (p.completed[lessonSlug] ? markIncomplete(p, lessonSlug) : markComplete(p, lessonSlug)));
  });
  if (button) button.hidden = false;
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
  setupCompletion(slug);
  const quiz = document.querySelector<HTMLElement>('[data-quiz]');
  if (quiz) setupQuiz(quiz, slug);
}
