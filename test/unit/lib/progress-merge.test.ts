// Tests for combining progress on import: what each side holds, lessons the course lacks, and a merge that loses nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, markComplete, markVisited, recordAnswer, recordConfidence, recordSimRun, winMission, MAX_SIM_RUNS } from '../../../src/lib/progress.ts';
import { recordAssessment } from '../../../src/lib/assessment.ts';
import { dropUnknownLessons, isEmpty, mergeProgress, mergeRuns, summarize } from '../../../src/lib/progress-merge.ts';
import { progressSchema, type Progress, type SimRun } from '../../../src/schemas/progress.ts';

const at = (day: number) => new Date(Date.UTC(2026, 2, 1 + day));
const run = (day: number, code = 'SS1-a'): SimRun => ({ at: at(day).toISOString(), code, query: 'seed=1', summary: { deploys: day } });
const complete = (p: Progress, slugs: string[], day: number) => slugs.reduce((q, s) => markComplete(markVisited(q, s, at(day)), s, at(day)), p);

describe('what a set of progress holds', () => {
  it('counts lessons, quizzes, checks, runs and missions, and finds the newest date', () => {
    const p = winMission(recordSimRun(recordAnswer(complete(emptyProgress(), ['origins', 'agile'], 1), 'agile', 0, 1), 'batch', run(3)), 'batch', 'm', at(4));
    expect(summarize(p)).toEqual({ completed: 2, visited: 2, quizzes: 1, assessment: null, confidence: 0, runs: 1, missions: 1, latest: at(4).toISOString() });
    expect(isEmpty(p)).toBe(false);
  });
  it('calls progress with nothing in it empty', () => {
    expect(isEmpty(emptyProgress())).toBe(true);
    expect(summarize(emptyProgress()).latest).toBeNull();
    expect(isEmpty(recordAnswer(emptyProgress(), 'agile', 0, 1))).toBe(false);
  });
});

describe('lessons the course does not have', () => {
  it('are dropped from visits, completions, quizzes and the resume point, and named', () => {
    const p = recordAnswer(markVisited(complete(emptyProgress(), ['origins', 'retired', 'old-lesson'], 0), 'retired', at(1)), 'old-lesson', 0, 1);
    const { progress, dropped } = dropUnknownLessons(p, ['origins', 'agile']);
    expect(dropped).toEqual(['old-lesson', 'retired']);
    expect(Object.keys(progress.completed)).toEqual(['origins']);
    expect(Object.keys(progress.visited)).toEqual(['origins']);
    expect(progress.quiz).toEqual({});
    expect(progress.last).toBeNull();
  });
  it('leave known lessons untouched', () => {
    const p = complete(emptyProgress(), ['origins'], 0);
    expect(dropUnknownLessons(p, ['origins'])).toEqual({ progress: p, dropped: [] });
  });
});

describe('merging the browser’s progress with a file', () => {
  it('keeps every completed lesson from both sides, at its earliest date', () => {
    const mine = complete(emptyProgress(), ['origins', 'waterfall', 'agile', 'conway'], 5);
    const theirs = complete(emptyProgress(), ['origins', 'testing'], 2);
    const merged = mergeProgress(mine, theirs);
    expect(Object.keys(merged.completed).sort()).toEqual(['agile', 'conway', 'origins', 'testing', 'waterfall']);
    expect(merged.completed['origins']).toBe(at(2).toISOString());
  });
  it('keeps this browser’s quiz answer where both answered, and every other answer', () => {
    const mine = recordAnswer(emptyProgress(), 'agile', 0, 1);
    const theirs = recordAnswer(recordAnswer(emptyProgress(), 'agile', 0, 3), 'agile', 1, 2);
    expect(mergeProgress(mine, theirs).quiz).toEqual({ agile: { '0': 1, '1': 2 } });
  });
  it('keeps the later resume point and assessment, the earlier "before" and the later "after" confidence check', () => {
    const mine = recordConfidence(recordAssessment(markVisited(emptyProgress(), 'agile', at(9)), { q01: 1 }, at(9)), 'before', { a: 2 }, at(3));
    const theirs = recordConfidence(
      recordConfidence(recordAssessment(markVisited(emptyProgress(), 'origins', at(1)), { q01: 2 }, at(1)), 'before', { a: 1 }, at(0)),
      'after',
      { a: 5 },
      at(8),
    );
    const merged = mergeProgress(mine, theirs);
    expect(merged.last?.slug).toBe('agile');
    expect(merged.assessment?.answers).toEqual({ q01: 1 });
    expect(merged.confidence.before?.ratings).toEqual({ a: 1 });
    expect(merged.confidence.after?.ratings).toEqual({ a: 5 });
  });
  it('unites simulation runs by date and code, keeping the newest 20, and missions at their first date', () => {
    let mine = winMission(emptyProgress(), 'batch', 'daily', at(5));
    let theirs = winMission(winMission(emptyProgress(), 'batch', 'daily', at(2)), 'batch', 'calm', at(6));
    for (let d = 0; d < 15; d++) mine = recordSimRun(mine, 'batch', run(d * 2));
    for (let d = 0; d < 15; d++) theirs = recordSimRun(theirs, 'batch', run(d * 2 + 1));
    theirs = recordSimRun(theirs, 'batch', run(28));
    theirs = recordSimRun(theirs, 'handoff', run(1, 'H'));
    const merged = mergeProgress(mine, theirs);
    const runs = merged.sims['batch']!.runs;
    expect(runs).toHaveLength(MAX_SIM_RUNS);
    expect(runs.map((r) => r.summary['deploys'])).toEqual(Array.from({ length: 20 }, (_, i) => i + 10));
    expect(merged.sims['batch']!.missions).toEqual({ daily: at(2).toISOString(), calm: at(6).toISOString() });
    expect(merged.sims['handoff']!.runs).toEqual([run(1, 'H')]);
    expect(progressSchema.safeParse(merged).success).toBe(true);
  });
  it('keeps two runs at the same moment with different codes', () => {
    expect(mergeRuns([run(1, 'a')], [run(1, 'b'), run(1, 'a')])).toEqual([run(1, 'a'), run(1, 'b')]);
  });
  it('never loses a completed lesson, and merging with itself changes nothing', () => {
    const slugs = fc.subarray(['origins', 'waterfall', 'agile', 'conway', 'testing']);
    fc.assert(
      fc.property(slugs, slugs, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (a, b, da, db) => {
        const mine = complete(emptyProgress(), a, da);
        const theirs = complete(emptyProgress(), b, db);
        const merged = mergeProgress(mine, theirs);
        for (const slug of [...a, ...b]) expect(merged.completed[slug]).toBeDefined();
        expect(mergeProgress(mine, mine)).toEqual(mine);
        expect(progressSchema.safeParse(merged).success).toBe(true);
      }),
    );
  });
});
