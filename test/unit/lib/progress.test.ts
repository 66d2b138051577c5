// Tests for saved progress: reading, migrating, resetting on corrupt data, updating, simulation runs, and export/import round trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportProgress,
  markComplete,
  markIncomplete,
  markVisited,
  recordAnswer,
  recordConfidence,
  completion,
  signature,
  PROGRESS_VERSION,
  MAX_SIM_RUNS,
  recordSimRun,
  winMission,
  simRuns,
  lastSimRun,
  missionsWon,
  missionsText,
} from '../../../src/lib/progress.ts';
import { recordAssessment } from '../../../src/lib/assessment.ts';
import { importProgress, readProgress, MAX_IMPORT_BYTES, MIGRATIONS } from '../../../src/lib/progress-read.ts';
import { progressSchema, type SimRun } from '../../../src/schemas/progress.ts';

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
    ['a version nobody released', '{"version":0}', /version 0 is not one this site knows/],
    ['a version number that is not a number', '{"version":"3"}', /version "3" is not one this site knows/],
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
    expect(result.progress).toEqual({ ...v2, version: PROGRESS_VERSION, confidence: { before: null, after: null }, assessment: null, sims: {} });
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
  it('records the assessment answers by question id, with their date', () => {
    const p = recordAssessment(emptyProgress(), { q01: 1, q15: 3 }, now);
    expect(p.assessment).toEqual({ at: now.toISOString(), answers: { q01: 1, q15: 3 } });
    expect(readProgress(JSON.stringify(p)).status).toBe('ok');
  });
  it('refuses assessment answers keyed by position, naming the key', () => {
    expect(() => recordAssessment(emptyProgress(), { q01: 1, '14': 3 }, now)).toThrow('saved by question id (such as q07); got "14"');
  });
  it('refuses saved assessment answers under a key that is not a question id', () => {
    const p = { ...emptyProgress(), assessment: { at: now.toISOString(), answers: { '3': 1 } } };
    expect(progressSchema.safeParse(p).success).toBe(false);
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
      /cannot be used: version 3 data is damaged \(visited: expected record/,
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

describe('one version number for the whole format', () => {
  it('is the version of the empty value, the one the schema accepts, and the tag of every signature', () => {
    expect(emptyProgress().version).toBe(PROGRESS_VERSION);
    expect(progressSchema.safeParse(emptyProgress()).success).toBe(true);
    expect(progressSchema.safeParse({ ...emptyProgress(), version: PROGRESS_VERSION - 1 }).success).toBe(false);
    expect(signature('{}')).toMatch(new RegExp(`^v${PROGRESS_VERSION}:`));
  });
  it('has a migration from every older version to the next, in order, ending at the current one', () => {
    expect(MIGRATIONS.map((step) => step.from)).toEqual(Array.from({ length: PROGRESS_VERSION - 1 }, (_, i) => i + 1));
  });
  it('climbs every rung from version 1 to the current version', () => {
    const result = readProgress(JSON.stringify({ version: 1, completed: ['origins'], lastLesson: 'origins' }), now);
    expect(result).toEqual({
      status: 'migrated',
      from: 1,
      progress: {
        ...emptyProgress(),
        visited: { origins: now.toISOString() },
        completed: { origins: now.toISOString() },
        last: { slug: 'origins', at: now.toISOString() },
      },
    });
  });
  it('migrates version 3 data by adding empty simulation records and keeping the rest', () => {
    const { sims: _sims, ...v3 } = { ...sample(), version: 3 };
    const result = readProgress(JSON.stringify(v3));
    expect(result).toEqual({ status: 'migrated', from: 3, progress: { ...v3, version: PROGRESS_VERSION, sims: {} } });
  });
  it('migrates version 4 data by keeping positional assessment answers apart, unscored, and everything else as it was', () => {
    const run = { at: now.toISOString(), code: 'SS2-x', query: 'seed=1', summary: { deploys: 3 } };
    const v4 = {
      ...sample(),
      version: 4,
      assessment: { at: later.toISOString(), answers: { '0': 1, '13': 2 } },
      sims: { batch: { runs: [run], missions: {} } },
    };
    const result = readProgress(JSON.stringify(v4));
    expect(result).toEqual({
      status: 'migrated',
      from: 4,
      progress: { ...v4, version: PROGRESS_VERSION, assessment: { at: later.toISOString(), answers: {}, byPosition: { '0': 1, '13': 2 } } },
    });
  });
  it('carries a version 3 assessment up both rungs to the version 5 shape', () => {
    const v3 = { ...sample(), version: 3, assessment: { at: now.toISOString(), answers: { '2': 0 } } } as Record<string, unknown>;
    delete v3['sims'];
    const result = readProgress(JSON.stringify(v3));
    expect(result.status).toBe('migrated');
    expect(result.progress.assessment).toEqual({ at: now.toISOString(), answers: {}, byPosition: { '2': 0 } });
    expect(result.progress.sims).toEqual({});
  });
  it('migrates a version 4 file without an assessment to one without an assessment', () => {
    const result = readProgress(JSON.stringify({ ...sample(), version: 4 }));
    expect(result).toEqual({ status: 'migrated', from: 4, progress: sample() });
  });
  it('leaves data from a newer release alone instead of resetting it', () => {
    expect(readProgress(JSON.stringify({ version: PROGRESS_VERSION + 1, anything: true }))).toEqual({
      status: 'newer',
      progress: emptyProgress(),
      version: PROGRESS_VERSION + 1,
    });
  });
  it('refuses an imported file from a newer release, naming both versions', () => {
    const file = JSON.stringify({ app: 'ship-small', kind: 'progress', exportedAt: now.toISOString(), progress: { version: PROGRESS_VERSION + 1 } });
    const result = importProgress(file);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(`version ${PROGRESS_VERSION + 1} comes from a newer release of the course than this one (version ${PROGRESS_VERSION})`);
  });
});

describe('simulation runs and missions', () => {
  const run = (at: string, code = 'SS1-x', summary: SimRun['summary'] = { deploys: 12, tier: 'high', lead: null }): SimRun => ({
    at,
    code,
    query: 'seed=7&policy=every:5',
    summary,
  });
  const day = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * 86_400_000).toISOString();

  it('records a finished run and reads it back as the last run', () => {
    const p = recordSimRun(emptyProgress(), 'batch', run(day(0)));
    expect(simRuns(p, 'batch')).toEqual([run(day(0))]);
    expect(lastSimRun(p, 'batch')).toEqual(run(day(0)));
    expect(progressSchema.safeParse(p).success).toBe(true);
  });
  it('keeps runs newest last and only the newest 20', () => {
    let p = emptyProgress();
    for (let i = 0; i < 25; i++) p = recordSimRun(p, 'batch', run(day(i), `code-${i}`));
    const runs = simRuns(p, 'batch');
    expect(runs).toHaveLength(MAX_SIM_RUNS);
    expect(runs[0]!.code).toBe('code-5');
    expect(lastSimRun(p, 'batch')!.code).toBe('code-24');
    expect(progressSchema.safeParse(p).success).toBe(true);
  });
  it('keeps each simulation separate', () => {
    const p = recordSimRun(recordSimRun(emptyProgress(), 'batch', run(day(0), 'a')), 'handoff', run(day(1), 'b'));
    expect(lastSimRun(p, 'batch')!.code).toBe('a');
    expect(lastSimRun(p, 'handoff')!.code).toBe('b');
  });
  it('answers empty for a simulation never played, even one named like an Object method', () => {
    for (const id of ['batch', 'constructor', 'tostring', 'hasownproperty']) {
      expect(simRuns(emptyProgress(), id)).toEqual([]);
      expect(lastSimRun(emptyProgress(), id)).toBeNull();
      expect(missionsWon(emptyProgress(), id)).toEqual({});
    }
  });
  it('wins a mission once, keeping the date it was first won', () => {
    const once = winMission(emptyProgress(), 'batch', 'ship-daily', now);
    const twice = winMission(once, 'batch', 'ship-daily', later);
    expect(twice).toBe(once);
    expect(missionsWon(twice, 'batch')).toEqual({ 'ship-daily': now.toISOString() });
    expect(missionsWon(winMission(twice, 'batch', 'no-outage', later), 'batch')).toEqual({ 'ship-daily': now.toISOString(), 'no-outage': later.toISOString() });
  });
  it('does not change the progress it is given', () => {
    const before = emptyProgress();
    const copy = structuredClone(before);
    recordSimRun(before, 'batch', run(day(0)));
    winMission(before, 'batch', 'm', now);
    expect(before).toEqual(copy);
  });
  it.each([
    ['a simulation id with capitals', () => recordSimRun(emptyProgress(), 'Batch', run(day(0))), /simulation id must be/],
    ['the __proto__ id', () => winMission(emptyProgress(), '__proto__', 'm'), /simulation id must be/],
    ['a mission id with a space', () => winMission(emptyProgress(), 'batch', 'ship daily'), /mission id must be/],
    ['a code over 200 characters', () => recordSimRun(emptyProgress(), 'batch', run(day(0), 'x'.repeat(201))), /run\.code is 201 characters; at most 200/],
    ['a query over 500 characters', () => recordSimRun(emptyProgress(), 'batch', { ...run(day(0)), query: 'q'.repeat(501) }), /run\.query is 501/],
    ['a date that is not ISO', () => recordSimRun(emptyProgress(), 'batch', run('yesterday')), /run\.at must be an ISO date/],
    ['a summary key with a dash', () => recordSimRun(emptyProgress(), 'batch', run(day(0), 'c', { 'lead-time': 1 })), /summary key "lead-time"/],
    [
      'too many summary keys',
      () => recordSimRun(emptyProgress(), 'batch', run(day(0), 'c', Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i])))),
      /25 keys; at most 24/,
    ],
    ['a long summary string', () => recordSimRun(emptyProgress(), 'batch', run(day(0), 'c', { tier: 't'.repeat(81) })), /run\.summary\.tier is 81 characters/],
    ['a summary number that is not finite', () => recordSimRun(emptyProgress(), 'batch', run(day(0), 'c', { rate: Number.NaN })), /finite number/],
  ])('refuses %s with a message naming it', (_name, act, message) => {
    expect(act).toThrow(message);
  });
  it('accepts exactly what the schema accepts at the limits', () => {
    const edge = run(day(0), 'c'.repeat(200), Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`k${i}`, 's'.repeat(80)])));
    const p = winMission(recordSimRun(emptyProgress(), 'a'.repeat(32), { ...edge, query: 'q'.repeat(500) }), 'a'.repeat(32), 'm'.repeat(32), now);
    expect(progressSchema.safeParse(p).success).toBe(true);
  });
  it('round-trips runs and missions through an exported file', () => {
    const p = winMission(recordSimRun(sample(), 'batch', run(day(0))), 'batch', 'ship-daily', now);
    expect(importProgress(exportProgress(p, later))).toEqual({ ok: true, progress: p });
  });
});

describe('missions in words', () => {
  it.each([
    [0, undefined, ''],
    [1, undefined, '1 mission won'],
    [3, undefined, '3 missions won'],
    [1, 1, '1 of 1 mission won'],
    [2, 5, '2 of 5 missions won'],
  ])('says %i won (of %s) as %j', (won, total, text) => {
    expect(missionsText(won, total)).toBe(text);
  });
});
