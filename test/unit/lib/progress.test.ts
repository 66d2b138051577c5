// Tests for saved progress: reading, migrating, resetting on corrupt data, updating, and export/import round trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportProgress,
  markComplete,
  markIncomplete,
  markVisited,
  recordAnswer,
  recordAssessment,
  recordConfidence,
  completion,
  signature,
} from '../../../src/lib/progress.ts';
import { importProgress, readProgress, MAX_IMPORT_BYTES } from '../../../src/lib/progress-read.ts';
import { progressSchema } from '../../../src/schemas/progress.ts';

const now = new Date('2026-03-01T10:00:00.000Z');
const later = new Date('2026-03-02T10:00:00.000Z');
const sample = () => recordAnswer(markComplete(markVisited(emptyProgress(), 'origins', now), 'origins', now), 'origins', 0, 2);

describe('reading saved progress', () => {
  it('starts empty when nothing is saved', () => {
    expect(readProgress(null)).toEqual({ status: 'empty', progress: emptyProgress() });
  });
  it('reads current data unchanged', () => {
    const saved = sample();
    expect(readProgress(JSON.stringify(saved))).toEqual({ status: 'ok', progress: saved });
  });
  it('migrates version 1 data, keeping completed lessons and the last lesson', () => {
    const result = readProgress(JSON.stringify({ version: 1, completed: ['origins', 'waterfall'], lastLesson: 'agile' }), now);
    expect(result.status).toBe('migrated');
    expect(result.progress.completed).toEqual({ origins: now.toISOString(), waterfall: now.toISOString() });
    expect(result.progress.last).toEqual({ slug: 'agile', at: now.toISOString() });
  });
  it.each([
    ['text that is not JSON', '{"version":2,', /not valid JSON/],
    ['a JSON value of the wrong type', '42', /no version/],
    ['data from another app', '{"user":"x","theme":"dark"}', /no version/],
    ['a version from the future', '{"version":99}', /version 99 is not one this site knows/],
    [
      'current data with a damaged field',
      '{"version":3,"visited":{},"completed":{"origins":"yesterday"},"quiz":{},"last":null,"confidence":{"before":null,"after":null},"assessment":null}',
      /completed\.origins/,
    ],
    ['damaged version 2 data', '{"version":2,"visited":[]}', /version 2 data is damaged/],
    ['damaged version 1 data', '{"version":1,"completed":"origins"}', /version 1 data is damaged/],
    [
      'a hostile lesson key',
      '{"version":3,"visited":{"<img src=x>":"2026-01-01T00:00:00Z"},"completed":{},"quiz":{},"last":null,"confidence":{"before":null,"after":null},"assessment":null}',
      /visited/,
    ],
  ])('resets %s and says why', (_name, raw, reason) => {
    const result = readProgress(raw);
    expect(result.status).toBe('reset');
    expect(result.progress).toEqual(emptyProgress());
    if (result.status === 'reset') expect(result.reason).toMatch(reason);
  });
  it('drops a __proto__ key without polluting any object', () => {
    const result = readProgress(
      '{"version":3,"visited":{"__proto__":{"polluted":"yes"}},"completed":{},"quiz":{},"last":null,"confidence":{"before":null,"after":null},"assessment":null}',
    );
    expect(Object.keys(result.progress.visited)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('never throws, whatever string is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const result = readProgress(raw);
        expect(progressSchema.safeParse(result.progress).success).toBe(true);
      }),
    );
  });
});

describe('migrating version 2', () => {
  it('keeps visits, completions, answers and the resume point, and adds empty confidence and assessment', () => {
    const v2 = {
      version: 2,
      visited: { origins: now.toISOString() },
      completed: { origins: now.toISOString() },
      quiz: { origins: { '0': 2 } },
      last: { slug: 'origins', at: now.toISOString() },
    };
    const result = readProgress(JSON.stringify(v2));
    expect(result.status).toBe('migrated');
    expect(result.progress).toEqual({ ...v2, version: 3, confidence: { before: null, after: null }, assessment: null });
  });
});

describe('confidence and the final assessment', () => {
  it('records a confidence check before and after, keeping both', () => {
    const before = recordConfidence(emptyProgress(), 'before', { origins: 2 }, now);
    const both = recordConfidence(before, 'after', { origins: 5 }, later);
    expect(both.confidence.before?.ratings).toEqual({ origins: 2 });
    expect(both.confidence.after).toEqual({ at: later.toISOString(), ratings: { origins: 5 } });
    expect(progressSchema.safeParse(both).success).toBe(true);
  });
  it('records the assessment answers with their date', () => {
    const p = recordAssessment(emptyProgress(), { '0': 1, '14': 3 }, now);
    expect(p.assessment).toEqual({ at: now.toISOString(), answers: { '0': 1, '14': 3 } });
    expect(readProgress(JSON.stringify(p)).status).toBe('ok');
  });
});

describe('updating progress', () => {
  it('keeps the first visit date but moves the resume point', () => {
    const p = markVisited(markVisited(emptyProgress(), 'origins', now), 'origins', later);
    expect(p.visited['origins']).toBe(now.toISOString());
    expect(p.last).toEqual({ slug: 'origins', at: later.toISOString() });
  });
  it('completes a lesson once and can undo it', () => {
    const done = markComplete(markComplete(emptyProgress(), 'agile', now), 'agile', later);
    expect(done.completed['agile']).toBe(now.toISOString());
    expect(markIncomplete(done, 'agile').completed).toEqual({});
  });
  it('records the latest answer to each question', () => {
    const p = recordAnswer(recordAnswer(emptyProgress(), 'agile', 1, 0), 'agile', 1, 3);
    expect(p.quiz['agile']).toEqual({ '1': 3 });
  });
  it('measures completion against the lessons that exist', () => {
    const p = markComplete(markComplete(emptyProgress(), 'origins'), 'retired-lesson');
    expect(completion(p, ['origins', 'waterfall'])).toBe(0.5);
  });
});

describe('the signature of a saved value', () => {
  it('is the same for the same text and differs when the text changes at all', () => {
    const raw = JSON.stringify(sample());
    expect(signature(raw)).toBe(signature(raw));
    expect(signature(raw.replace('origins', 'originz'))).not.toBe(signature(raw));
    expect(signature(`${raw} `)).not.toBe(signature(raw));
  });
});

describe('exporting and importing', () => {
  it('round-trips progress through a file', () => {
    const saved = sample();
    expect(importProgress(exportProgress(saved, later))).toEqual({ ok: true, progress: saved });
  });
  it('imports a version 1 file by migrating it', () => {
    const file = JSON.stringify({ app: 'ship-small', kind: 'progress', exportedAt: now.toISOString(), progress: { version: 1, completed: ['origins'] } });
    const result = importProgress(file, file.length, now);
    expect(result.ok && result.migratedFrom).toBe(1);
  });
  it.each([
    ['a file over the size limit', 'x', MAX_IMPORT_BYTES + 1, /at most 100 KB/],
    ['a file that is not JSON', 'hello', 5, /not JSON/],
    ['JSON that is not a progress file', '{"name":"my-package","version":"1.0.0"}', 40, /not a Ship Small progress file \(app:/],
    [
      'a progress file with damaged progress',
      JSON.stringify({ app: 'ship-small', kind: 'progress', exportedAt: now.toISOString(), progress: { version: 3 } }),
      100,
      /cannot be used: visited: expected record/,
    ],
  ])('rejects %s with a specific message', (_name, text, size, message) => {
    const result = importProgress(text, size);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).toMatch(/Nothing was changed/);
    }
  });
  it('never accepts arbitrary JSON as progress', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = importProgress(text);
        if (result.ok) expect(progressSchema.safeParse(result.progress).success).toBe(true);
      }),
    );
  });
});
