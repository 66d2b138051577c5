// Tests for workshop plans: timing sums, breaks and lunch, clock times, validation messages, and plans in links.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockTime,
  lessonMinutes,
  parseClock,
  parsePlan,
  planAgenda,
  planProblems,
  planQuery,
  type BlockEntry,
  type Catalogue,
  type Format,
  type LessonEntry,
  type Plan,
} from '../../../src/lib/agenda.ts';

const lesson = (slug: string, total = 30): LessonEntry => ({ kind: 'lesson', slug, title: slug, reading: 10, activity: total - 20, debrief: 10 });
const block = (type: BlockEntry['type'], minutes: number, title = 'A block'): BlockEntry => ({ kind: 'block', type, minutes, title });
const plan = (entries: Plan['entries'], format: Format = '90min', extra: Partial<Plan> = {}): Plan => ({
  format,
  length: 120,
  start: '09:00',
  entries,
  ...extra,
});

const catalogue: Catalogue = {
  origins: { title: 'Where DevOps began', reading: 10, activity: 15, debrief: 10 },
  'batch-size': { title: 'Too much code at once', reading: 10, activity: 20, debrief: 12 },
};

describe('a workshop agenda', () => {
  it('opens, runs the lessons in order, and closes', () => {
    const agenda = planAgenda(plan([lesson('a'), lesson('b')]));
    expect(agenda.items.map((i) => i.kind)).toEqual(['opening', 'lesson', 'lesson', 'close']);
    expect(agenda.items.map((i) => i.start)).toEqual([0, 10, 40, 70]);
    expect(agenda.used).toBe(80);
    expect(agenda.slack).toBe(10);
  });

  it('has 2-hour and 3-hour presets, each with a short break between lessons once about an hour has run', () => {
    const two = planAgenda(plan([lesson('a', 35), lesson('b', 35), lesson('c', 20)], '2h'));
    expect(two.length).toBe(120);
    expect(two.items.map((i) => i.kind)).toEqual(['opening', 'lesson', 'break', 'lesson', 'lesson', 'close']);
    expect(two.items.find((i) => i.kind === 'break')?.minutes).toBe(10);
    expect(two.slack).toBe(120 - (10 + 35 + 10 + 35 + 20 + 10));
    expect(planAgenda(plan([lesson('a')], '3h')).length).toBe(180);
  });

  it('takes any length for a custom session', () => {
    const agenda = planAgenda(plan([lesson('a', 40)], 'custom', { length: 75 }));
    expect(agenda.length).toBe(75);
    expect(agenda.slack).toBe(75 - 60);
  });

  it('puts a break between lessons once about 90 minutes have run in a half day, never inside a lesson', () => {
    const agenda = planAgenda(plan([lesson('a', 40), lesson('b', 40), lesson('c', 40), lesson('d', 40)], 'half-day'));
    expect(agenda.items.map((i) => i.kind)).toEqual(['opening', 'lesson', 'lesson', 'break', 'lesson', 'lesson', 'close']);
    expect(agenda.items.find((i) => i.kind === 'break')?.minutes).toBe(15);
  });

  it('gives a full day a lunch near the middle', () => {
    const agenda = planAgenda(
      plan(
        Array.from({ length: 10 }, (_, i) => lesson(`l${i}`, 35)),
        'full-day',
      ),
    );
    const lunch = agenda.items.find((i) => i.kind === 'lunch')!;
    expect(lunch.start).toBeGreaterThanOrEqual(180);
    expect(lunch.start).toBeLessThanOrEqual(240);
    expect(agenda.items.filter((i) => i.kind === 'lunch')).toHaveLength(1);
  });

  it('places custom blocks where they are, and adds no automatic break when the plan has its own', () => {
    const agenda = planAgenda(
      plan([block('talk', 15, 'Why we are here'), lesson('a', 40), block('break', 5, 'Stretch'), lesson('b', 40), block('questions', 10, 'Open floor')], '2h'),
    );
    expect(agenda.items.map((i) => `${i.kind}:${i.title}`)).toEqual([
      'opening:Welcome, goals and the confidence check',
      'block:Why we are here',
      'lesson:a',
      'break:Stretch',
      'lesson:b',
      'block:Open floor',
      'close:Wrap-up, short assessment and confidence check',
    ]);
    expect(agenda.used).toBe(10 + 15 + 40 + 5 + 40 + 10 + 10);
  });

  it('uses the edited minutes of each lesson part', () => {
    const edited: LessonEntry = { ...lesson('a'), reading: 5, activity: 25, debrief: 15 };
    const agenda = planAgenda(plan([edited]));
    expect(agenda.items[1]).toMatchObject({ minutes: 45, detail: '5 min reading, 25 min activity, 15 min debrief' });
  });

  it('says by how much a plan runs over', () => {
    expect(planAgenda(plan([lesson('a', 45), lesson('b', 45)])).slack).toBe(-20);
  });

  it('always uses exactly the sum of its items, each starting where the one before ended', () => {
    const entry = fc.oneof(
      fc
        .record({ r: fc.nat(90), a: fc.nat(90), d: fc.nat(90) })
        .map(({ r, a, d }): LessonEntry => ({ kind: 'lesson', slug: 'x', title: 'x', reading: r, activity: a, debrief: d })),
      fc
        .record({ type: fc.constantFrom('talk' as const, 'break' as const, 'questions' as const), m: fc.integer({ min: 1, max: 120 }) })
        .map(({ type, m }) => block(type, m)),
    );
    const format = fc.constantFrom<Format>('90min', '2h', '3h', 'half-day', 'full-day', 'custom');
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), format, (entries, f) => {
        const agenda = planAgenda(plan(entries, f));
        agenda.items.forEach((item, i) => expect(item.start).toBe(i === 0 ? 0 : agenda.items[i - 1]!.start + agenda.items[i - 1]!.minutes));
        expect(agenda.used).toBe(agenda.items.reduce((sum, item) => sum + item.minutes, 0));
        const planned = entries.reduce((sum, e) => sum + (e.kind === 'lesson' ? lessonMinutes(e) : e.minutes), 0);
        const added = agenda.items
          .filter((i) => i.kind === 'break' || i.kind === 'lunch' || i.kind === 'opening' || i.kind === 'close')
          .reduce((s, i) => s + i.minutes, 0);
        const ownBreaks = entries.filter((e) => e.kind === 'block' && e.type === 'break').reduce((s, e) => s + (e as BlockEntry).minutes, 0);
        expect(agenda.used).toBe(planned + added - ownBreaks);
      }),
    );
  });
});

describe('clock times', () => {
  it('turns minutes into clock times from a start time', () => {
    expect(clockTime('09:00', 95)).toBe('10:35');
    expect(clockTime('23:30', 45)).toBe('00:15');
    expect(clockTime('nonsense', 0)).toBe('09:00');
  });
  it('reads a start time only when it is a time of day', () => {
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock(' 13:30 ')).toBe(810);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
    expect(parseClock('9.30')).toBeNull();
  });
});

describe('validating a plan', () => {
  it('finds nothing wrong with a sound plan', () => {
    expect(planProblems(plan([lesson('a'), block('break', 10, 'Coffee')]))).toEqual([]);
  });
  it.each([
    ['', 'Enter a start time, such as 09:00.'],
    ['9.30', 'Start time “9.30” is not a time: write hours and minutes as HH:MM, such as 09:30.'],
    ['nine', 'Start time “nine” is not a time: write hours and minutes as HH:MM, such as 09:30.'],
    ['25:00', 'Start time “25:00” is not a time of day: hours run from 0 to 23 and minutes from 00 to 59.'],
    ['10:75', 'Start time “10:75” is not a time of day: hours run from 0 to 23 and minutes from 00 to 59.'],
  ])('says what is wrong with the start time %j', (start, message) => {
    expect(planProblems(plan([lesson('a')], '2h', { start }))).toEqual([{ field: 'start', message }]);
  });
  it('checks a custom length and only a custom one', () => {
    expect(planProblems(plan([lesson('a')], 'custom', { length: 20 }))).toEqual([
      { field: 'length', message: 'The session length must be a whole number of minutes from 30 to 600; got “20”.' },
    ]);
    expect(planProblems(plan([lesson('a')], 'custom', { length: NaN }))[0]?.message).toMatch(/got nothing that is a number\.$/);
    expect(planProblems(plan([lesson('a')], '2h', { length: NaN }))).toEqual([]);
  });
  it('names the lesson and the part whose minutes are wrong', () => {
    const bad: LessonEntry = { ...lesson('a'), title: 'Waterfall', activity: 7.5, debrief: 91 };
    expect(planProblems(plan([lesson('x'), bad]))).toEqual([
      { field: 'entry.1.activity', message: 'Activity minutes for “Waterfall” must be a whole number from 0 to 90; got “7.5”.' },
      { field: 'entry.1.debrief', message: 'Debrief minutes for “Waterfall” must be a whole number from 0 to 90; got “91”.' },
    ]);
  });
  it('refuses a lesson given no minutes at all', () => {
    expect(planProblems(plan([{ ...lesson('a'), reading: 0, activity: 0, debrief: 0 }]))[0]?.message).toBe(
      '“a” has no minutes at all: give at least one part some time, or remove it.',
    );
  });
  it('asks blocks for a title and sensible minutes', () => {
    expect(planProblems(plan([block('questions', 0, '  ')]))).toEqual([
      { field: 'entry.0.title', message: 'The questions block in place 1 needs a title of 1 to 60 characters.' },
      { field: 'entry.0.minutes', message: 'Minutes for the block “Questions” must be a whole number from 1 to 120; got “0”.' },
    ]);
  });
  it('asks for at least one entry', () => {
    expect(planProblems(plan([]))).toEqual([{ field: 'entries', message: 'Add at least one lesson or block to plan a session.' }]);
  });
});

describe('a plan in a link', () => {
  it('round-trips through its query, order, edited minutes and blocks included', () => {
    const original = plan(
      [
        { ...(catalogue['batch-size'] as Omit<LessonEntry, 'kind' | 'slug'>), kind: 'lesson', slug: 'batch-size', reading: 5 },
        block('break', 10, 'Coffee: and cake'),
        { kind: 'lesson', slug: 'origins', ...catalogue['origins']! },
      ],
      'custom',
      { length: 95, start: '13:15' },
    );
    expect(parsePlan(planQuery(original), catalogue)).toEqual({ plan: original, dropped: [] });
  });
  it('opens links from the first planner, which listed lessons only', () => {
    const { plan: p, dropped } = parsePlan('format=half-day&start=10:00&lessons=origins,batch-size', catalogue);
    expect(p.format).toBe('half-day');
    expect(p.entries.map((e) => (e.kind === 'lesson' ? `${e.slug}:${lessonMinutes(e)}` : ''))).toEqual(['origins:35', 'batch-size:42']);
    expect(dropped).toEqual([]);
  });
  it('leaves out what it cannot use and lists it', () => {
    const { plan: p, dropped } = parsePlan('format=week&item=origins&item=retired&item=*nap:10:Zzz&item=__proto__', catalogue);
    expect(p.format).toBe('2h');
    expect(p.entries).toHaveLength(1);
    expect(dropped).toEqual(['format “week”', 'lesson “retired”', 'block “nap”', 'lesson “__proto__”']);
  });
  it('keeps bad minutes from a link so the validator can name them', () => {
    const { plan: p } = parsePlan('item=origins:10:x:10', catalogue);
    expect(planProblems(p)[0]?.message).toBe('Activity minutes for “Where DevOps began” must be a whole number from 0 to 90; got nothing that is a number.');
  });
});
