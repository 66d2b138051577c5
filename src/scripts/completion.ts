// The course summary page: fills lessons, quiz scores, the assessment, each simulation's best run and missions, confidence and next steps from saved progress.
import { $progress } from './progress-store.ts';
import { fillConfidenceTable } from './confidence-table.ts';
import { scoreById } from '../lib/assessment.ts';
import { passMark, score } from '../lib/quiz.ts';
import { missionsWon, simRuns } from '../lib/progress.ts';
import { bestSimRun, type BestRule } from '../lib/best-run.ts';
import type { Progress } from '../schemas/progress.ts';

const date = (iso: string) => new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Each simulation's row (runs, best run, missions), a table of each best run, and the missions total; returns the sims with missions left. */
function fillSims(root: HTMLElement, box: HTMLElement, p: Progress): string[] {
  const note = box.querySelector<HTMLElement>('[data-sims-note]');
  for (const old of box.querySelectorAll('[data-sim-summary]')) old.remove();
  let won = 0;
  let played = false;
  const left: string[] = [];
  for (const row of root.querySelectorAll<HTMLElement>('[data-sim-row]')) {
    const id = row.dataset['simRow'] ?? '';
    const title = row.querySelector('th')?.textContent?.trim() ?? id;
    const total = Number(row.dataset['total']);
    const runs = simRuns(p, id);
    const run = bestSimRun(runs, JSON.parse(row.dataset['rule'] ?? '[]') as BestRule);
    const missions = Object.entries(missionsWon(p, id)).sort(([ma, a], [mb, b]) => (a === b ? ma.localeCompare(mb) : a < b ? -1 : 1));
    won += missions.length;
    if (missions.length < total) left.push(id);
    const cell = (name: string, text: string) => {
      const el = row.querySelector(`[data-${name}]`);
      if (el) el.textContent = text;
    };
    cell('runs', String(runs.length));
    cell('best', run ? `${date(run.at)}: ${run.code}` : 'Not played yet');
    cell('won', `${missions.length} of ${total}`);
    if (!run && missions.length === 0) continue;
    played = true;
    const section = element('section');
    section.dataset['simSummary'] = id;
    section.append(element('h3', title));
    if (run) {
      const table = element('table');
      table.className = 'data-table';
      table.append(element('caption', `Your best run: ${title}`));
      const body = element('tbody');
      const add = (key: string, value: string) => {
        const tr = element('tr');
        const th = element('th', key);
        th.scope = 'row';
        tr.append(th, element('td', value));
        body.append(tr);
      };
      add('Date', date(run.at));
      add('Result code', run.code);
      for (const [key, value] of Object.entries(run.summary)) add(key, value === null ? '–' : String(value));
      table.append(body);
      section.append(table);
    }
    section.append(
      element(
        'p',
        missions.length
          ? `Missions won (${missions.length} of ${total}): ${missions.map(([mission, at]) => `${mission} (${date(at)})`).join(', ')}.`
          : `No missions won yet (${total} to win).`,
      ),
    );
    box.append(section);
  }
  if (note) note.hidden = played;
  const line = root.querySelector<HTMLElement>('[data-missions-total]');
  if (line) line.textContent = line.textContent!.replace(/\d+ of/, `${won} of`);
  return left;
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
    const left = sims ? fillSims(root, sims, p) : [];
    const any = fillConfidenceTable(root, p);
    const note = root.querySelector<HTMLElement>('[data-confidence-note]');
    if (note) note.hidden = any;
    const { before, after } = p.confidence;
    const mean = (c: typeof before) => {
      const xs = Object.values(c?.ratings ?? {});
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    };
    const [b, a] = [mean(before), mean(after)];
    const average = root.querySelector<HTMLElement>('[data-confidence-mean]');
    if (average) {
      average.hidden = b === null && a === null;
      average.textContent = `Average confidence, out of 5: ${b?.toFixed(1) ?? 'not rated'} before, ${a?.toFixed(1) ?? 'not rated'} after${a !== null && b !== null ? ` (${a >= b ? '+' : ''}${(a - b).toFixed(1)})` : ''}.`;
    }
    // What to do next: the first lesson not completed, two simulations with missions left, and the assessment and check if not done.
    const next = (selector: string, show: boolean) => {
      const el = root.querySelector<HTMLElement>(selector);
      if (el) el.hidden = !show;
    };
    const todo = Object.keys(keys).find((slug) => !p.completed[slug]);
    for (const slug of Object.keys(keys)) next(`[data-next-lesson="${slug}"]`, slug === todo);
    for (const row of root.querySelectorAll<HTMLElement>('[data-next-sim]')) row.hidden = !left.slice(0, 2).includes(row.dataset['nextSim']!);
    next('[data-next-assessment]', !p.assessment);
    next('[data-next-confidence]', !after);
  });
}
