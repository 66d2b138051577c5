// Checks over the whole course content: schemas, glossary terms marked and defined, quizzes, sources and links.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lessonSlug } from '../../src/lib/course.ts';
import {
  assessmentQuestionSchema,
  confidenceStatementSchema,
  facilitatorGuideSchema,
  glossaryTermSchema,
  lessonSchema,
  sourceSchema,
  type Lesson,
} from '../../src/schemas/lesson.ts';

const root = 'content';
const lessonFiles = readdirSync(join(root, 'lessons'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => join(root, 'lessons', f))
  .sort();
const lessons = lessonFiles.map((file) => {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8')) ?? [];
  return { file, slug: lessonSlug(file), data: parse(front ?? '') as Lesson, body: body ?? '' };
});
const yamlDir = (dir: string) =>
  Object.fromEntries(readdirSync(join(root, dir)).map((f) => [basename(f, '.yaml'), parse(readFileSync(join(root, dir, f), 'utf8'))]));
const glossary = yamlDir('glossary');
const sources = yamlDir('sources');
const slugs = new Set(lessons.map((l) => l.slug));
const pages = new Set([
  '/',
  '/lessons/',
  '/glossary/',
  '/search/',
  '/sources/',
  '/assessment/',
  '/confidence/',
  '/completion/',
  ...[...slugs].map((s) => `/lessons/${s}/`),
]);
const links = (body: string) => [...body.matchAll(/\]\(([^)\s]+)\)|href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);

describe('the course content', () => {
  it('has the thirteen lessons of the outline, each valid against the lesson schema', () => {
    expect(lessons).toHaveLength(13);
    for (const l of lessons) {
      const result = lessonSchema.safeParse(l.data);
      expect(result.success, `${l.file}: ${result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`).toBe(true);
    }
  });

  it('marks every listed glossary term in the body, and lists every term it marks', () => {
    for (const l of lessons) {
      const marked = new Set([...l.body.matchAll(/<Term id="([^"]+)"/g)].map((m) => m[1]!));
      expect([...marked].sort(), l.file).toEqual([...new Set(l.data.glossary)].sort());
    }
  });

  it('defines every glossary term a lesson uses, and uses every defined term', () => {
    const used = new Set(lessons.flatMap((l) => l.data.glossary));
    for (const id of used) expect(glossary[id], `content/glossary/${id}.yaml is missing`).toBeDefined();
    for (const id of Object.keys(glossary)) expect(used.has(id), `content/glossary/${id}.yaml is used by no lesson`).toBe(true);
    for (const [id, term] of Object.entries(glossary)) expect(glossaryTermSchema.safeParse(term).success, id).toBe(true);
  });

  it('gives every quiz question exactly one right answer among distinct choices, each explained', () => {
    for (const l of lessons) {
      expect(l.data.quiz.length, `${l.file} needs at least five questions`).toBeGreaterThanOrEqual(5);
      for (const [i, q] of l.data.quiz.entries()) {
        const texts = q.choices.map((c) => c.text.trim().toLowerCase());
        expect(new Set(texts).size, `${l.file} quiz.${i} repeats a choice`).toBe(texts.length);
        expect(q.answer, `${l.file} quiz.${i}`).toBeLessThan(q.choices.length);
        expect(q.choices.every((c) => c.explanation.length >= 10)).toBe(true);
      }
    }
  });

  it('links to other pages relatively (so a base path works) and only to pages that exist', () => {
    for (const l of lessons) {
      for (const href of links(l.body)) {
        if (href.startsWith('#') || /^https?:/.test(href)) continue;
        expect(href.startsWith('/'), `${l.file} links to ${href}: write it relative to /lessons/${l.slug}/, such as ../batch-size/`).toBe(false);
        const target = new URL(href, `https://course.test/lessons/${l.slug}/`).pathname;
        expect(pages.has(target), `${l.file} links to ${href} (${target}), which is not a page`).toBe(true);
      }
    }
  });

  it('cites only well-formed https addresses', () => {
    for (const l of lessons) {
      for (const href of links(l.body).filter((h) => /^[a-z]+:/i.test(h))) expect(new URL(href).protocol, `${l.file}: ${href}`).toBe('https:');
    }
  });

  it('lists every cited address on the Sources page, and every source is valid and cited', () => {
    const urls = new Set(Object.values(sources).map((s) => (s as { url: string }).url));
    const cited = new Set(lessons.flatMap((l) => links(l.body).filter((h) => h.startsWith('http'))));
    for (const href of cited) expect(urls.has(href), `${href} is cited but has no file in content/sources/`).toBe(true);
    for (const [id, source] of Object.entries(sources)) {
      expect(sourceSchema.safeParse(source).success, id).toBe(true);
      expect(cited.has((source as { url: string }).url), `content/sources/${id}.yaml is cited by no lesson`).toBe(true);
    }
  });

  it('ties every assessment question and confidence statement to a lesson that exists', () => {
    const questions = parse(readFileSync(join(root, 'assessment.yaml'), 'utf8')) as unknown[];
    expect(questions.length).toBeGreaterThanOrEqual(15);
    for (const q of questions) {
      const parsed = assessmentQuestionSchema.parse(q);
      expect(slugs.has(parsed.lesson), `${parsed.id} names lesson ${parsed.lesson}`).toBe(true);
    }
    const taught = new Set(questions.map((q) => (q as { lesson: string }).lesson));
    for (const slug of slugs) expect(taught.has(slug), `no assessment question covers ${slug}`).toBe(true);
    for (const s of parse(readFileSync(join(root, 'confidence.yaml'), 'utf8')) as unknown[])
      expect(slugs.has(confidenceStatementSchema.parse(s).lesson)).toBe(true);
  });

  it('has a facilitator guide for every lesson, valid and named for its lesson', () => {
    const guides = yamlDir('facilitator');
    for (const slug of slugs) {
      const guide = guides[slug];
      expect(guide, `content/facilitator/${slug}.yaml is missing`).toBeDefined();
      expect(facilitatorGuideSchema.safeParse(guide).success, slug).toBe(true);
      expect((guide as { lesson: string }).lesson).toBe(slug);
    }
  });

  it('keeps diagrams described in words for screen readers', () => {
    for (const file of readdirSync('src/components/diagrams')) {
      const text = readFileSync(join('src/components/diagrams', file), 'utf8');
      expect(text, file).toMatch(/role="img"/);
      expect(text, file).toMatch(/<title|<desc|aria-label/);
    }
    expect(existsSync('src/components/diagrams')).toBe(true);
  });
});
