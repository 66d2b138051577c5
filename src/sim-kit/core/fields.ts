// Scenario fields: each sim's parameters defined once (bounds, default, words, lockability); URL parsing, the canonical query, inputs and docs derive from them.
import * as z from 'zod/mini';

interface FieldBase {
  /** A short label for the input ("Changes a day"). */
  label: string;
  /** One sentence on what it means, shown in the docs table and as the input's description. */
  description: string;
  /** Whether an instructor may fix it in a challenge link (default true). */
  lockable?: boolean;
  /** Shown only under "More settings" (default false). */
  advanced?: boolean;
}

export interface NumberField extends FieldBase {
  kind: 'number';
  min: number;
  max: number;
  /** Input step; a whole-number step makes the field whole numbers only. */
  step: number;
  default: number;
  /** Unit words for display ("minutes", "%"). */
  unit?: string;
}

export interface ChoiceField<T extends string = string> extends FieldBase {
  kind: 'choice';
  options: ReadonlyArray<{ value: T; label: string }>;
  default: T;
}

export interface FlagField extends FieldBase {
  kind: 'flag';
  default: boolean;
}

export type Field = NumberField | ChoiceField | FlagField;
export type Fields = Record<string, Field>;

/** The values a set of fields holds: numbers, the choices' literal values, booleans. */
export type Values<F extends Fields> = {
  -readonly [K in keyof F]: F[K] extends NumberField ? number : F[K] extends ChoiceField<infer T> ? T : boolean;
};

/** A scenario: the dice, the values, and what an instructor locked. */
export interface Scenario<F extends Fields> {
  seed: number;
  values: Values<F>;
  /** Parameters the learner may not change (from `lock=`), `seed` included when locked. */
  locked: Array<Extract<keyof F, string> | 'seed'>;
}

export interface Problem {
  /** The URL parameter at fault. */
  param: string;
  /** A sentence for the page: what was wrong and what was used instead. */
  message: string;
}

export const SEED_MAX = 2_147_483_647;
export const DEFAULT_SEED = 2026;
/** Parameters every sim reads besides its own fields. */
export const RESERVED = ['seed', 'lock'] as const;

/** Keeps the literal types of a field table (choice values) while checking its shape. */
export function defineFields<const F extends Fields>(fields: F): F {
  for (const [name, field] of Object.entries(fields)) {
    if ((RESERVED as readonly string[]).includes(name)) throw new Error(`“${name}” is reserved for every sim`);
    if (!/^[a-z][a-z0-9]{0,15}$/.test(name)) throw new Error(`field “${name}” needs a short lower-case name`);
    if (field.kind === 'number' && !(field.min <= field.default && field.default <= field.max))
      throw new Error(`field “${name}” has its default outside its bounds`);
    if (field.kind === 'choice' && !field.options.some((o) => o.value === field.default))
      throw new Error(`field “${name}” has a default that is not an option`);
  }
  return fields;
}

export function defaultValues<F extends Fields>(fields: F): Values<F> {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.default])) as Values<F>;
}

export function defaultScenario<F extends Fields>(fields: F, seed = DEFAULT_SEED): Scenario<F> {
  return { seed, values: defaultValues(fields), locked: [] };
}

const isWhole = (f: NumberField) => Number.isInteger(f.step);
const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** The zod schema that reads one field from its URL text. */
export function fieldSchema(field: Field): z.ZodMiniType {
  switch (field.kind) {
    case 'number':
      return z.coerce.number({ error: 'must be a number' }).check(
        z.refine((n: unknown) => Number.isFinite(n), 'must be a number'),
        ...(isWhole(field) ? [z.refine((n: unknown) => Number.isInteger(n), 'must be a whole number')] : []),
        z.gte(field.min, `must be at least ${fmt(field.min)}`),
        z.lte(field.max, `must be at most ${fmt(field.max)}`),
      );
    case 'choice':
      return z.enum(field.options.map((o) => o.value) as [string, ...string[]], `must be one of ${field.options.map((o) => o.value).join(', ')}`);
    case 'flag':
      return z.pipe(
        z.string().check(z.regex(/^(1|0|true|false|yes|no|on|off)$/, 'must be on or off')),
        z.transform((v: string) => ['1', 'true', 'yes', 'on'].includes(v)),
      );
  }
}

/** A short, inert rendering of a value a visitor typed, for messages (React escapes it too). */
export function quote(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '');
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 40)}…` : clean);
}

const seedField: NumberField = {
  kind: 'number',
  min: 0,
  max: SEED_MAX,
  step: 1,
  default: DEFAULT_SEED,
  label: 'Seed',
  description: 'The dice: the same seed gives the same random draws.',
};

/** Reads a URL query. Every valid parameter is used; each invalid one is named in a problem and replaced by its default. Unknown parameters are ignored. */
export function parseScenario<F extends Fields>(fields: F, search: string | URLSearchParams): { scenario: Scenario<F>; problems: Problem[] } {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const scenario = defaultScenario(fields);
  const values = scenario.values as Record<string, unknown>;
  const problems: Problem[] = [];
  const read = (name: string, field: Field): unknown => {
    const all = query.getAll(name);
    if (all.length === 0) return undefined;
    const raw = all[0]!;
    if (all.length > 1) problems.push({ param: name, message: `“${name}” appears ${all.length} times; the first one is used.` });
    if (raw.trim() === '') return undefined;
    const result = fieldSchema(field).safeParse(raw.trim());
    if (result.success) return result.data;
    const why = result.error.issues[0]?.message ?? 'is not valid';
    problems.push({
      param: name,
      message: `“${name}” ${why.startsWith('must') ? why : `is not valid: ${why}`} (got ${quote(raw)}); using the default instead.`,
    });
    return undefined;
  };
  const seed = read('seed', seedField);
  if (typeof seed === 'number') scenario.seed = seed;
  for (const [name, field] of Object.entries(fields)) {
    const value = read(name, field);
    if (value !== undefined) values[name] = value;
  }
  const lock = query.get('lock');
  if (lock !== null && lock.trim() !== '') {
    const lockable = [
      'seed',
      ...Object.entries(fields)
        .filter(([, f]) => f.lockable !== false)
        .map(([n]) => n),
    ];
    const names = [...new Set(lock.split(',').map((n) => n.trim()))];
    const unknown = names.find((n) => !lockable.includes(n));
    if (lock.length > 200 || unknown !== undefined) {
      problems.push({
        param: 'lock',
        message: `“lock” ${lock.length > 200 ? 'is too long' : `names ${quote(unknown!)}, which cannot be locked (use ${lockable.join(', ')})`}; nothing is locked.`,
      });
    } else scenario.locked = names as Scenario<F>['locked'];
  }
  return { scenario, problems };
}

/** One value as URL text. */
export function valueToParam(field: Field, value: unknown): string {
  if (field.kind === 'flag') return value ? 'on' : 'off';
  if (field.kind === 'number') return fmt(value as number);
  return String(value);
}

/** The canonical query: seed, then every field in table order, then any lock. Parsing it gives the same scenario back. */
export function scenarioToQuery<F extends Fields>(fields: F, scenario: Scenario<F>): string {
  const query = new URLSearchParams({ seed: String(scenario.seed) });
  for (const [name, field] of Object.entries(fields)) query.set(name, valueToParam(field, (scenario.values as Record<string, unknown>)[name]));
  if (scenario.locked.length) query.set('lock', scenario.locked.join(','));
  return query.toString();
}

/** Rows for a docs table (the page and the README): parameter, meaning, allowed values, default. */
export function describeFields(fields: Fields): Array<{ param: string; label: string; description: string; allowed: string; fallback: string }> {
  return [['seed', seedField] as const, ...Object.entries(fields)].map(([param, f]) => ({
    param,
    label: f.label,
    description: f.description,
    allowed:
      f.kind === 'number'
        ? `${isWhole(f) ? 'whole numbers' : 'numbers'} from ${fmt(f.min)} to ${fmt(f.max)}${f.unit ? ` (${f.unit})` : ''}`
        : f.kind === 'choice'
          ? f.options.map((o) => o.value).join(', ')
          : 'on or off',
    fallback: valueToParam(f, f.default),
  }));
}
