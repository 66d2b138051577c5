// Tests for slugs, ordering, prev/next links and reading time.
import { describe, expect, it } from 'vitest';
import { buildCourse, countWords, lessonModuleId, lessonSlug, orderOf, readingMinutes, stripOrderPrefix } from '../../../src/lib/course.ts';

const modules = [
  { id: '02-dilemma', title: 'Dilemma', summary: 'Second module.' },
  { id: '01-origins', title: 'Origins', summary: 'First module.' },
];
const lesson = (path: string, minutes = 10) => ({ path, slug: lessonSlug(path), title: `Title of ${path}`, minutes });

describe('slugs', () => {
  it('drops the number prefix and the extension from a lesson path', () => {
    expect(lessonSlug('01-origins/02-waterfall.mdx')).toBe('waterfall');
    expect(lessonSlug('10-big/12-measure-everything.mdx')).toBe('measure-everything');
  });
  it('keeps a name that has no number prefix', () => {
    expect(stripOrderPrefix('glossary')).toBe('glossary');
  });
  it('reads the module folder of a lesson path', () => {
    expect(lessonModuleId('01-origins/02-waterfall.mdx')).toBe('01-origins');
  });
  it('refuses a lesson that sits outside any module folder', () => {
    expect(() => lessonModuleId('02-waterfall.mdx')).toThrow(/module folder/);
  });
});

describe('ordering', () => {
  it('orders by number prefix, so 10 comes after 9', () => {
    expect(orderOf('10-x')).toBeGreaterThan(orderOf('9-x'));
    expect(orderOf('no-prefix')).toBe(Number.POSITIVE_INFINITY);
  });
  it('sorts modules and lessons by prefix and numbers lessons across the course', () => {
    const course = buildCourse(modules, [lesson('02-dilemma/01-incentives.mdx'), lesson('01-origins/10-late.mdx'), lesson('01-origins/02-waterfall.mdx')]);
    expect(course.map((m) => m.id)).toEqual(['01-origins', '02-dilemma']);
    expect(course.flatMap((m) => m.lessons.map((l) => `${l.number}:${l.slug}`))).toEqual(['1:waterfall', '2:late', '3:incentives']);
    expect(course[0]!.minutes).toBe(20);
  });
  it('links each lesson to its neighbours across module boundaries', () => {
    const course = buildCourse(modules, [lesson('02-dilemma/01-incentives.mdx'), lesson('01-origins/01-origins.mdx')]);
    const [first, second] = course.flatMap((m) => m.lessons);
    expect(first!.prev).toBeUndefined();
    expect(first!.next?.slug).toBe('incentives');
    expect(second!.prev?.slug).toBe('origins');
    expect(second!.next).toBeUndefined();
  });
  it('refuses two lessons that would share a URL', () => {
    expect(() => buildCourse(modules, [lesson('01-origins/01-same.mdx'), lesson('02-dilemma/01-same.mdx')])).toThrow(/both be served at \/lessons\/same\//);
  });
  it('refuses a lesson in a folder that modules.yaml does not describe', () => {
    expect(() => buildCourse(modules, [lesson('03-ghost/01-boo.mdx')])).toThrow(/03-ghost/);
  });
});

describe('reading time', () => {
  it('counts words, not punctuation or markup symbols', () => {
    expect(countWords('Ship small — ship often. <Term id="x">batch</Term>')).toBe(5);
  });
  it('rounds to whole minutes at 200 words a minute and never says zero', () => {
    expect(readingMinutes('word '.repeat(1000))).toBe(5);
    expect(readingMinutes('one')).toBe(1);
  });
});
