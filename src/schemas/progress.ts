// The saved-progress schema (current and past versions) and the export file around it; zod/mini keeps it small in the browser.
import * as z from 'zod/mini';
import { QUESTION_ID_PATTERN } from '../lib/assessment.ts';
import { ISO_DATE_PATTERN, MAX_SIM_RUNS, PROGRESS_VERSION, SIM_ID_PATTERN, SIM_RUN_LIMITS, SUMMARY_KEY_PATTERN } from '../lib/progress.ts';

/** Lesson slugs as they appear in URLs: never `__proto__` or markup. */
export const slugSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lesson slug: lower-case letters, digits and hyphens'));
const isoDateSchema = z.string().check(z.regex(ISO_DATE_PATTERN, 'an ISO date such as 2026-01-31T09:00:00.000Z'));

/** Version 1: the first release kept only completed lessons and the last lesson opened. */
export const progressV1Schema = z.object({
  version: z.literal(1),
  completed: z.array(slugSchema),
  lastLesson: z.optional(slugSchema),
});
export type ProgressV1 = z.infer<typeof progressV1Schema>;

const choiceSchema = z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 9, 'a choice number from 0 to 9'));
/** Question position -> chosen choice index. */
const answersSchema = z.record(z.string().check(z.regex(/^\d{1,2}$/)), choiceSchema);

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
export const progressV3Schema = z.object({
  ...progressV2Schema.shape,
  version: z.literal(3),
  confidence: z.object({ before: z.nullable(confidenceSchema), after: z.nullable(confidenceSchema) }),
  /** The final assessment's answers (question position -> choice) and when they were submitted. */
  assessment: z.nullable(z.object({ at: isoDateSchema, answers: answersSchema })),
});
export type ProgressV3 = z.infer<typeof progressV3Schema>;

/** A simulation or mission id: lower-case letters, digits and hyphens, starting with a letter (so never `__proto__`). */
export const simIdSchema = z.string().check(z.regex(SIM_ID_PATTERN, 'an id of lower-case letters, digits and hyphens starting with a letter'));
export type SimId = string;
export type MissionId = string;

/** One finished simulation run: when, its result code, the scenario's URL query, and a few headline numbers. */
export const simRunSchema = z.object({
  at: isoDateSchema,
  code: z.string().check(z.maxLength(SIM_RUN_LIMITS.code)),
  query: z.string().check(z.maxLength(SIM_RUN_LIMITS.query)),
  summary: z
    .record(
      z.string().check(z.regex(SUMMARY_KEY_PATTERN, 'a summary key: a letter, then letters and digits')),
      z.nullable(z.union([z.number(), z.string().check(z.maxLength(SIM_RUN_LIMITS.summaryString))])),
    )
    .check(z.refine((s) => Object.keys(s).length <= SIM_RUN_LIMITS.summaryKeys, `at most ${SIM_RUN_LIMITS.summaryKeys} summary keys`)),
});
export type SimRun = z.infer<typeof simRunSchema>;

/** One simulation's saved state: its last finished runs (newest last) and the missions won (mission id -> ISO date won). */
export const simStateSchema = z.object({
  runs: z.array(simRunSchema).check(z.maxLength(MAX_SIM_RUNS)),
  missions: z.record(simIdSchema, isoDateSchema),
});

/** Version 4 adds saved simulation runs and missions won. */
export const progressV4Schema = z.object({
  ...progressV3Schema.shape,
  version: z.literal(4),
  /** sim id -> its saved runs and missions. */
  sims: z.record(simIdSchema, simStateSchema),
});
export type ProgressV4 = z.infer<typeof progressV4Schema>;

/** A final-assessment question id as content/assessment.yaml names it (q01, q02, …): never reused for a different question. */
export const questionIdSchema = z.string().check(z.regex(QUESTION_ID_PATTERN, 'a question id such as q07'));

/**
 * The final assessment as saved from version 5: answers keyed by question id, so a reordered or rebuilt assessment never
 * scores an answer against another question. `byPosition` holds answers saved by versions 3 and 4, keyed by the
 * question's position in an assessment whose questions can no longer be known: kept, shown as such, never scored.
 */
export const assessmentRecordSchema = z.object({
  at: isoDateSchema,
  /** Question id -> chosen choice index. */
  answers: z.record(questionIdSchema, choiceSchema),
  byPosition: z.optional(answersSchema),
});
export type AssessmentRecord = z.infer<typeof assessmentRecordSchema>;

/** The current version (PROGRESS_VERSION, 5) keys the final assessment's answers by question id. */
export const progressSchema = z.object({
  ...progressV4Schema.shape,
  version: z.literal(PROGRESS_VERSION),
  assessment: z.nullable(assessmentRecordSchema),
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
