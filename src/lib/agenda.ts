// Workshop agendas: lessons laid out in a session of a given length, with breaks, clock times and a check of the fit.

export const FORMATS = {
  '90min': { label: '90 minutes', minutes: 90, breakEvery: Infinity, breakMinutes: 0 },
  'half-day': { label: 'Half day (3½ hours)', minutes: 210, breakEvery: 90, breakMinutes: 15 },
  'full-day': { label: 'Full day (7 hours with lunch)', minutes: 420, breakEvery: 90, breakMinutes: 15 },
} as const;
export type Format = keyof typeof FORMATS;

export interface AgendaLesson {
  slug: string;
  title: string;
  reading: number;
  activity: number;
  debrief: number;
}

export interface AgendaItem {
  kind: 'opening' | 'lesson' | 'break' | 'lunch' | 'close';
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
  /** Positive: minutes to spare; negative: minutes over. */
  slack: number;
}

const OPENING = 10;
const CLOSE = 10;
const LUNCH = 45;

/** Lays lessons out in order; a break falls between lessons once `breakEvery` minutes have run, and a full day gets lunch mid-way. */
export function planAgenda(lessons: readonly AgendaLesson[], format: Format): Agenda {
  const f = FORMATS[format];
  const items: AgendaItem[] = [];
  let clock = 0;
  let sinceBreak = 0;
  let lunched = false;
  const push = (item: Omit<AgendaItem, 'start'>) => {
    items.push({ ...item, start: clock });
    clock += item.minutes;
  };
  push({ kind: 'opening', title: 'Welcome, goals and the confidence check', minutes: OPENING });
  sinceBreak = OPENING;
  lessons.forEach((lesson, i) => {
    const length = lesson.reading + lesson.activity + lesson.debrief;
    if (i > 0) {
      if (format === 'full-day' && !lunched && clock >= f.minutes / 2 - 30) {
        push({ kind: 'lunch', title: 'Lunch', minutes: LUNCH });
        lunched = true;
        sinceBreak = 0;
      } else if (sinceBreak + length > f.breakEvery) {
        push({ kind: 'break', title: 'Break', minutes: f.breakMinutes });
        sinceBreak = 0;
      }
    }
    push({
      kind: 'lesson',
      title: lesson.title,
      slug: lesson.slug,
      minutes: length,
      detail: `${lesson.reading} min read, ${lesson.activity} min activity, ${lesson.debrief} min debrief`,
    });
    sinceBreak += length;
  });
  push({ kind: 'close', title: 'Wrap-up, final assessment and confidence check', minutes: CLOSE });
  return { items, used: clock, slack: f.minutes - clock };
}

/** Minutes after the start as a clock time: 545 from 09:00 gives 18:05. */
export function clockTime(startHHMM: string, minutes: number): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(startHHMM);
  const base = match ? Number(match[1]) * 60 + Number(match[2]) : 9 * 60;
  const total = (base + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
