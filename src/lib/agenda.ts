// Workshop plans: a format, a start time and lessons and blocks in order, validated with specific messages, laid out with breaks and clock times.

export const FORMATS = {
  '90min': { minutes: 90, breakEvery: Infinity, breakMinutes: 0 },
  '2h': { minutes: 120, breakEvery: 60, breakMinutes: 10 },
  '3h': { minutes: 180, breakEvery: 75, breakMinutes: 10 },
  'half-day': { minutes: 210, breakEvery: 90, breakMinutes: 15 },
  'full-day': { minutes: 420, breakEvery: 90, breakMinutes: 15 },
  /** Any length: the plan's own `length`. */
  custom: { minutes: 0, breakEvery: 90, breakMinutes: 10 },
} as const;
/** The formats' names, apart from their numbers so that the page's script does not carry them. */
export const FORMAT_LABELS: Record<keyof typeof FORMATS, string> = {
  '90min': '90 minutes',
  '2h': '2 hours',
  '3h': '3 hours',
  'half-day': 'Half day (3½ hours)',
  'full-day': 'Full day (7 hours with lunch)',
  custom: 'Another length',
};
export type Format = keyof typeof FORMATS;

/** Blocks an instructor can add between lessons. */
export const BLOCK_TYPES = { talk: 'Opening talk', break: 'Break', questions: 'Questions' } as const;
export type BlockType = keyof typeof BLOCK_TYPES;

/** Bounds that the planner's inputs and the validator share. */
export const LIMITS = { part: 90, block: 120, title: 60, minLength: 30, maxLength: 600 } as const;

/** The three timed parts of a lesson, as the facilitator guides name them. */
export const PARTS = { reading: 'Reading', activity: 'Activity', debrief: 'Debrief' } as const;
export type Part = keyof typeof PARTS;

export interface LessonEntry {
  kind: 'lesson';
  slug: string;
  title: string;
  reading: number;
  activity: number;
  debrief: number;
}
export interface BlockEntry {
  kind: 'block';
  type: BlockType;
  title: string;
  minutes: number;
}
export type PlanEntry = LessonEntry | BlockEntry;

export interface Plan {
  format: Format;
  /** Session minutes when the format is `custom`. */
  length: number;
  /** HH:MM as typed. */
  start: string;
  entries: PlanEntry[];
}

/** What a lesson brings to a plan: its title and its guide's timings. */
export type Catalogue = Readonly<Record<string, Omit<LessonEntry, 'kind' | 'slug'>>>;

export interface PlanProblem {
  /** `start`, `length`, `entries`, or `entry.<index>.<part>` (part: reading, activity, debrief, minutes, title). */
  field: string;
  message: string;
}

export interface AgendaItem {
  kind: 'opening' | 'lesson' | 'block' | 'break' | 'lunch' | 'close';
  title: string;
  start: number;
  minutes: number;
  slug?: string;
  detail?: string;
}

export interface Agenda {
  items: AgendaItem[];
  /** Minutes used, breaks included. */
  used: number;
  /** The session's length in minutes. */
  length: number;
  /** Positive: minutes to spare; negative: minutes over. */
  slack: number;
}

const OPENING = 10;
const CLOSE = 10;
const LUNCH = 45;

/** Minutes of one lesson: reading, activity and debrief together. */
export function lessonMinutes(entry: Pick<LessonEntry, Part>): number {
  return entry.reading + entry.activity + entry.debrief;
}

/** A start time as minutes after midnight, or null when it is not HH:MM within a day. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : null;
}

/** Minutes after the start as a clock time: 95 from 09:00 gives 10:35 (wrapping past midnight). */
export function clockTime(startHHMM: string, minutes: number): string {
  const total = ((parseClock(startHHMM) ?? 9 * 60) + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The session's length in minutes: the format's, or the plan's own for `custom`. */
export function sessionLength(plan: Pick<Plan, 'format' | 'length'>): number {
  return plan.format === 'custom' ? plan.length : FORMATS[plan.format].minutes;
}

const shown = (n: number) => (Number.isNaN(n) ? 'nothing that is a number' : `“${n}”`);
const wholeIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** Everything wrong with a plan, each as a message that names the field, the rule and what was given; empty when it is fine. */
export function planProblems(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const start = plan.start.trim();
  if (start === '') problems.push({ field: 'start', message: 'Enter a start time, such as 09:00.' });
  else if (!/^\d{1,2}:\d{2}$/.test(start)) {
    problems.push({ field: 'start', message: `Start time “${start}” is not a time: write hours and minutes as HH:MM, such as 09:30.` });
  } else if (parseClock(start) === null) {
    problems.push({ field: 'start', message: `Start time “${start}” is not a time of day: hours run from 0 to 23 and minutes from 00 to 59.` });
  }
  if (plan.format === 'custom' && !wholeIn(plan.length, LIMITS.minLength, LIMITS.maxLength)) {
    problems.push({
      field: 'length',
      message: `The session length must be a whole number of minutes from ${LIMITS.minLength} to ${LIMITS.maxLength}; got ${shown(plan.length)}.`,
    });
  }
  if (plan.entries.length === 0) problems.push({ field: 'entries', message: 'Add at least one lesson or block to plan a session.' });
  plan.entries.forEach((entry, i) => {
    if (entry.kind === 'lesson') {
      for (const part of Object.keys(PARTS) as Part[]) {
        if (!wholeIn(entry[part], 0, LIMITS.part)) {
          problems.push({
            field: `entry.${i}.${part}`,
            message: `${PARTS[part]} minutes for “${entry.title}” must be a whole number from 0 to ${LIMITS.part}; got ${shown(entry[part])}.`,
          });
        }
      }
      if (lessonMinutes(entry) === 0)
        problems.push({ field: `entry.${i}.reading`, message: `“${entry.title}” has no minutes at all: give at least one part some time, or remove it.` });
    } else {
      const name = BLOCK_TYPES[entry.type];
      const title = entry.title.trim();
      if (title === '' || title.length > LIMITS.title) {
        problems.push({
          field: `entry.${i}.title`,
          message: `The ${name.toLowerCase()} block in place ${i + 1} needs a title of 1 to ${LIMITS.title} characters.`,
        });
      }
      if (!wholeIn(entry.minutes, 1, LIMITS.block)) {
        problems.push({
          field: `entry.${i}.minutes`,
          message: `Minutes for the block “${title || name}” must be a whole number from 1 to ${LIMITS.block}; got ${shown(entry.minutes)}.`,
        });
      }
    }
  });
  return problems;
}

/**
 * Lays a valid plan out in order: a welcome, its lessons and blocks, and a wrap-up. When the plan has no break block of
 * its own, a break falls between entries once the format's `breakEvery` minutes have run, and a full day gets lunch
 * mid-way; never inside a lesson.
 */
export function planAgenda(plan: Plan): Agenda {
  const format = FORMATS[plan.format];
  const length = sessionLength(plan);
  const ownBreaks = plan.entries.some((e) => e.kind === 'block' && e.type === 'break');
  const items: AgendaItem[] = [];
  let clock = 0;
  let sinceBreak = 0;
  let lunched = false;
  const push = (item: Omit<AgendaItem, 'start'>) => {
    items.push({ ...item, start: clock });
    clock += item.minutes;
    sinceBreak = item.kind === 'break' || item.kind === 'lunch' ? 0 : sinceBreak + item.minutes;
  };
  push({ kind: 'opening', title: 'Welcome, goals and the confidence check', minutes: OPENING });
  plan.entries.forEach((entry, i) => {
    const minutes = entry.kind === 'lesson' ? lessonMinutes(entry) : entry.minutes;
    if (i > 0 && !ownBreaks) {
      if (plan.format === 'full-day' && !lunched && clock >= length / 2 - 30) {
        push({ kind: 'lunch', title: 'Lunch', minutes: LUNCH });
        lunched = true;
      } else if (sinceBreak + minutes > format.breakEvery) push({ kind: 'break', title: 'Break', minutes: format.breakMinutes });
    }
    if (entry.kind === 'lesson') {
      push({
        kind: 'lesson',
        title: entry.title,
        slug: entry.slug,
        minutes,
        detail: `${entry.reading} min reading, ${entry.activity} min activity, ${entry.debrief} min debrief`,
      });
    } else push({ kind: entry.type === 'break' ? 'break' : 'block', title: entry.title.trim(), minutes, detail: BLOCK_TYPES[entry.type] });
  });
  push({ kind: 'close', title: 'Wrap-up, short assessment and confidence check', minutes: CLOSE });
  return { items, used: clock, length, slack: length - clock };
}

/** A lesson as the catalogue times it. */
export function lessonEntry(slug: string, catalogue: Catalogue): LessonEntry | null {
  const lesson = Object.hasOwn(catalogue, slug) ? catalogue[slug] : undefined;
  return lesson ? { kind: 'lesson', slug, ...lesson } : null;
}

const number = (text: string | undefined) => (text === undefined || text.trim() === '' ? NaN : Number(text));

/**
 * The query that holds a plan: `format`, `length` (custom only), `start`, and one `item` per entry in order: a lesson as
 * `slug:reading:activity:debrief`, a block as `*type:minutes:title`.
 */
export function planQuery(plan: Plan): string {
  const query = new URLSearchParams({ format: plan.format });
  if (plan.format === 'custom') query.set('length', String(plan.length));
  query.set('start', plan.start);
  for (const e of plan.entries) {
    query.append('item', e.kind === 'lesson' ? [e.slug, e.reading, e.activity, e.debrief].join(':') : `*${e.type}:${e.minutes}:${e.title}`);
  }
  return query.toString();
}

/**
 * Reads a plan from a link's query against the lessons that have guides. What it cannot use is left out and listed in
 * `dropped` (as “format “week””, “lesson “retired””); links from the first planner (`lessons=a,b`) still open.
 */
export function parsePlan(search: string | URLSearchParams, catalogue: Catalogue): { plan: Plan; dropped: string[] } {
  const query = new URLSearchParams(search);
  const dropped: string[] = [];
  const quoted = (kind: string, text: string) => dropped.push(`${kind} “${text.slice(0, 30)}”`);
  const formatText = query.get('format') ?? '2h';
  const format = Object.hasOwn(FORMATS, formatText) ? (formatText as Format) : (quoted('format', formatText), '2h');
  const plan: Plan = { format, length: number(query.get('length') ?? '120'), start: query.get('start') ?? '09:00', entries: [] };
  const items = [...(query.get('lessons') ?? '').split(',').filter(Boolean), ...query.getAll('item')];
  for (const item of items) {
    const [name = '', ...rest] = item.replace(/^\*/, '').split(':');
    if (item.startsWith('*')) {
      if (Object.hasOwn(BLOCK_TYPES, name))
        plan.entries.push({ kind: 'block', type: name as BlockType, minutes: number(rest[0]), title: rest.slice(1).join(':') });
      else quoted('block', name);
      continue;
    }
    const entry = lessonEntry(name, catalogue);
    if (!entry) quoted('lesson', name);
    else if (rest.length === 3) {
      const [reading, activity, debrief] = rest.map(number);
      plan.entries.push({ ...entry, reading: reading!, activity: activity!, debrief: debrief! });
    } else plan.entries.push(entry);
  }
  return { plan, dropped };
}
