// Tests for result codes: round trips, a nonce per learner, every rejection reason, codes inside chat lines, and a whole class.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult, findCodes, makeNonce } from '../../../src/sim-kit/core/result-code.ts';
import { batchModel, summarize } from '../../../src/models/batch/index.ts';
import { batchFields, batchParams, type BatchValues } from '../../../src/schemas/batch-scenario.ts';
import { batchCode } from '../../../src/sims/batch.ts';
import { CODE_SPECS } from '../../../src/sims/registry.ts';
import { classToCsv, readClassCodes } from '../../../src/lib/class-report.ts';

const values = (over: Partial<BatchValues> = {}) => ({ ...defaultValues(batchFields), ...over });
const codeFor = (over: Partial<BatchValues>, seed: number, nonce: string) => {
  const v = values(over);
  return encodeResult(batchCode, seed, v, summarize(runToEnd(batchModel, batchParams(v), seed)), nonce);
};

describe('result codes', () => {
  it('decode to the numbers they were made from', () => {
    const v = values({ policy: 'weekly' });
    const s = summarize(runToEnd(batchModel, batchParams(v), 2026));
    const decoded = decodeResult(CODE_SPECS, encodeResult(batchCode, 2026, v, s, 'ab12'));
    expect(decoded).toMatchObject({ ok: true, sim: 'b', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toMatchObject({
      policy: 2,
      defect: 20,
      ready: s.changesReady,
      deploys: s.deploys,
      outages: s.failedDeploys,
      downtime: Math.round(s.downtimeMinutes),
    });
  });

  it('round-trip any finished run of any policy and seed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'windows', 'manual' as const),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (policy, seed) => {
          const decoded = decodeResult(CODE_SPECS, codeFor({ policy: policy as BatchValues['policy'], days: 20 }, seed, 'zz00'));
          expect(decoded.ok).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('share a scenario id for learners on the same dice, whatever their policy, and differ by nonce', () => {
    const a = decodeResult(
      CODE_SPECS,
      codeFor(
        { policy: 'daily' },
        7,
        makeNonce(() => 0.1),
      ),
    );
    const b = decodeResult(
      CODE_SPECS,
      codeFor(
        { policy: 'quarterly' },
        7,
        makeNonce(() => 0.9),
      ),
    );
    const c = decodeResult(CODE_SPECS, codeFor({ policy: 'daily' }, 8, 'aaaa'));
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(a.scenario).toBe(b.scenario);
    expect(a.scenario).not.toBe(c.scenario);
    expect(a.nonce).not.toBe(b.nonce);
  });

  it.each([
    ['', /empty/],
    ['hello', /not a Ship Small result code/],
    ['SS1-a1b2c3-e5-20-r-65-262-13-4-200-25-l-abcdef', /older version of the course \(SS1\)/],
    ['SS9-b-1-aaaaaa-0000-1.2-abcde', /another version of the course \(SS9\)/],
    ['SS2-b-1-aaaaaa-0000', /cut off/],
  ])('reject %j with a reason', (code, reason) => {
    const decoded = decodeResult(CODE_SPECS, code);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });

  it('reject a code with one character changed', () => {
    const code = codeFor({}, 3, 'q1w2');
    const i = code.lastIndexOf('-') - 3;
    const edited = `${code.slice(0, i)}${code[i] === '1' ? '2' : '1'}${code.slice(i + 1)}`;
    const decoded = decodeResult(CODE_SPECS, edited);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(/checksum|impossible/);
  });

  it('never throw on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(() => decodeResult(CODE_SPECS, `SS2-${text}`)).not.toThrow();
        expect(() => readClassCodes(text)).not.toThrow();
      }),
    );
  });

  it('are found inside chat lines', () => {
    const code = codeFor({}, 3, 'q1w2');
    expect(findCodes(`[10:42] Ana: here is mine ${code}. thanks!`)).toEqual([code]);
  });
});

describe('a class report', () => {
  it('counts a room of twenty learners on two links as twenty, and a pasted-twice code once', () => {
    const codes = Array.from({ length: 20 }, (_, i) =>
      codeFor(
        { policy: i % 2 ? 'daily' : 'quarterly' },
        2026,
        makeNonce(() => (i + 0.5) / 20),
      ),
    );
    const text = [...codes.map((c, i) => `Learner ${i}: ${c}`), codes[3]!].join('\n');
    const report = readClassCodes(text);
    expect(report.counted).toBe(20);
    expect(report.duplicates).toBe(1);
    expect(report.sims[0]!.scenarios[0]!.results).toHaveLength(20);
  });

  it('lists bad codes with their line and reason, apart from the counted ones', () => {
    const good = codeFor({}, 1, 'aaaa');
    const report = readClassCodes(`${good}\nSS1-a1b2c3-e5-20\nSS2-b-1-zz`);
    expect(report.counted).toBe(1);
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3]);
  });

  it('exports one CSV row per counted learner', () => {
    const report = readClassCodes([codeFor({}, 1, 'aaaa'), codeFor({}, 1, 'bbbb')].join('\n'));
    const group = report.sims[0]!;
    const csv = classToCsv(group.sim, group.scenarios[0]!.results).trim().split('\r\n');
    expect(csv[0]).toBe(`line,scenario,${batchCode.parts.map((p) => p.key).join(',')}`);
    expect(csv).toHaveLength(3);
  });
});
