// Loads the content collections once and shapes them into the ordered course used by every page.
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCourse, readingMinutes, type CourseLesson, type CourseModule } from './course.ts';

export interface Course {
  modules: CourseModule[];
  lessons: CourseLesson[];
  entries: Map<string, CollectionEntry<'lessons'>>;
  totalMinutes: number;
}

let cached: Promise<Course> | undefined;

async function load(): Promise<Course> {
  const [moduleEntries, lessonEntries] = await Promise.all([getCollection('modules'), getCollection('lessons')]);
  const root = `${process.env.SHIP_SMALL_CONTENT ?? './content'}/lessons/`.replace(/^\.\//, '');
  const modules = buildCourse(
    moduleEntries.map((m) => m.data),
    lessonEntries.map((l) => ({
      slug: l.id,
      path: (l.filePath ?? l.id).replace(/^\.\//, '').replace(root, ''),
      title: l.data.title,
      minutes: l.data.minutes,
    })),
  );
  const lessons = modules.flatMap((m) => m.lessons);
  return {
    modules,
    lessons,
    entries: new Map(lessonEntries.map((l) => [l.id, l])),
    totalMinutes: lessons.reduce((sum, l) => sum + l.minutes, 0),
  };
}

export function getCourse(): Promise<Course> {
  cached ??= load();
  return cached;
}

export function lessonReadingMinutes(entry: CollectionEntry<'lessons'>): number {
  return readingMinutes(entry.body ?? '');
}
