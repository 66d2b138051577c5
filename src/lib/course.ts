// Pure course-structure helpers: slugs and order from file paths, and the ordered course with prev/next.

/** Strips a leading `NN-` number prefix from one path segment. */
export function stripOrderPrefix(segment: string): string {
  return segment.replace(/^\d+-/, '');
}

/** The number prefix of a path segment (`03-agile` gives 3), or Infinity when it has none. */
export function orderOf(segment: string): number {
  const match = /^(\d+)-/.exec(segment);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

/** A lesson's URL slug from its path below content/lessons: `01-origins/02-waterfall.mdx` gives `waterfall`. */
export function lessonSlug(entryPath: string): string {
  const file = entryPath.split('/').at(-1) ?? entryPath;
  return stripOrderPrefix(file.replace(/\.mdx?$/, ''));
}

/** The module folder of a lesson path: `01-origins/02-waterfall.mdx` gives `01-origins`. */
export function lessonModuleId(entryPath: string): string {
  const parts = entryPath.split('/');
  if (parts.length < 2) throw new Error(`Lesson "${entryPath}" must sit in a module folder such as 01-origins/`);
  return parts.at(-2)!;
}

export interface LessonRef {
  slug: string;
  path: string;
  title: string;
  minutes: number;
}

export interface ModuleRef {
  id: string;
  title: string;
  summary: string;
}

export interface CourseLesson extends LessonRef {
  moduleId: string;
  /** 1-based position of the lesson in the whole course. */
  number: number;
  prev: LessonRef | undefined;
  next: LessonRef | undefined;
}

export interface CourseModule extends ModuleRef {
  number: number;
  lessons: CourseLesson[];
  minutes: number;
}

/** Orders modules and lessons by their number prefixes and links each lesson to its neighbours. */
export function buildCourse(modules: ModuleRef[], lessons: LessonRef[]): CourseModule[] {
  const known = new Set(modules.map((m) => m.id));
  for (const lesson of lessons) {
    const moduleId = lessonModuleId(lesson.path);
    if (!known.has(moduleId)) throw new Error(`Lesson ${lesson.path} sits in folder "${moduleId}", which modules.yaml does not describe`);
  }
  const slugs = new Map<string, string>();
  for (const lesson of lessons) {
    const other = slugs.get(lesson.slug);
    if (other) throw new Error(`Lessons ${other} and ${lesson.path} would both be served at /lessons/${lesson.slug}/`);
    slugs.set(lesson.slug, lesson.path);
  }
  const byPathOrder = (a: LessonRef, b: LessonRef) => {
    const fa = a.path.split('/').at(-1)!;
    const fb = b.path.split('/').at(-1)!;
    return orderOf(fa) - orderOf(fb) || fa.localeCompare(fb);
  };
  const sortedModules = [...modules].sort((a, b) => orderOf(a.id) - orderOf(b.id) || a.id.localeCompare(b.id));
  const flat: (LessonRef & { moduleId: string })[] = [];
  for (const m of sortedModules) {
    const own = lessons.filter((l) => lessonModuleId(l.path) === m.id).sort(byPathOrder);
    flat.push(...own.map((l) => ({ ...l, moduleId: m.id })));
  }
  const ref = (l: LessonRef | undefined): LessonRef | undefined => l && { slug: l.slug, path: l.path, title: l.title, minutes: l.minutes };
  const course = flat.map((l, i): CourseLesson => ({ ...ref(l)!, moduleId: l.moduleId, number: i + 1, prev: ref(flat[i - 1]), next: ref(flat[i + 1]) }));
  return sortedModules.map((m, i) => {
    const own = course.filter((l) => l.moduleId === m.id);
    return { ...m, number: i + 1, lessons: own, minutes: own.reduce((sum, l) => sum + l.minutes, 0) };
  });
}

/** Words in an MDX body, for reading-time estimates: import lines and tags do not count. */
export function countWords(text: string): number {
  const prose = text.replace(/^import .*$/gm, ' ').replace(/<[^>]*>/g, ' ');
  return prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Reading time in whole minutes at a comfortable 200 words a minute, at least one. */
export function readingMinutes(text: string, wordsPerMinute = 200): number {
  return Math.max(1, Math.round(countWords(text) / wordsPerMinute));
}
