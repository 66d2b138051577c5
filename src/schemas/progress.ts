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

const answersSchema = z.record(
  z.string().check(z.regex(/^\d{1,2}$/)),
  z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 9, 'a choice number from 0 to 9')),
);

/** Version 2: dates for visits and completions, quiz answers, and where the learner was. */
export const progressV2Schema = z.object({
  version: z.literal(2),
  /** slug -> when the learner first opened the lesson. */
  visited: z.record(slugSchema, isoDateSchema),
  /** slug -> when the learner completed it. */
  completed: z.record(slugSchema, isoDateSchema),
  /** slug -> question index -> chosen choice index. */
  quiz: z.record(slugSchema, answersSchema),
  /** The last lesson the learner opened, to resume. */
  last: z.nullable(z.object({ slug: slugSchema, at: isoDateSchema })),
});
export type ProgressV2 = z.infer<typeof progressV2Schema>;

/** One self-assessment: statement id -> confidence from 1 (not at all) to 5 (very), and when it was given. */
export const confidenceSchema = z.object({
  at: isoDateSchema,
  ratings: z.record(slugSchema, z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1 && n <= 5, 'a rating from 1 to 5'))),
});
export type Confidence = z.infer<typeof confidenceSchema>;

/** Version 3 adds the confidence check before and after the course, and the final assessment. */
export const progressSchema = z.object({
  ...progressV2Schema.shape,
  version: z.literal(3),
  confidence: z.object({ before: z.nullable(confidenceSchema), after: z.nullable(confidenceSchema) }),
  /** The final assessment's answers (question index -> choice) and when they were submitted. */
  assessment: z.nullable(z.object({ at: isoDateSchema, answers: answersSchema })),
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
