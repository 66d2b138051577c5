// Reads a class's pasted result codes (whole lines or inside chat lines) into per-sim, per-scenario groups, with every rejection explained.
import { decodeResult, findCodes, type DecodedCode } from '../sim-kit/core/result-code.ts';
import { CODE_SPECS, SIMS, type SimEntry } from '../sims/registry.ts';
import { toCsv } from '../sim-kit/core/export.ts';

export type Counted = Extract<DecodedCode, { ok: true }> & { line: number };

export interface ClassReport {
  /** One group per sim with codes, each split by scenario (the shared world), largest first. */
  sims: Array<{ sim: SimEntry; scenarios: Array<{ scenario: string; results: Counted[] }> }>;
  rejected: Array<{ line: number; code: string; reason: string }>;
  /** The same code pasted again (the same learner's run): counted once. */
  duplicates: number;
  /** Every learner counted, all sims together. */
  counted: number;
}

const MAX_TEXT = 200_000;

export function readClassCodes(text: string): ClassReport {
  const lines = text.slice(0, MAX_TEXT).split(/\r?\n/);
  const seen = new Set<string>();
  const counted: Counted[] = [];
  const rejected: ClassReport['rejected'] = [];
  let duplicates = 0;
  for (const [index, line] of lines.entries()) {
    const codes = findCodes(line);
    // A line with something code-like that the pattern did not take whole (a stray "SS2" or a cut code) is reported too.
    if (codes.length === 0 && /\bSS\d/i.test(line))
      rejected.push({ line: index + 1, code: line.trim().slice(0, 40), reason: 'looks like a code but is cut off or mistyped' });
    for (const code of codes) {
      if (seen.has(code)) {
        duplicates++;
        continue;
      }
      seen.add(code);
      const decoded = decodeResult(CODE_SPECS, code);
      if (decoded.ok) counted.push({ ...decoded, line: index + 1 });
      else rejected.push({ line: index + 1, code: code.slice(0, 80), reason: decoded.reason });
    }
  }
  const sims = SIMS.map((sim) => {
    const mine = counted.filter((c) => c.sim === sim.code.sim);
    const byScenario = new Map<string, Counted[]>();
    for (const c of mine) byScenario.set(c.scenario, [...(byScenario.get(c.scenario) ?? []), c]);
    const scenarios = [...byScenario.entries()].map(([scenario, results]) => ({ scenario, results })).sort((a, b) => b.results.length - a.results.length);
    return { sim, scenarios };
  }).filter((g) => g.scenarios.length > 0);
  return { sims, rejected, duplicates, counted: counted.length };
}

/** One sim's counted learners as CSV: line, scenario, then the code's parts by key. */
export function classToCsv(sim: SimEntry, results: readonly Counted[]): string {
  const keys = sim.code.parts.map((p) => p.key);
  return toCsv({ columns: ['line', 'scenario', ...keys], rows: results.map((r) => [r.line, r.scenario, ...keys.map((k) => r.values[k] ?? null)]) });
}
