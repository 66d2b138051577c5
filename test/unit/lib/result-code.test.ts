// Tests for class result codes: round trips, every rejection reason, fuzzed input, and reading a whole class.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classToCsv, decodeResult, encodeResult, readClassCodes, resultFromRun, scenarioId, type ClassResult } from '../../../src/lib/result-code.ts';
import { runQuarter, summarize } from '../../../src/models/batch/index.ts';
import { defaultScenario } from '../../../src/schemas/batch-scenario.ts';

const sample: ClassResult = {
  scenario: 'a1b2c3',
  policy: { kind: 'every', days: 5 },
  defectRate: 0.02,
  recovery: 'rollback',
  days: 65,
  changesReady: 262,
  deploys: 13,
  failedDeploys: 4,
  downtimeMinutes: 200,
  leadTimeDays: 2.5,
  cluster: 'low',
};

const resultArb: fc.Arbitrary<ClassResult> = fc
  .record({
    scenario: fc.stringMatching(/^[0-9a-f]{6}$/),
    policy: fc.oneof(
      fc.integer({ min: 1, max: 130 }).map((days) => ({ kind: 'every' as const, days })),
      fc.integer({ min: 1, max: 500 }).map((changes) => ({ kind: 'count' as const, changes })),
      fc.integer({ min: 1, max: 130 }).map((days) => ({ kind: 'window' as const, days })),
      fc.constant({ kind: 'manual' as const }),
    ),
    defectRate: fc.integer({ min: 0, max: 500 }).map((n) => n / 1000),
    recovery: fc.constantFrom('rollback' as const, 'fix-forward' as const),
    days: fc.integer({ min: 5, max: 130 }),
    changesReady: fc.integer({ min: 0, max: 5000 }),
    deploys: fc.integer({ min: 0, max: 130 }),
    downtimeMinutes: fc.integer({ min: 0, max: 100000 }),
    leadTimeDays: fc.option(
      fc.integer({ min: 0, max: 1300 }).map((n) => n / 10),
      { nil: null },
    ),
    cluster: fc.constantFrom('elite' as const, 'high' as const, 'medium' as const, 'low' as const),
  })
  .chain((r) => fc.integer({ min: 0, max: r.deploys }).map((failedDeploys) => ({ ...r, failedDeploys })));

describe('a result code', () => {
  it('is short and reads back exactly what was encoded', async () => {
    const code = await encodeResult(sample);
    expect(code).toMatch(/^SS1-a1b2c3-e5-20-r-65-262-13-4-200-25-l-[0-9a-f]{6}$/);
    expect(await decodeResult(code)).toEqual({ ok: true, result: sample });
  });

  it('round-trips any valid result', async () => {
    await fc.assert(
      fc.asyncProperty(resultArb, async (r) => {
        expect(await decodeResult(await encodeResult(r))).toEqual({ ok: true, result: r });
      }),
      { numRuns: 200 },
    );
  });

  it('comes from a real run with its summary', async () => {
    const s = defaultScenario();
    const result = await resultFromRun(s.seed, s.params, summarize(runQuarter(s.params, s.seed)));
    expect(result.scenario).toBe(await scenarioId(s.seed, s.params));
    expect((await decodeResult(await encodeResult(result))).ok).toBe(true);
  });

  it('shares its scenario id with runs of other policies in the same world, and not with other seeds', async () => {
    const s = defaultScenario();
    expect(await scenarioId(s.seed, { ...s.params, policy: { kind: 'manual' } } as never)).toBe(await scenarioId(s.seed, s.params));
    expect(await scenarioId(s.seed + 1, s.params)).not.toBe(await scenarioId(s.seed, s.params));
  });

  it.each([
    ['', /empty/],
    ['hello world', /not a Ship Small result code/],
    ['SS2-a1b2c3-e5-20-r-65-262-13-4-200-25-l-000000', /another version of the course \(SS2\)/],
    ['SS1-a1b2c3-e5-20-r-65-262', /looks cut off: 7 of 13 parts/],
    ['SS1-a1b2c3-e5-20-r-65-262-13-4-200-25-l-000000-9', /1 extra part/],
    ['x'.repeat(100), /too long/],
  ])('refuses %j and says why', async (code, reason) => {
    const decoded = await decodeResult(code);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });

  it('refuses a code whose numbers were edited (the checksum catches it)', async () => {
    const code = await encodeResult(sample);
    const tampered = code.replace('-13-4-', '-13-0-');
    expect(await decodeResult(tampered)).toEqual({ ok: false, reason: 'the checksum does not match: the code was changed or mistyped' });
  });

  it('never throws and never accepts garbage', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.array(fc.stringMatching(/^[a-z0-9]{1,4}$/)).map((xs) => ['SS1', ...xs].join('-')),
        ),
        async (text) => {
          const decoded = await decodeResult(text);
          expect(decoded.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never accepts a valid code with one character changed', async () => {
    const code = await encodeResult(sample);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: code.length - 1 }), fc.constantFrom(...'0123456789abcdef'), async (i, ch) => {
        fc.pre(code[i] !== ch && code[i] !== '-');
        expect((await decodeResult(code.slice(0, i) + ch + code.slice(i + 1))).ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('reading a class', () => {
  it('counts every valid code, lists each rejection with its line, and keeps other scenarios apart', async () => {
    const a = await encodeResult(sample);
    const b = await encodeResult({ ...sample, policy: { kind: 'every', days: 1 }, deploys: 60, failedDeploys: 5 });
    const other = await encodeResult({ ...sample, scenario: 'ffffff' });
    const report = await readClassCodes(`${a}\n\n${b}, ${a}\nnot-a-code\n${other}\n${a.slice(0, 20)}`);
    expect(report.scenario).toBe('a1b2c3');
    expect(report.results.map((r) => r.line)).toEqual([1, 3]);
    expect(report.otherScenarios.map((r) => r.result.scenario)).toEqual(['ffffff']);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'a duplicate of the code on line 1'],
      [4, 'not a Ship Small result code (they start with SS1-)'],
      [6, 'looks cut off: 6 of 13 parts'],
    ]);
    expect(classToCsv(report).trim().split('\n')).toHaveLength(3);
  });

  it('prefers the scenario the instructor asked for', async () => {
    const a = await encodeResult(sample);
    const other = await encodeResult({ ...sample, scenario: 'ffffff' });
    const report = await readClassCodes(`${a}\n${a.replace(/.$/, '')}\n${other}`, 'ffffff');
    expect(report.scenario).toBe('ffffff');
  });
});
