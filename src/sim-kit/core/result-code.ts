// Result codes: a finished run as a short, versioned, checksummed string an instructor pastes into the class debrief.
import { streamSeed } from './random.ts';

/**
 * What one sim puts in its code. A code is `SS2-<sim>-<version>-<scenario>-<nonce>-<numbers>-<check>`: the numbers are the
 * parts' whole values in base 36 joined by dots; the nonce tells two learners' identical runs apart.
 */
export interface CodeSpec<Values, Summary> {
  /** The sim's code letters (lower-case, 1 to 3). */
  sim: string;
  /** Bumped whenever the parts or their meaning change; codes of other versions are explained, not misread. */
  version: number;
  /** Field names whose values make the shared world of a workshop (the scenario id hashes them with the seed). */
  world: ReadonlyArray<keyof Values & string>;
  parts: ReadonlyArray<{ key: string; label: string; read: (values: Values, summary: Summary) => number }>;
}

export const CODE_PREFIX = 'SS2';
const MAX_LENGTH = 160;

function hash(text: string): string {
  return (streamSeed(0x5eed, text) >>> 0).toString(36).padStart(7, '0').slice(-7);
}

/** The shared world's id: six characters from the seed and the world fields' values. */
export function scenarioId<V, S>(spec: CodeSpec<V, S>, seed: number, values: V): string {
  return hash(`${spec.sim}/${seed}/${spec.world.map((k) => String(values[k])).join('/')}`).slice(0, 6);
}

/** A fresh nonce of four base-36 characters from any source of randomness (the island passes crypto). */
export function makeNonce(random: () => number): string {
  return Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
}

export function encodeResult<V, S>(spec: CodeSpec<V, S>, seed: number, values: V, summary: S, nonce: string): string {
  const numbers = spec.parts.map((p) => {
    const n = Math.round(p.read(values, summary));
    if (!Number.isFinite(n) || n < 0) throw new Error(`code part ${p.key} must be a whole number of 0 or more (got ${n})`);
    return n.toString(36);
  });
  const body = [CODE_PREFIX, spec.sim, spec.version, scenarioId(spec, seed, values), nonce, numbers.join('.')].join('-');
  return `${body}-${hash(body).slice(0, 5)}`;
}

export type DecodedCode =
  | { ok: true; code: string; sim: string; version: number; scenario: string; nonce: string; values: Record<string, number> }
  | { ok: false; code: string; reason: string };

/** Codes found in pasted text: whole lines, or codes inside chat lines ("Ana: SS2-b-1-…"). */
export function findCodes(text: string): string[] {
  return [...text.matchAll(/\bSS\d+-[A-Za-z0-9.-]+/g)].map((m) => m[0].replace(/[.-]+$/, ''));
}

/** Decodes one code against the known specs. Never throws: anything that is not a valid, untouched code gives the reason. */
export function decodeResult(specs: ReadonlyArray<CodeSpec<never, never>>, input: string): DecodedCode {
  const code = input.trim();
  const fail = (reason: string): DecodedCode => ({ ok: false, code, reason });
  if (code === '') return fail('the line is empty');
  if (code.length > MAX_LENGTH) return fail('too long to be a result code');
  if (/^SS1-/.test(code)) return fail('made by an older version of the course (SS1); ask for a new code from a run on the current site');
  if (!/^SS\d+-/.test(code)) return fail(`not a Ship Small result code (they start with ${CODE_PREFIX}-)`);
  if (!code.startsWith(`${CODE_PREFIX}-`)) return fail(`made by another version of the course (${code.split('-')[0]}); this page reads ${CODE_PREFIX}`);
  const parts = code.split('-');
  if (parts.length !== 7) return fail(parts.length < 7 ? 'looks cut off: some parts are missing' : 'has extra parts');
  const check = parts.pop()!;
  if (hash(parts.join('-')).slice(0, 5) !== check) return fail('the checksum does not match: the code was changed or mistyped');
  const [, sim, versionText, scenario, nonce, numbersText] = parts as [string, string, string, string, string, string];
  const spec = specs.find((s) => s.sim === sim);
  if (!spec) return fail(`made by a simulation this page does not know (“${sim.slice(0, 3)}”)`);
  const version = Number(versionText);
  if (version !== spec.version) return fail(`made by version ${versionText.slice(0, 4)} of this simulation; this page reads version ${spec.version}`);
  const numbers = numbersText.split('.');
  if (numbers.length !== spec.parts.length || numbers.some((n) => !/^[0-9a-z]{1,8}$/.test(n))) return fail('a part of the code has an impossible value');
  const values = Object.fromEntries(spec.parts.map((p, i) => [p.key, parseInt(numbers[i]!, 36)]));
  return { ok: true, code, sim, version, scenario, nonce, values };
}
