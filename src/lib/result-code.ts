// Result codes: a learner's batch-size run in a short, versioned, checksummed string an instructor can paste and chart.
import { CLUSTERS, type Cluster, type RunSummary } from '../models/batch/metrics.ts';
import type { BatchParams, Policy, Recovery } from '../models/batch/types.ts';

export const CODE_PREFIX = 'SS1';
const PARTS = 13;

export interface ClassResult {
  /** Identifies the shared world of a workshop: seed, days, rate and recovery times (not the learner's choices). */
  scenario: string;
  policy: Policy;
  /** Per-change defect chance, 0 to 1. */
  defectRate: number;
  recovery: Recovery;
  days: number;
  changesReady: number;
  deploys: number;
  failedDeploys: number;
  downtimeMinutes: number;
  /** Median lead time in working days, or null when nothing shipped. */
  leadTimeDays: number | null;
  cluster: Cluster;
}

export type DecodeFailure = { ok: false; reason: string };
export type Decoded = { ok: true; result: ClassResult } | DecodeFailure;

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The scenario id: 6 characters from a SHA-256 of the parameters everyone in the room shares. */
export async function scenarioId(
  seed: number,
  p: Pick<BatchParams, 'days' | 'changesPerDay' | 'detectMinutes' | 'rollbackMinutes' | 'findMinutesPerChange' | 'fixMinutes'>,
): Promise<string> {
  const world = [seed, p.days, p.changesPerDay, p.detectMinutes, p.rollbackMinutes, p.findMinutesPerChange, p.fixMinutes].join('/');
  return (await sha256Hex(world)).slice(0, 6);
}

function policyCode(policy: Policy): string {
  return policy.kind === 'manual' ? 'm' : `${policy.kind[0]}${policy.kind === 'count' ? policy.changes : policy.days}`;
}

function parsePolicy(code: string): Policy | null {
  if (code === 'm') return { kind: 'manual' };
  const match = /^([ecw])(\d{1,3})$/.exec(code);
  if (!match) return null;
  const n = Number(match[2]);
  if (n < 1) return null;
  if (match[1] === 'c') return n <= 500 ? { kind: 'count', changes: n } : null;
  if (n > 130) return null;
  return { kind: match[1] === 'e' ? 'every' : 'window', days: n };
}

/** Encodes a finished run. */
export async function encodeResult(r: ClassResult): Promise<string> {
  const body = [
    CODE_PREFIX,
    r.scenario,
    policyCode(r.policy),
    Math.round(r.defectRate * 1000),
    r.recovery === 'rollback' ? 'r' : 'f',
    r.days,
    r.changesReady,
    r.deploys,
    r.failedDeploys,
    Math.round(r.downtimeMinutes),
    r.leadTimeDays === null ? 'x' : Math.round(r.leadTimeDays * 10),
    r.cluster[0],
  ].join('-');
  return `${body}-${(await sha256Hex(body)).slice(0, 6)}`;
}

export async function resultFromRun(seed: number, params: BatchParams, s: RunSummary): Promise<ClassResult> {
  return {
    scenario: await scenarioId(seed, params),
    policy: params.policy,
    defectRate: params.defectRate,
    recovery: params.recovery,
    days: params.days,
    changesReady: s.changesReady,
    deploys: s.deploys,
    failedDeploys: s.failedDeploys,
    downtimeMinutes: s.downtimeMinutes,
    leadTimeDays: s.medianLeadTimeDays,
    cluster: s.cluster,
  };
}

const fail = (reason: string): DecodeFailure => ({ ok: false, reason });
const int = (s: string | undefined) => (s !== undefined && /^\d{1,7}$/.test(s) ? Number(s) : null);

/** Decodes one code. Never throws: anything that is not a valid, untouched code gives the reason. */
export async function decodeResult(input: string): Promise<Decoded> {
  const code = input.trim();
  if (code === '') return fail('the line is empty');
  if (code.length > 80) return fail('too long to be a result code');
  if (!/^SS\d/.test(code)) return fail('not a Ship Small result code (they start with SS1-)');
  if (!code.startsWith(`${CODE_PREFIX}-`)) return fail(`made by another version of the course (${code.split('-')[0]}); this page reads ${CODE_PREFIX}`);
  const parts = code.split('-');
  if (parts.length < PARTS) return fail(`looks cut off: ${parts.length} of ${PARTS} parts`);
  if (parts.length > PARTS) return fail(`has ${parts.length - PARTS} extra part${parts.length - PARTS === 1 ? '' : 's'}`);
  const check = parts.pop()!;
  const body = parts.join('-');
  if (!/^[0-9a-f]{6}$/.test(check) || (await sha256Hex(body)).slice(0, 6) !== check) {
    return fail('the checksum does not match: the code was changed or mistyped');
  }
  const [, scenario, policyPart, defect, recovery, days, ready, deploys, failed, downtime, lead, clusterPart] = parts;
  const cluster = CLUSTERS.find((c) => c[0] === clusterPart);
  const policy = parsePolicy(policyPart ?? '');
  const numbers = [int(defect), int(days), int(ready), int(deploys), int(failed), int(downtime)];
  if (
    !/^[0-9a-f]{6}$/.test(scenario ?? '') ||
    !policy ||
    !cluster ||
    (recovery !== 'r' && recovery !== 'f') ||
    numbers.some((n) => n === null) ||
    (lead !== 'x' && int(lead) === null)
  ) {
    return fail('a part of the code has an impossible value');
  }
  const [defectPermille, dayCount, readyCount, deployCount, failedCount, downtimeMinutes] = numbers as number[];
  if (defectPermille! > 500 || dayCount! < 5 || dayCount! > 130 || failedCount! > deployCount! || deployCount! > dayCount! * 500) {
    return fail('its numbers contradict each other (for example more outages than deploys)');
  }
  return {
    ok: true,
    result: {
      scenario: scenario!,
      policy,
      defectRate: defectPermille! / 1000,
      recovery: recovery === 'r' ? 'rollback' : 'fix-forward',
      days: dayCount!,
      changesReady: readyCount!,
      deploys: deployCount!,
      failedDeploys: failedCount!,
      downtimeMinutes: downtimeMinutes!,
      leadTimeDays: lead === 'x' ? null : int(lead)! / 10,
      cluster,
    },
  };
}

export interface ClassReport {
  /** The scenario most codes share (or the one asked for), and its results. */
  scenario: string | null;
  results: Array<{ line: number; code: string; result: ClassResult }>;
  /** Valid codes from other scenarios, kept apart. */
  otherScenarios: Array<{ line: number; code: string; result: ClassResult }>;
  rejected: Array<{ line: number; code: string; reason: string }>;
}

/** Reads many pasted codes (one per line, or separated by spaces or commas) into a class report. */
export async function readClassCodes(text: string, preferScenario?: string): Promise<ClassReport> {
  const lines = text.slice(0, 200_000).split(/\r?\n/);
  const seen = new Map<string, number>();
  const valid: ClassReport['results'] = [];
  const rejected: ClassReport['rejected'] = [];
  for (const [index, line] of lines.entries()) {
    for (const code of line.split(/[\s,;]+/).filter(Boolean)) {
      const first = seen.get(code);
      if (first !== undefined) {
        rejected.push({ line: index + 1, code, reason: `a duplicate of the code on line ${first}` });
        continue;
      }
      seen.set(code, index + 1);
      const decoded = await decodeResult(code);
      if (decoded.ok) valid.push({ line: index + 1, code, result: decoded.result });
      else rejected.push({ line: index + 1, code: code.slice(0, 80), reason: decoded.reason });
    }
  }
  const counts = new Map<string, number>();
  for (const v of valid) counts.set(v.result.scenario, (counts.get(v.result.scenario) ?? 0) + 1);
  const scenario = preferScenario && counts.has(preferScenario) ? preferScenario : ([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);
  return {
    scenario,
    results: valid.filter((v) => v.result.scenario === scenario),
    otherScenarios: valid.filter((v) => v.result.scenario !== scenario),
    rejected,
  };
}

/** The class table as CSV, one row per learner. */
export function classToCsv(report: ClassReport): string {
  const header = 'line,scenario,policy,defect_percent,recovery,days,changes,deploys,outages,downtime_minutes,lead_time_days,cluster';
  const rows = report.results.map(({ line, result: r }) =>
    [
      line,
      r.scenario,
      policyCode(r.policy),
      r.defectRate * 100,
      r.recovery,
      r.days,
      r.changesReady,
      r.deploys,
      r.failedDeploys,
      r.downtimeMinutes,
      r.leadTimeDays ?? '',
      r.cluster,
    ].join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}
