// The workshop planner page: keeps the plan (from the link), its list with minutes and order, the agenda, the problems and the printout in step.
import {
  BLOCK_TYPES,
  PARTS,
  clockTime,
  lessonEntry,
  parsePlan,
  planAgenda,
  planProblems,
  planQuery,
  sessionLength,
  type BlockType,
  type Catalogue,
  type Format,
  type Part,
  type PlanEntry,
} from '../lib/agenda.ts';

const form = document.querySelector<HTMLFormElement>('[data-planner]');
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function numberInput(label: string, value: number, field: string, max: number): HTMLLabelElement {
  const input = el('input', { type: 'number', min: '0', max: String(max), step: '1', value: Number.isNaN(value) ? '' : String(value) });
  input.dataset['field'] = field;
  return el('label', {}, `${label} `, input);
}

if (form) {
  const catalogue = JSON.parse(form.dataset['catalogue'] ?? '{}') as Catalogue;
  const list = form.querySelector<HTMLOListElement>('[data-plan-list]')!;
  const empty = form.querySelector<HTMLElement>('[data-plan-empty]')!;
  const problemsBox = form.querySelector<HTMLElement>('[data-plan-problems]')!;
  const table = document.querySelector<HTMLTableElement>('[data-agenda]')!;
  const fit = document.querySelector<HTMLElement>('[data-agenda-fit]')!;
  const links = document.querySelector<HTMLElement>('[data-learner-links]')!;
  const printTitle = document.querySelector<HTMLElement>('[data-print-title]')!;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const { plan, dropped } = parsePlan(location.search, catalogue);
  const notes = dropped.length ? [`Left out of the link, as this planner cannot use them: ${dropped.join(', ')}.`] : [];
  const query = new URLSearchParams(location.search);
  if (query.has('title')) field('title').value = query.get('title')!.slice(0, 80);
  const nameOf = (e: PlanEntry) => (e.kind === 'lesson' ? e.title : e.title || BLOCK_TYPES[e.type]);

  const renderList = (focus?: string) => {
    list.replaceChildren(
      ...plan.entries.map((entry, i) => {
        const name = nameOf(entry);
        const fields = el('div', { className: 'plan-fields' });
        if (entry.kind === 'lesson') {
          for (const part of Object.keys(PARTS) as Part[]) fields.append(numberInput(PARTS[part], entry[part], `${i}.${part}`, 90));
        } else {
          const title = el('input', { type: 'text', value: entry.title, maxLength: 60 });
          title.dataset['field'] = `${i}.title`;
          fields.append(el('label', {}, `${BLOCK_TYPES[entry.type]}: title `, title), numberInput('Minutes', entry.minutes, `${i}.minutes`, 120));
        }
        const button = (text: string, action: string, label: string, disabled = false) => {
          const b = el('button', { type: 'button', className: 'button secondary', textContent: text, disabled });
          b.dataset['action'] = `${action}:${i}`;
          b.setAttribute('aria-label', label);
          return b;
        };
        fields.append(
          button('Up', 'up', `Move “${name}” up`, i === 0),
          button('Down', 'down', `Move “${name}” down`, i === plan.entries.length - 1),
          button('Remove', 'remove', `Remove “${name}”`),
        );
        return el('li', {}, el('strong', { textContent: name }), fields);
      }),
    );
    empty.hidden = plan.entries.length > 0;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=lesson]')) {
      box.checked = plan.entries.some((e) => e.kind === 'lesson' && e.slug === box.value);
    }
    if (focus) list.querySelector<HTMLElement>(`[data-action="${focus}"]:not(:disabled)`)?.focus();
  };

  const render = () => {
    plan.format = (form.querySelector<HTMLInputElement>('input[name=format]:checked')?.value ?? '2h') as Format;
    plan.length = field('length').value.trim() === '' ? NaN : Number(field('length').value);
    plan.start = field('start').value;
    const title = field('title').value.trim() || 'Ship Small workshop';
    printTitle.textContent = title;
    form.querySelector<HTMLElement>('[data-length-row]')!.hidden = plan.format !== 'custom';
    const params = new URLSearchParams(planQuery(plan));
    if (title !== 'Ship Small workshop') params.set('title', title);
    history.replaceState(null, '', `?${params}`);

    const problems = planProblems(plan);
    const bad = new Set(problems.map((p) => p.field));
    field('start').setAttribute('aria-invalid', String(bad.has('start')));
    field('length').setAttribute('aria-invalid', String(bad.has('length')));
    for (const input of list.querySelectorAll<HTMLInputElement>('input[data-field]'))
      input.setAttribute('aria-invalid', String(bad.has(`entry.${input.dataset['field']}`)));
    const messages = [...notes, ...problems.filter((p) => p.field !== 'entries').map((p) => p.message)];
    problemsBox.replaceChildren(...(messages.length ? [el('ul', {}, ...messages.map((m) => el('li', { textContent: m })))] : []));

    const body = table.tBodies[0]!;
    body.replaceChildren();
    const ok = problems.length === 0;
    table.hidden = !ok;
    links.hidden = !plan.entries.some((e) => e.kind === 'lesson');
    if (!ok) {
      fit.textContent = plan.entries.length === 0 ? 'Choose at least one lesson.' : 'The agenda appears once the problems above are fixed.';
    } else {
      const agenda = planAgenda(plan);
      for (const item of agenda.items) {
        const row = body.insertRow();
        row.insertCell().textContent = clockTime(plan.start, item.start);
        row.insertCell().textContent = String(item.minutes);
        const what = row.insertCell();
        if (item.slug) what.append(el('a', { href: `${base}/instructor/${item.slug}/`, textContent: item.title }), ` (${item.detail})`);
        else what.textContent = item.detail ? `${item.title} (${item.detail})` : item.title;
      }
      const checked = form.querySelector('input[name=format]:checked')?.parentElement?.textContent?.trim().toLowerCase();
      const label = `the ${plan.format === 'custom' ? `${sessionLength(plan)}-minute session` : checked}`;
      const end = clockTime(plan.start, agenda.used);
      fit.textContent =
        agenda.slack >= 0
          ? `Fits ${label}: ${agenda.used} minutes planned, ${agenda.slack} to spare; ends at ${end}.`
          : `Runs ${-agenda.slack} minutes over ${label}, ending at ${end}: drop a lesson or shorten some parts.`;
    }
    for (const entry of plan.entries) {
      const block = entry.kind === 'lesson' ? links.querySelector<HTMLElement>(`[data-links-for="${entry.slug}"]`) : null;
      if (block) links.append(block);
    }
    for (const block of links.querySelectorAll<HTMLElement>('[data-links-for]')) {
      block.hidden = !plan.entries.some((e) => e.kind === 'lesson' && e.slug === block.dataset['linksFor']);
    }
  };

  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    const [index, key] = (target.dataset['field'] ?? '').split('.');
    const entry = plan.entries[Number(index)];
    if (entry && key) {
      const value = target.value.trim() === '' ? NaN : Number(target.value);
      if (entry.kind === 'block' && key === 'title') entry.title = target.value;
      else if (entry.kind === 'block') entry.minutes = value;
      else entry[key as Part] = value;
    }
    render();
  });
  form.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.name !== 'lesson') return;
    const at = plan.entries.findIndex((e) => e.kind === 'lesson' && e.slug === box.value);
    const entry = lessonEntry(box.value, catalogue);
    if (box.checked && at < 0 && entry) plan.entries.push(entry);
    if (!box.checked && at >= 0) plan.entries.splice(at, 1);
    renderList();
    render();
  });
  form.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset['action'];
    if (action) {
      const [verb, index] = action.split(':');
      const i = Number(index);
      const j = verb === 'up' ? i - 1 : i + 1;
      if (verb === 'remove') plan.entries.splice(i, 1);
      else [plan.entries[i], plan.entries[j]] = [plan.entries[j]!, plan.entries[i]!];
      renderList(verb === 'remove' ? undefined : `${verb}:${j}`);
      render();
    }
    if ((event.target as HTMLElement).closest('[data-add-block]')) {
      const minutes = field('block-minutes').value;
      const type = (form.elements.namedItem('block-type') as HTMLSelectElement).value as BlockType;
      plan.entries.push({ kind: 'block', type, title: field('block-title').value, minutes: minutes.trim() === '' ? NaN : Number(minutes) });
      renderList(`remove:${plan.entries.length - 1}`);
      render();
    }
  });
  form.querySelector('select[name=block-type]')?.addEventListener('change', (event) => {
    field('block-title').value = BLOCK_TYPES[(event.target as HTMLSelectElement).value as BlockType];
  });

  const formatRadio = form.querySelector<HTMLInputElement>(`input[name=format][value="${plan.format}"]`);
  if (formatRadio) formatRadio.checked = true;
  if (!Number.isNaN(plan.length)) field('length').value = String(plan.length);
  field('start').value = plan.start;
  links.querySelector<HTMLElement>('[data-origin-note]')!.hidden = links.dataset['siteOrigin'] === location.origin;
  renderList();
  render();
}
