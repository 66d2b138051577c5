// The saved-progress schema (current and past versions) and the export file around it; zod/mini keeps it small in the browser.
import * as z from 'zod/mini';

/** Lesson slugs as they appear in URLs: never `__proto__` or markup. */
export const slugSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lesson slug: lower-case letters, digits and hyphens'));
const isoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'an ISO date such as 2026-01-31T09:00:00.000Z'));

/** Version 1: the first release kept only completed lessons and the last lesson opened. */
export const progressV1Schema = z.object({
  version: z.literal(1),
  completed: z.array(slugSchema),
  lastLesson: z.optional(slugSchema),
});
export type ProgressV1 = z.infer<typeof progressV1Schema>;

/** Version 2: dates for visits and completions, quiz answers, and where the learner was. */
export const progressSchema = z.object({
  version: z.literal(2),
  /** slug -> when the learner first opened the lesson. */
  visited: z.record(slugSchema, isoDateSchema),
  /** slug -> when the learner completed it. */
  completed: z.record(slugSchema, isoDateSchema),
  /** slug -> question index -> chosen choice index. */
  quiz: z.record(
    slugSchema,
    z.record(z.string().check(z.regex(/^\d{1,2}$/)), z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 9, 'a choice number from 0 to 9'))),
  ),
  /** The last lesson the learner opened, to resume. */
  last: z.nullable(z.object({ slug: slugSchema, at: isoDateSchema })),
});
export type Progress = z.infer<typeof progressSchema>;

/** The file learners export and import. */
export const progressFileSchema = z.object({
  app: z.literal('ship-small'),
  kind: z.literal('progress'),
  exportedAt: isoDateSchema,
  progress: z.unknown(),
});
export type ProgressFile = z.infer<typeof progressFileSchema>;
