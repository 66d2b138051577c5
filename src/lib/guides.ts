// Loads the facilitator guides and pairs each with its lesson; a guide for a lesson that does not exist stops the build.
import { getCollection, type CollectionEntry } from 'astro:content';
import { getCourse } from './course-data.ts';
import type { CourseLesson } from './course.ts';

export interface GuidedLesson {
  lesson: CourseLesson;
  guide: CollectionEntry<'facilitator'>['data'] | undefined;
}

export async function getGuidedLessons(): Promise<GuidedLesson[]> {
  const course = await getCourse();
  const guides = await getCollection('facilitator');
  for (const g of guides) {
    if (g.id !== g.data.lesson) throw new Error(`content/facilitator/${g.id}.yaml, field lesson: says "${g.data.lesson}" but the file is named for "${g.id}"`);
    if (!course.lessons.some((l) => l.slug === g.id))
      throw new Error(`content/facilitator/${g.id}.yaml, field lesson: no lesson is served at /lessons/${g.id}/`);
  }
  return course.lessons.map((lesson) => ({ lesson, guide: guides.find((g) => g.id === lesson.slug)?.data }));
}
