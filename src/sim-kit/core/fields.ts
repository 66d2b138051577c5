// Scenario fields: each sim's parameters defined once (bounds, default, words, lockability); URL parsing, the canonical query, inputs and docs derive from them.

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

/**
 * Reads one field from its URL text: the value, or the reason it is refused. The field table is the schema: each kind
 * has one rule (numbers within bounds and whole when the step is, choices from the list, flags on or off), so no schema
 * library ships to the sim pages for it.
 */
export function readField(field: Field, text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  switch (field.kind) {
    case 'number': {
      const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) return { ok: false, reason: 'must be a number' };
      if (isWhole(field) && !Number.isInteger(n)) return { ok: false, reason: 'must be a whole number' };
      if (n < field.min) return { ok: false, reason: `must be at least ${fmt(field.min)}` };
      if (n > field.max) return { ok: false, reason: `must be at most ${fmt(field.max)}` };
      return { ok: true, value: n };
    }
    case 'choice':
      return field.options.some((o) => o.value === text)
        ? { ok: true, value: text }
        : { ok: false, reason: `must be one of ${field.options.map((o) => o.value).join(', ')}` };
    case 'flag':
      if (/^(1|true|yes|on)$/.test(text)) return { ok: true, value: true };
      if (/^(0|false|no|off)$/.test(text)) return { ok: true, value: false };
      return { ok: false, reason: 'must be on or off' };
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
    const result = readField(field, raw.trim());
    if (result.ok) return result.value;
    problems.push({ param: name, message: `“${name}” ${result.reason} (got ${quote(raw)}); using the default instead.` });
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
