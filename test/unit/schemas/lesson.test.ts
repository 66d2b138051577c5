// Tests for the lesson frontmatter schema: what it accepts, what it refuses, and that every field is documented.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assessmentQuestionSchema, lessonSchema } from '../../../src/schemas/lesson.ts';

const choice = (text: string) => ({ text, explanation: `Because ${text} is how it works here.` });
const question = (answer = 0) => ({ prompt: 'Which of these is true?', choices: [choice('a'), choice('b'), choice('c')], answer });
const good = () => ({
  title: 'Too much code at once',
  summary: 'Why big batches make deploys risky, and what to do about it.',
  objectives: ['Explain why risk grows with batch size.'],
  minutes: 15,
  simulation: 'batch-size',
  glossary: ['batch-size'],
  takeaways: ['Small batches fail less often.', 'Small batches are easier to fix.'],
  quiz: [question(0), question(1), question(2), question(0)],
});

const pathsOf = (value: unknown) => {
  const result = lessonSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('the lesson schema', () => {
  it('accepts a complete lesson', () => {
    expect(lessonSchema.safeParse(good()).success).toBe(true);
  });
  it('lets a lesson have no simulation and no glossary terms', () => {
    const { simulation: _s, glossary: _g, ...rest } = good();
    const parsed = lessonSchema.parse(rest);
    expect(parsed.simulation).toBeUndefined();
    expect(parsed.glossary).toEqual([]);
  });
  it('names the field of an answer that points past the choices', () => {
    const lesson = good();
    lesson.quiz[1] = question(7);
    expect(pathsOf(lesson)).toEqual(['quiz.1.answer']);
  });
  it('names a choice that has no explanation', () => {
    const lesson = good();
    lesson.quiz[2] = { ...question(), choices: [choice('a'), { text: 'b' } as never] };
    expect(pathsOf(lesson)).toEqual(['quiz.2.choices.1.explanation']);
  });
  it('refuses a quiz with fewer than four questions', () => {
    expect(pathsOf({ ...good(), quiz: [question()] })).toEqual(['quiz']);
  });
  it('refuses an unknown simulation and a misspelt field', () => {
    expect(pathsOf({ ...good(), simulation: 'batch' })).toEqual(['simulation']);
    expect(pathsOf({ ...good(), minuts: 3 })).toEqual(['']);
  });
  it('refuses a glossary id with spaces or capitals', () => {
    expect(pathsOf({ ...good(), glossary: ['Batch Size'] })).toEqual(['glossary.0']);
  });
  it('documents every field with describe()', () => {
    const json = z.toJSONSchema(lessonSchema) as { properties: Record<string, { description?: string }> };
    for (const [name, field] of Object.entries(json.properties)) expect(field.description, name).toBeTruthy();
  });
});

describe('the assessment question schema', () => {
  const item = (extra: object = {}) => ({ id: 'q01', lesson: 'measure', ...question(1), ...extra });
  const table = { caption: 'One quarter of deployments', columns: ['Month', 'Deployments'], rows: [['July', '9']] };
  it('accepts a question with a data table and a place in the short form', () => {
    expect(assessmentQuestionSchema.safeParse(item({ short: true, data: table })).success).toBe(true);
  });
  it('names the rows of a data table whose cells do not match its columns', () => {
    const result = assessmentQuestionSchema.safeParse(item({ data: { ...table, rows: [['July']] } }));
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['data.rows', 'every row needs one cell per column']]);
  });
  it('refuses a short-form flag that is not true or false', () => {
    expect(assessmentQuestionSchema.safeParse(item({ short: 'yes' })).error?.issues[0]?.path).toEqual(['short']);
  });
});
