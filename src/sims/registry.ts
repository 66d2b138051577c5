// Which sims exist: title, lessons, result code and projector keys. Pure data the island, the course map and the debrief page read.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import { batchCode } from './batch.ts';
import { handoffCode } from './handoff.ts';

export interface SimEntry {
  id: string;
  title: string;
  /** Slugs of the lessons that embed it. */
  lessons: string[];
  /** How many missions it has (the course map shows missions won out of this). */
  missions: number;
  code: CodeSpec<never, never>;
  /** Single-key shortcuts in the projector view, in words, for the instructor page. */
  projectorKeys: Record<string, string>;
}

export const SIMS: readonly SimEntry[] = [
  {
    id: 'batch',
    title: 'Batch size and outage risk',
    lessons: ['batch-size'],
    missions: 3,
    code: batchCode as unknown as CodeSpec<never, never>,
    projectorKeys: { P: 'play or pause', N: 'next day', F: 'run to the next outage or the end', S: 'ship now', R: 'restart' },
  },
  {
    id: 'handoff',
    title: 'The handoff pipeline',
    lessons: ['waterfall', 'agile'],
    missions: 4,
    code: handoffCode as unknown as CodeSpec<never, never>,
    projectorKeys: { P: 'play or pause', N: 'next day', F: 'run to the end', S: 'release now', R: 'restart' },
  },
];

export function simById(id: string): SimEntry | undefined {
  return SIMS.find((s) => s.id === id);
}

export function simForLesson(slug: string): SimEntry | undefined {
  return SIMS.find((s) => s.lessons.includes(slug));
}

export const CODE_SPECS: ReadonlyArray<CodeSpec<never, never>> = SIMS.map((s) => s.code);
