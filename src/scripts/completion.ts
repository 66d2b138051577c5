// The course summary page: fills lessons, quiz scores, the assessment and confidence from saved progress.
import { $progress } from './progress-store.ts';
import { fillConfidenceTable } from './confidence-table.ts';
import { passMark, score } from '../lib/quiz.ts';

const root = document.querySelector<HTMLElement>('[data-completion]');
if (root) {
  const keys = JSON.parse(root.dataset['keys'] ?? '{}') as Record<string, number[]>;
  const assessmentKey = JSON.parse(root.dataset['assessmentKey'] ?? '[]') as number[];
  const date = (iso: string) => new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
  $progress.subscribe((p) => {
    let done = 0;
    for (const row of root.querySelectorAll<HTMLElement>('[data-lesson-row]')) {
      const slug = row.dataset['lessonRow'] ?? '';
      const completed = p.completed[slug];
      if (completed) done++;
      const doneCell = row.querySelector('[data-done]');
      if (doneCell) doneCell.textContent = completed ? date(completed) : 'not yet';
      const key = keys[slug] ?? [];
      const answers = p.quiz[slug];
      const scoreCell = row.querySelector('[data-score]');
      if (scoreCell) scoreCell.textContent = answers ? `${score(answers, key)} of ${key.length}` : 'not taken';
    }
    const line = root.querySelector('[data-summary-line]');
    if (line) line.textContent = `You have completed ${done} of ${Object.keys(keys).length} lessons.`;
    const result = root.querySelector('[data-assessment-result]');
    if (result && p.assessment) {
      const got = score(p.assessment.answers, assessmentKey);
      result.textContent = `${got} of ${assessmentKey.length} on ${date(p.assessment.at)}: ${got >= passMark(assessmentKey.length) ? 'passed' : 'not passed yet'}.`;
    }
    const any = fillConfidenceTable(root, p);
    const note = root.querySelector<HTMLElement>('[data-confidence-note]');
    if (note && any) note.hidden = true;
  });
}
