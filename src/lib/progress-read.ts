// Reading untrusted progress: validates saved data or an imported file with zod, migrating old versions or explaining why not.
import * as z from 'zod/mini';
import {
  progressFileSchema,
  progressSchema,
  progressV1Schema,
  progressV2Schema,
  progressV3Schema,
  progressV4Schema,
  type Progress,
  type ProgressV1,
  type ProgressV2,
  type ProgressV3,
  type ProgressV4,
} from '../schemas/progress.ts';
import { PROGRESS_VERSION, emptyProgress } from './progress.ts';

/** Imported files larger than this are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 100_000;

export type ReadResult =
  | { status: 'empty' | 'ok'; progress: Progress }
  | { status: 'migrated'; progress: Progress; from: number }
  /** Saved by a newer release of the course (another tab, or a rollback): left untouched, never reset. */
  | { status: 'newer'; progress: Progress; version: number }
  | { status: 'reset'; progress: Progress; reason: string };

/** The first few validation problems, as "path: message" phrases a person can act on. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'the data'}: ${issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message}`)
    .join('; ');
}

/** One rung of the migration ladder: the schema of version `from`, and how to turn it into version `from + 1`. */
interface Rung {
  from: number;
  schema: z.ZodMiniType;
  up: (old: never, migratedAt: string) => unknown;
}

function rung<S extends z.ZodMiniType>(from: number, schema: S, up: (old: z.infer<S>, migratedAt: string) => unknown): Rung {
  return { from, schema, up: up as Rung['up'] };
}

/**
 * Migrations, one per version to the next. Each older value is validated against its own version's schema, raised one
 * step, and validated again at the next rung, until it reaches PROGRESS_VERSION and the current schema.
 */
export const MIGRATIONS: readonly Rung[] = [
  rung(1, progressV1Schema, (old: ProgressV1, migratedAt): ProgressV2 => {
    const visited: Record<string, string> = {};
    const completed: Record<string, string> = {};
    for (const slug of old.completed) {
      completed[slug] = migratedAt;
      visited[slug] = migratedAt;
    }
    return { version: 2, visited, completed, quiz: {}, last: old.lastLesson ? { slug: old.lastLesson, at: migratedAt } : null };
  }),
  rung(2, progressV2Schema, (old: ProgressV2): ProgressV3 => ({ ...old, version: 3, confidence: { before: null, after: null }, assessment: null })),
  rung(3, progressV3Schema, (old: ProgressV3): ProgressV4 => ({ ...old, version: 4, sims: {} })),
  // Answers saved by position cannot be tied to today's questions (the assessment was rebuilt with its ids reused), so they
  // are kept apart, unscored, with their date.
  rung(4, progressV4Schema, (old: ProgressV4): Progress => ({
    ...old,
    version: 5,
    assessment: old.assessment ? { at: old.assessment.at, answers: {}, byPosition: old.assessment.answers } : null,
  })),
];

function versionOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'version' in value ? (value as { version: unknown }).version : undefined;
}

/** Turns any parsed value into current progress: as is, migrated from an older version, or a reason it cannot be. */
export function upgrade(value: unknown, now: Date = new Date()): { progress: Progress; from?: number } | { error: string } {
  const from = versionOf(value);
  if (from === undefined) return { error: 'it has no version number, so it is not Ship Small progress' };
  let current = value;
  let version = from;
  for (const step of MIGRATIONS) {
    if (step.from !== version) continue;
    const old = step.schema.safeParse(current);
    if (!old.success) return { error: `version ${step.from} data is damaged (${describeIssues(old.error)})` };
    current = step.up(old.data as never, now.toISOString());
    version = step.from + 1;
  }
  if (typeof from === 'number' && from > PROGRESS_VERSION) {
    return { error: `version ${from} comes from a newer release of the course than this one (version ${PROGRESS_VERSION})` };
  }
  if (version !== PROGRESS_VERSION) return { error: `version ${JSON.stringify(from).slice(0, 20)} is not one this site knows` };
  const result = progressSchema.safeParse(current);
  if (!result.success) return { error: describeIssues(result.error) };
  return from === PROGRESS_VERSION ? { progress: result.data } : { progress: result.data, from: from as number };
}

/** Reads the raw stored string. Never throws: unusable data becomes a reset with its reason. */
export function readProgress(raw: string | null | undefined, now: Date = new Date()): ReadResult {
  if (raw === null || raw === undefined || raw === '') return { status: 'empty', progress: emptyProgress() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { status: 'reset', progress: emptyProgress(), reason: 'the saved data is not valid JSON' };
  }
  const version = versionOf(parsed);
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) return { status: 'newer', progress: emptyProgress(), version };
  const result = upgrade(parsed, now);
  if ('error' in result) return { status: 'reset', progress: emptyProgress(), reason: result.error };
  if (result.from !== undefined) return { status: 'migrated', progress: result.progress, from: result.from };
  return { status: 'ok', progress: result.progress };
}

export type ImportResult = { ok: true; progress: Progress; migratedFrom?: number } | { ok: false; error: string };

/** Validates an imported file. On any problem it says what is wrong; the caller keeps the current progress. */
export function importProgress(text: string, byteSize: number = text.length, now: Date = new Date()): ImportResult {
  if (byteSize > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `This file is ${Math.ceil(byteSize / 1000)} KB; a progress file is at most ${MAX_IMPORT_BYTES / 1000} KB. Nothing was changed.`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON, so it cannot be Ship Small progress. Nothing was changed.' };
  }
  const file = progressFileSchema.safeParse(parsed);
  if (!file.success) {
    return { ok: false, error: `This is not a Ship Small progress file (${describeIssues(file.error)}). Nothing was changed.` };
  }
  const result = upgrade(file.data.progress, now);
  if ('error' in result) return { ok: false, error: `The progress in this file cannot be used: ${result.error}. Nothing was changed.` };
  return result.from === undefined ? { ok: true, progress: result.progress } : { ok: true, progress: result.progress, migratedFrom: result.from };
}
