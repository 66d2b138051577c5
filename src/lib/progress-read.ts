// Reading untrusted progress: validates saved data or an imported file with zod, migrating old versions or explaining why not.
import * as z from 'zod/mini';
import { progressFileSchema, progressSchema, progressV1Schema, progressV2Schema, type Progress, type ProgressV2 } from '../schemas/progress.ts';
import { emptyProgress } from './progress.ts';

/** Imported files larger than this are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 100_000;

export type ReadResult =
  | { status: 'empty' | 'ok'; progress: Progress }
  | { status: 'migrated'; progress: Progress; from: number }
  | { status: 'reset'; progress: Progress; reason: string };

/** The first few validation problems, as "path: message" phrases a person can act on. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'the data'}: ${issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message}`)
    .join('; ');
}

function fromVersion2(old: ProgressV2): Progress {
  return { ...old, version: 3, confidence: { before: null, after: null }, assessment: null };
}

function fromVersion1(old: z.infer<typeof progressV1Schema>, migratedAt: string): Progress {
  const progress = emptyProgress();
  for (const slug of old.completed) {
    progress.completed[slug] = migratedAt;
    progress.visited[slug] = migratedAt;
  }
  if (old.lastLesson) progress.last = { slug: old.lastLesson, at: migratedAt };
  return progress;
}

/** Turns any parsed value into current progress: as is, migrated from an older version, or a reason it cannot be. */
export function upgrade(value: unknown, now: Date = new Date()): { progress: Progress; from?: number } | { error: string } {
  const current = progressSchema.safeParse(value);
  if (current.success) return { progress: current.data };
  const version = typeof value === 'object' && value !== null && 'version' in value ? (value as { version: unknown }).version : undefined;
  if (version === 1) {
    const old = progressV1Schema.safeParse(value);
    if (old.success) return { progress: fromVersion1(old.data, now.toISOString()), from: 1 };
    return { error: `version 1 data is damaged (${describeIssues(old.error)})` };
  }
  if (version === 2) {
    const old = progressV2Schema.safeParse(value);
    if (old.success) return { progress: fromVersion2(old.data), from: 2 };
    return { error: `version 2 data is damaged (${describeIssues(old.error)})` };
  }
  if (version === undefined) return { error: 'it has no version number, so it is not Ship Small progress' };
  if (version !== 3) return { error: `version ${JSON.stringify(version).slice(0, 20)} is not one this site knows` };
  return { error: describeIssues(current.error) };
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
