// Content collections: lessons (MDX), modules and glossary (YAML), each validated by its schema.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  assessmentQuestionSchema,
  confidenceStatementSchema,
  facilitatorGuideSchema,
  glossaryTermSchema,
  lessonSchema,
  moduleSchema,
  sourceSchema,
} from './schemas/lesson.ts';
import { lessonSlug } from './lib/course.ts';

const contentRoot = process.env.SHIP_SMALL_CONTENT ?? './content';

const lessons = defineCollection({
  loader: glob({ pattern: '**/[0-9]*.mdx', base: `${contentRoot}/lessons`, generateId: ({ entry }) => lessonSlug(entry) }),
  schema: lessonSchema,
});

const modules = defineCollection({
  loader: file(`${contentRoot}/lessons/modules.yaml`),
  schema: moduleSchema,
});

const glossary = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/glossary` }),
  schema: glossaryTermSchema,
});

const sources = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/sources` }),
  schema: sourceSchema,
});

const assessment = defineCollection({
  loader: file(`${contentRoot}/assessment.yaml`),
  schema: assessmentQuestionSchema,
});

const confidence = defineCollection({
  loader: file(`${contentRoot}/confidence.yaml`),
  schema: confidenceStatementSchema,
});

const facilitator = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/facilitator` }),
  schema: facilitatorGuideSchema,
});

export const collections = { lessons, modules, glossary, sources, assessment, confidence, facilitator };
