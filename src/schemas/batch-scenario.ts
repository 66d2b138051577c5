// The batch-size scenario: seed plus every parameter, as kept in the URL query; each bad value falls back to its default with a message.
import * as z from 'zod/mini';
import type { BatchParams, Policy, Recovery } from '../models/batch/types.ts';

/** Presets for the test-suite strength, as a per-change defect chance. */
export const DEFECT_PRESETS = { strong: 0.02, weak: 0.08 } as const;

/** Parameters an instructor can lock in a challenge link. */
export const LOCKABLE = ['seed', 'days', 'rate', 'defect', 'policy', 'recovery', 'detect', 'rollback', 'find', 'fix'] as const;
export type LockableParam = (typeof LOCKABLE)[number];

const POLICY_HINT = 'use every:DAYS, count:CHANGES, window:DAYS or manual';
const policyPattern = /^(every|count|window):(\d{1,3})$|^manual$/;

/** When to deploy: every:5 (every 5 working days), count:10 (whenever 10 changes wait), window:21 (maintenance windows), or manual. */
export const policySchema = z.pipe(
  z.string().check(z.maxLength(20, POLICY_HINT), z.regex(policyPattern, POLICY_HINT)),
  z.transform((value: string, ctx): Policy => {
    if (value === 'manual') return { kind: 'manual' };
    const [kind, raw] = value.split(':') as ['every' | 'count' | 'window', string];
    const n = Number(raw);
    const max = kind === 'count' ? 500 : 130;
    if (n < 1 || n > max) {
      ctx.issues.push({ code: 'custom', message: `the number after ${kind}: must be from 1 to ${max}`, input: value });
      return z.NEVER;
    }
    return kind === 'count' ? { kind, changes: n } : { kind, days: n };
  }),
);

const number = (min: number, max: number, whole: boolean) =>
  z.coerce
    .number({ error: 'must be a number' })
    .check(
      ...(whole ? [z.refine((n: unknown) => Number.isInteger(n), 'must be a whole number')] : []),
      z.gte(min, `must be at least ${min}`),
      z.lte(max, `must be at most ${max}`),
    );

/** One entry per URL parameter: its schema, its default, and what it means (shown on the page and in the README). */
export const scenarioFields = {
  seed: { schema: number(0, 2_147_483_647, true), fallback: 2026, description: 'The dice: the same seed gives the same changes and defects.' },
  days: { schema: number(5, 130, true), fallback: 65, description: 'Working days simulated (65 is a quarter).' },
  rate: { schema: number(0.5, 20, false), fallback: 4, description: 'Changes ready per working day, on average.' },
  defect: { schema: number(0, 50, false), fallback: 2, description: 'Percent chance that one change breaks production (2 = strong tests, 8 = weak).' },
  policy: {
    schema: policySchema,
    fallback: { kind: 'every', days: 5 } as Policy,
    description: 'When to deploy: every:DAYS, count:CHANGES (whenever that many wait), window:DAYS (maintenance windows) or manual.',
  },
  recovery: {
    schema: z.enum(['rollback', 'fix-forward'], 'use rollback or fix-forward'),
    fallback: 'rollback' as Recovery,
    description: 'How automatic runs (the comparison) recover from an outage: rollback or fix-forward.',
  },
  detect: { schema: number(0, 1440, true), fallback: 30, description: 'Minutes before an outage is noticed.' },
  rollback: { schema: number(0, 1440, true), fallback: 20, description: 'Minutes to roll a deploy back.' },
  find: { schema: number(0, 240, true), fallback: 10, description: 'Minutes per change in the batch to find the bad one.' },
  fix: { schema: number(0, 1440, true), fallback: 45, description: 'Minutes to write and ship a fix once the bad change is found.' },
  vs: {
    schema: z.optional(policySchema),
    fallback: undefined as Policy | undefined,
    description: 'The second policy in “Same dice, two policies”, written like policy.',
  },
  lock: {
    schema: z.pipe(
      z.string().check(z.maxLength(120, 'is too long'), z.regex(/^[a-z]+(,[a-z]+)*$/, 'must be parameter names separated by commas')),
      z.transform((value: string, ctx): LockableParam[] => {
        const names = [...new Set(value.split(','))];
        const unknown = names.find((n) => !(LOCKABLE as readonly string[]).includes(n));
        if (unknown) {
          ctx.issues.push({ code: 'custom', message: `names “${unknown.slice(0, 20)}”, which cannot be locked (use ${LOCKABLE.join(', ')})`, input: value });
          return z.NEVER;
        }
        return names as LockableParam[];
      }),
    ),
    fallback: [] as LockableParam[],
    description: 'For a challenge: parameters the instructor fixes, such as lock=seed,days,rate (learners cannot change them in the setup).',
  },
} as const;

export type ScenarioParam = keyof typeof scenarioFields;

export interface Scenario {
  seed: number;
  params: BatchParams;
  /** The second policy of the "same dice" comparison, if the link has one. */
  vs: Policy | undefined;
  /** Parameters fixed by the instructor: the setup shows them but does not let the learner change them. */
  locked: LockableParam[];
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
    locked: v.lock ?? f.lock.fallback,
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
  if (s.locked.length) query.set('lock', s.locked.join(','));
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
      return `deploy whenever ${policy.changes === 1 ? '1 change waits' : `${policy.changes} changes wait`}`;
    case 'window':
      return `deploy only in maintenance windows, every ${policy.days} days`;
    case 'manual':
      return 'deploy only when you press Ship now';
  }
}
