// The batch-size scenario: seed plus every parameter, as kept in the URL query; each bad value falls back to its default with a message.
import { z } from 'zod';
import type { BatchParams, Policy, Recovery } from '../models/batch/types.ts';

/** Presets for the test-suite strength, as a per-change defect chance. */
export const DEFECT_PRESETS = { strong: 0.02, weak: 0.08 } as const;

const POLICY_HINT = 'use every:DAYS, count:CHANGES, window:DAYS or manual';
const policyPattern = /^(every|count|window):(\d{1,3})$|^manual$/;

export const policySchema = z
  .string()
  .max(20, POLICY_HINT)
  .regex(policyPattern, POLICY_HINT)
  .transform((value, ctx): Policy => {
    if (value === 'manual') return { kind: 'manual' };
    const [kind, raw] = value.split(':') as ['every' | 'count' | 'window', string];
    const n = Number(raw);
    const max = kind === 'count' ? 500 : 130;
    if (n < 1 || n > max) {
      ctx.addIssue({ code: 'custom', message: `the number after ${kind}: must be from 1 to ${max}` });
      return z.NEVER;
    }
    return kind === 'count' ? { kind, changes: n } : { kind, days: n };
  })
  .describe('When to deploy: every:5 (every 5 working days), count:10 (whenever 10 changes wait), window:21 (maintenance windows), or manual.');

const int = (min: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const num = (min: number, max: number) => z.coerce.number({ error: 'must be a number' }).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** One entry per URL parameter: its schema, its default, and what it means. */
export const scenarioFields = {
  seed: { schema: int(0, 2_147_483_647).describe('The dice: the same seed gives the same changes and defects.'), fallback: 2026 },
  days: { schema: int(5, 130).describe('Working days simulated (65 is a quarter).'), fallback: 65 },
  rate: { schema: num(0.5, 20).describe('Changes ready per working day, on average.'), fallback: 4 },
  defect: { schema: num(0, 50).describe('Percent chance that one change breaks production (2 = strong tests, 8 = weak).'), fallback: 2 },
  policy: { schema: policySchema, fallback: { kind: 'every', days: 5 } as Policy },
  recovery: {
    schema: z.enum(['rollback', 'fix-forward'], 'use rollback or fix-forward').describe('How automatic runs recover from an outage.'),
    fallback: 'rollback' as Recovery,
  },
  detect: { schema: int(0, 1440).describe('Minutes before an outage is noticed.'), fallback: 30 },
  rollback: { schema: int(0, 1440).describe('Minutes to roll a deploy back.'), fallback: 20 },
  find: { schema: int(0, 240).describe('Minutes per change in the batch to find the bad one.'), fallback: 10 },
  fix: { schema: int(0, 1440).describe('Minutes to write and ship a fix once the bad change is found.'), fallback: 45 },
  vs: { schema: policySchema.optional(), fallback: undefined as Policy | undefined },
} as const;

export type ScenarioParam = keyof typeof scenarioFields;

export interface Scenario {
  seed: number;
  params: BatchParams;
  /** The second policy of the "same dice" comparison, if the link has one. */
  vs: Policy | undefined;
}

export interface ScenarioProblem {
  param: string;
  message: string;
}

/** The defaults every bad value falls back to. */
export function defaultScenario(): Scenario {
  return fromValues({});
}

type Values = { -readonly [K in ScenarioParam]?: (typeof scenarioFields)[K]['fallback'] };

function fromValues(v: Values): Scenario {
  const f = scenarioFields;
  return {
    seed: v.seed ?? f.seed.fallback,
    vs: v.vs ?? f.vs.fallback,
    params: {
      days: v.days ?? f.days.fallback,
      changesPerDay: v.rate ?? f.rate.fallback,
      defectRate: (v.defect ?? f.defect.fallback) / 100,
      policy: v.policy ?? f.policy.fallback,
      recovery: v.recovery ?? f.recovery.fallback,
      detectMinutes: v.detect ?? f.detect.fallback,
      rollbackMinutes: v.rollback ?? f.rollback.fallback,
      findMinutesPerChange: v.find ?? f.find.fallback,
      fixMinutes: v.fix ?? f.fix.fallback,
    },
  };
}

/** A short, inert rendering of a value a visitor typed, for messages (React escapes it too). */
function quote(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '');
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 40)}…` : clean);
}

/** Reads a URL query. Every valid parameter is used; each invalid one is reported by name and replaced by its default. */
export function parseScenario(search: string | URLSearchParams): { scenario: Scenario; problems: ScenarioProblem[] } {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values: Record<string, unknown> = {};
  const problems: ScenarioProblem[] = [];
  for (const [name, field] of Object.entries(scenarioFields) as [ScenarioParam, (typeof scenarioFields)[ScenarioParam]][]) {
    const all = query.getAll(name);
    if (all.length === 0) continue;
    const raw = all[0]!;
    if (all.length > 1) problems.push({ param: name, message: `“${name}” appears ${all.length} times; the first one is used.` });
    const result = field.schema.safeParse(raw.trim() === '' ? undefined : raw);
    if (result.success && result.data !== undefined) values[name] = result.data;
    else if (!result.success) {
      const why = result.error.issues[0]?.message ?? 'is not valid';
      problems.push({
        param: name,
        message: `“${name}” ${why.startsWith('must') ? why : `is not valid: ${why}`} (got ${quote(raw)}); using the default instead.`,
      });
    }
  }
  return { scenario: fromValues(values as Values), problems };
}

export function policyToParam(policy: Policy): string {
  return policy.kind === 'manual' ? 'manual' : `${policy.kind}:${policy.kind === 'count' ? policy.changes : policy.days}`;
}

/** The canonical query for a scenario: every parameter, always in the same order. */
export function scenarioToQuery(s: Scenario): string {
  const p = s.params;
  const query = new URLSearchParams({
    seed: String(s.seed),
    days: String(p.days),
    rate: String(p.changesPerDay),
    defect: String(Math.round(p.defectRate * 10000) / 100),
    policy: policyToParam(p.policy),
    recovery: p.recovery,
    detect: String(p.detectMinutes),
    rollback: String(p.rollbackMinutes),
    find: String(p.findMinutesPerChange),
    fix: String(p.fixMinutes),
  });
  if (s.vs) query.set('vs', policyToParam(s.vs));
  return query.toString();
}

/** A policy in words, for labels and announcements. */
export function describePolicy(policy: Policy): string {
  switch (policy.kind) {
    case 'every':
      return policy.days === 1
        ? 'deploy every day'
        : policy.days === 5
          ? 'deploy every week'
          : policy.days === 21
            ? 'deploy every month'
            : policy.days === 65
              ? 'deploy once a quarter'
              : `deploy every ${policy.days} days`;
    case 'count':
      return `deploy whenever ${policy.changes} change${policy.changes === 1 ? '' : 's'} wait`;
    case 'window':
      return `deploy only in maintenance windows, every ${policy.days} days`;
    case 'manual':
      return 'deploy only when you press Ship now';
  }
}
