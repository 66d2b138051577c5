// The lesson frontmatter schema: the one definition of what an MDX lesson must declare.
import { z } from 'zod';

export const simulationIds = ['handoff', 'batch-size', 'env-parity', 'conway', 'drift', 'test-levels', 'cicd', 'metrics', 'capstone'] as const;

const choicesSchema = z
  .array(
    z.object({
      text: z.string().min(1).describe('What the learner can pick.'),
      explanation: z.string().min(10).describe('Why this choice is right or wrong, shown once the learner answers.'),
    }),
  )
  .min(2)
  .max(6)
  .describe('Two to six choices, each with its own explanation.');

const questionShape = z.object({
  prompt: z.string().min(10).describe('The question, as the learner reads it.'),
  choices: choicesSchema,
  answer: z.number().int().min(0).describe('Index (from 0) of the one correct choice.'),
});

const answerIsAChoice = (q: { answer: number; choices: unknown[] }) => q.answer < q.choices.length;
const answerIssue = { message: 'answer must be the index of one of the choices', path: ['answer'] };

export const quizQuestionSchema = questionShape.refine(answerIsAChoice, answerIssue).describe('One multiple-choice question with exactly one right answer.');

/** A final-assessment question: a quiz question that also names the lesson to revisit. */
export const assessmentQuestionSchema = questionShape
  .extend({
    id: z
      .string()
      .regex(/^q\d{2}$/, 'question ids are q01, q02, …')
      .describe('Stable id of the question; saved answers are keyed by it, so a rewritten question takes a new id and an id is never reused.'),
    lesson: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Slug of the lesson that teaches it, linked from the explanation.'),
    short: z.boolean().optional().describe('Also asked in the short form for workshops (8 to 10 questions in all).'),
    data: z
      .object({
        caption: z.string().min(10).describe('What the table holds, read out as its caption.'),
        columns: z.array(z.string().min(1)).min(2).max(6).describe('Column headings.'),
        rows: z.array(z.array(z.string())).min(1).max(20).describe('The rows, one cell per column, as text.'),
      })
      .strict()
      .refine((d) => d.rows.every((r) => r.length === d.columns.length), { message: 'every row needs one cell per column', path: ['rows'] })
      .optional()
      .describe('A small table of data the learner works from, shown under the prompt.'),
  })
  .strict()
  .refine(answerIsAChoice, answerIssue)
  .describe('One question of the final assessment.');
export type AssessmentQuestion = z.infer<typeof assessmentQuestionSchema>;

/** A statement of the confidence check, rated 1 to 5 before and after the course. */
export const confidenceStatementSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .describe('Stable id; ratings are saved under it.'),
    statement: z.string().min(10).describe('First-person statement the learner rates, such as “I can explain …”.'),
    lesson: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Slug of the lesson that teaches it.'),
  })
  .strict()
  .describe('One statement of the confidence check.');
export type ConfidenceStatement = z.infer<typeof confidenceStatementSchema>;

export const lessonSchema = z
  .object({
    title: z.string().min(3).max(90).describe('The lesson title, shown in the map, the page heading and the tab.'),
    summary: z.string().min(20).max(300).describe('One or two sentences shown on the course map and in search results.'),
    objectives: z.array(z.string().min(10)).min(1).max(6).describe('What the learner can do after the lesson, each starting with a verb.'),
    minutes: z.number().int().min(1).max(90).describe('Estimated minutes to read the lesson and do its activity.'),
    simulation: z.enum(simulationIds).optional().describe('The simulation paired with this lesson, when it has one.'),
    glossary: z
      .array(z.string().regex(/^[a-z0-9-]+$/, 'glossary ids are lower-case words joined by hyphens'))
      .default([])
      .describe('Ids of the glossary terms this lesson marks with <Term>.'),
    takeaways: z.array(z.string().min(10)).min(2).max(6).describe('The key takeaways listed at the end of the lesson.'),
    quiz: z.array(quizQuestionSchema).min(4).describe('The end-of-lesson quiz: at least four questions.'),
  })
  .strict()
  .describe('Frontmatter of one lesson.');

export type Lesson = z.infer<typeof lessonSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const moduleSchema = z
  .object({
    id: z
      .string()
      .regex(/^\d{2}-[a-z0-9-]+$/, 'module ids are the folder name, such as 01-origins')
      .describe('The folder that holds the module’s lessons.'),
    title: z.string().min(3).describe('The module title on the course map.'),
    summary: z.string().min(10).describe('One sentence on what the module covers.'),
  })
  .describe('One module of the course.');

export type Module = z.infer<typeof moduleSchema>;

export const glossaryTermSchema = z
  .object({
    term: z.string().min(2).describe('The term as it is written in prose.'),
    definition: z.string().min(10).max(300).describe('A one-sentence definition in plain words.'),
  })
  .strict()
  .describe('One glossary entry; its id is its file name in content/glossary.');

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const sourceSchema = z
  .object({
    title: z.string().min(3).describe('Title of the work, as published.'),
    author: z.string().min(2).describe('Person or organisation responsible for it.'),
    year: z.number().int().min(1900).max(2100).describe('Year of publication.'),
    url: z.url({ protocol: /^https$/ }).describe('Where to read it; lessons link to exactly this address.'),
    note: z.string().min(10).describe('One sentence on what it supports in the course.'),
  })
  .strict()
  .describe('One cited reference; its id is its file name in content/sources.');

export type Source = z.infer<typeof sourceSchema>;

/** A facilitator guide for one lesson, for instructors running it live. */
export const facilitatorGuideSchema = z
  .object({
    lesson: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Slug of the lesson this guide is for; also the guide’s file name.'),
    goal: z.string().min(20).describe('What the group should leave able to do or explain, in one or two sentences.'),
    timing: z
      .object({
        reading: z.number().int().min(0).max(60).describe('Minutes of reading (or a short talk).'),
        activity: z.number().int().min(0).max(60).describe('Minutes for the simulation or exercise.'),
        debrief: z.number().int().min(0).max(60).describe('Minutes of group discussion.'),
      })
      .strict()
      .describe('Suggested minutes for each part of the session.'),
    introduction: z.string().min(40).describe('How to open the session: a hook or question to put to the room.'),
    prompts: z.array(z.string().min(10)).min(2).max(8).describe('Discussion prompts to use during the activity.'),
    debrief: z.array(z.string().min(10)).min(2).max(8).describe('Questions for the debrief.'),
    expected: z.array(z.string().min(20)).min(1).max(6).describe('What learners typically see in the activity, and what it means.'),
    misconceptions: z
      .array(z.object({ belief: z.string().min(10), correction: z.string().min(20) }).strict())
      .min(1)
      .max(6)
      .describe('Common misconceptions and how to answer them.'),
    scenarios: z
      .array(
        z
          .object({
            label: z.string().min(5).max(80).describe('Who opens it and what it sets, such as “Half A: deploys every day”.'),
            query: z
              .string()
              .regex(/^[a-z]+=[A-Za-z0-9.-]+(&[a-z]+=[A-Za-z0-9.-]+)*$/, 'a query such as seed=2026&policy=daily')
              .describe('The query that sets up the lesson’s simulation; a test checks every parameter against the simulation.'),
          })
          .strict(),
      )
      .min(1)
      .max(4)
      .optional()
      .describe('Scenario links to hand out (one per half of the room, say), for a lesson with a simulation.'),
    short: z
      .object({
        steps: z
          .array(z.object({ minutes: z.number().int().min(1).max(15), what: z.string().min(20) }).strict())
          .min(2)
          .max(5)
          .refine((steps) => steps.reduce((sum, s) => sum + s.minutes, 0) === 15, { message: 'the steps of the short version add up to 15 minutes' })
          .describe('The 15-minute version, step by step.'),
        cut: z.array(z.string().min(20)).min(1).max(4).describe('“If you are short on time, cut…” notes for the full session, first cut first.'),
      })
      .strict()
      .describe('A 15-minute version of the session and what to cut from the full one.'),
  })
  .strict()
  .describe('Facilitator guide for one lesson.');
export type FacilitatorGuide = z.infer<typeof facilitatorGuideSchema>;
