// The workshop planner page: reads choices (and the link's query), lays out the agenda, and keeps the link in step.
import { FORMATS, clockTime, planAgenda, type AgendaLesson, type Format } from '../lib/agenda.ts';

const form = document.querySelector<HTMLFormElement>('[data-planner]');
const table = document.querySelector<HTMLTableElement>('[data-agenda]');
const fit = document.querySelector<HTMLElement>('[data-agenda-fit]');
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

function render(): void {
  if (!form || !table || !fit) return;
  const data = new FormData(form);
  const format = (data.get('format') as Format | null) ?? '90min';
  const start = /^\d{1,2}:\d{2}$/.test(String(data.get('start'))) ? String(data.get('start')) : '09:00';
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name=lesson]:checked')];
  const lessons: AgendaLesson[] = boxes.map((b) => ({
    slug: b.value,
    title: b.dataset['title'] ?? b.value,
    reading: Number(b.dataset['reading']),
    activity: Number(b.dataset['activity']),
    debrief: Number(b.dataset['debrief']),
  }));
  const query = new URLSearchParams({ format, start, lessons: lessons.map((l) => l.slug).join(',') });
  history.replaceState(null, '', `?${query}`);
  const body = table.tBodies[0]!;
  body.replaceChildren();
  table.hidden = lessons.length === 0;
  if (lessons.length === 0) {
    fit.textContent = 'Choose at least one lesson.';
    return;
  }
  const agenda = planAgenda(lessons, format);
  for (const item of agenda.items) {
    const row = body.insertRow();
    row.insertCell().textContent = clockTime(start, item.start);
    row.insertCell().textContent = String(item.minutes);
    const what = row.insertCell();
    if (item.slug) {
      const a = document.createElement('a');
      a.href = `${base}/instructor/${item.slug}/`;
      a.textContent = item.title;
      what.append(a, ` (${item.detail})`);
    } else what.textContent = item.title;
  }
  const label = FORMATS[format].label.toLowerCase();
  fit.textContent =
    agenda.slack >= 0
      ? `Fits a ${label}: ${agenda.used} minutes planned, ${agenda.slack} to spare for questions. Ends at ${clockTime(start, agenda.used)}.`
      : `Runs ${-agenda.slack} minutes over a ${label}: drop a lesson or shorten some debriefs.`;
}

if (form) {
  const query = new URLSearchParams(location.search);
  const format = query.get('format');
  if (format && format in FORMATS) {
    const radio = form.querySelector<HTMLInputElement>(`input[name=format][value="${format}"]`);
    if (radio) radio.checked = true;
  }
  const start = query.get('start');
  const startInput = form.querySelector<HTMLInputElement>('input[name=start]');
  if (start && startInput && /^\d{1,2}:\d{2}$/.test(start)) startInput.value = start;
  const wanted = new Set((query.get('lessons') ?? '').split(','));
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name=lesson]')) if (wanted.has(box.value)) box.checked = true;
  form.addEventListener('change', render);
  form.addEventListener('input', render);
  render();
}
