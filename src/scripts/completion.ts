// The course summary page: fills lessons, quiz scores, the assessment, simulation runs and missions, and confidence from saved progress.
import { $progress } from './progress-store.ts';
import { fillConfidenceTable } from './confidence-table.ts';
import { scoreById } from '../lib/assessment.ts';
import { passMark, score } from '../lib/quiz.ts';
import { lastSimRun, missionsWon } from '../lib/progress.ts';
import type { Progress } from '../schemas/progress.ts';

const date = (iso: string) => new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** One table per simulation played: its last run (date, result code, each summary value) and the missions won. */
function fillSims(box: HTMLElement, p: Progress): void {
  const ids = Object.keys(p.sims).sort();
  const note = box.querySelector<HTMLElement>('[data-sims-note]');
  for (const old of box.querySelectorAll('[data-sim-summary]')) old.remove();
  if (note) note.hidden = ids.some((id) => lastSimRun(p, id) || Object.keys(missionsWon(p, id)).length);
  for (const id of ids) {
    const run = lastSimRun(p, id);
    const missions = Object.entries(missionsWon(p, id)).sort(([ma, a], [mb, b]) => (a === b ? ma.localeCompare(mb) : a < b ? -1 : 1));
    if (!run && missions.length === 0) continue;
    const section = element('section');
    section.dataset['simSummary'] = id;
    section.append(element('h3', `Simulation: ${id}`));
    if (run) {
      const table = element('table');
      table.className = 'data-table';
      table.append(element('caption', `The last run of ${id}`));
      const body = element('tbody');
      const row = (key: string, value: string) => {
        const tr = element('tr');
        const th = element('th', key);
        th.scope = 'row';
        tr.append(th, element('td', value));
        body.append(tr);
      };
      row('Simulation', id);
      row('Date', date(run.at));
      row('Result code', run.code);
      for (const [key, value] of Object.entries(run.summary)) row(key, value === null ? '–' : String(value));
      table.append(body);
      section.append(table);
    }
    section.append(
      element('p', missions.length ? `Missions won: ${missions.map(([mission, at]) => `${mission} (${date(at)})`).join(', ')}.` : 'No missions won yet.'),
    );
    box.append(section);
  }
}

const root = document.querySelector<HTMLElement>('[data-completion]');
if (root) {
  const keys = JSON.parse(root.dataset['keys'] ?? '{}') as Record<string, number[]>;
  /** Question id -> the right choice. */
  const assessmentKey = JSON.parse(root.dataset['assessmentKey'] ?? '{}') as Record<string, number>;
  const assessmentTotal = Object.keys(assessmentKey).length;
  const sims = root.querySelector<HTMLElement>('[data-sims]');
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
      const got = scoreById(p.assessment.answers, assessmentKey);
      result.textContent =
        Object.keys(p.assessment.answers).length === 0 && p.assessment.byPosition
          ? `Taken on ${date(p.assessment.at)} in an earlier version whose questions have changed, so it is not scored. Take the final assessment again for a score.`
          : `${got} of ${assessmentTotal} on ${date(p.assessment.at)}: ${got >= passMark(assessmentTotal) ? 'passed' : 'not passed yet'}.`;
    }
    if (sims) fillSims(sims, p);
    const any = fillConfidenceTable(root, p);
    const note = root.querySelector<HTMLElement>('[data-confidence-note]');
    if (note) note.hidden = any;
  });
}
