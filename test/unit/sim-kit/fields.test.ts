// Tests for scenario fields: defaults, round trips through the canonical query, and a specific message for every bad value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFields, defaultScenario, describeFields, parseScenario, scenarioToQuery, type Values } from '../../../src/sim-kit/core/fields.ts';

const fields = defineFields({
  rate: { kind: 'number', min: 0.5, max: 20, step: 0.5, default: 4, label: 'Rate', description: 'Changes a day.' },
  days: { kind: 'number', min: 5, max: 130, step: 1, default: 65, label: 'Days', description: 'Working days.' },
  policy: {
    kind: 'choice',
    options: [
      { value: 'daily', label: 'Daily' },
      { value: 'weekly', label: 'Weekly' },
    ],
    default: 'weekly',
    label: 'Policy',
    description: 'When to deploy.',
  },
  flags: { kind: 'flag', default: false, label: 'Flags', description: 'Feature flags.', lockable: false },
});

describe('scenario fields', () => {
  it('give the defaults for an empty query', () => {
    expect(parseScenario(fields, '')).toEqual({ scenario: defaultScenario(fields), problems: [] });
  });

  it('read every value and the lock from a query', () => {
    const { scenario, problems } = parseScenario(fields, '?seed=7&rate=12.5&days=30&policy=daily&flags=on&lock=seed,rate');
    expect(problems).toEqual([]);
    expect(scenario).toEqual({ seed: 7, values: { rate: 12.5, days: 30, policy: 'daily', flags: true }, locked: ['seed', 'rate'] });
  });

  it('round-trip any valid scenario through the canonical query', () => {
    const arb = fc.record({
      seed: fc.integer({ min: 0, max: 2_147_483_647 }),
      values: fc.record({
        rate: fc.integer({ min: 1, max: 40 }).map((n) => n / 2),
        days: fc.integer({ min: 5, max: 130 }),
        policy: fc.constantFrom('daily' as const, 'weekly' as const),
        flags: fc.boolean(),
      }) as fc.Arbitrary<Values<typeof fields>>,
      locked: fc.subarray(['seed', 'rate', 'days', 'policy'] as const).map((l) => [...l]),
    });
    fc.assert(
      fc.property(arb, (scenario) => {
        expect(parseScenario(fields, scenarioToQuery(fields, scenario))).toEqual({ scenario, problems: [] });
      }),
    );
  });

  it.each([
    ['rate=abc', 'rate', /“rate” must be a number \(got "abc"\)/],
    ['rate=Infinity', 'rate', /“rate” must be a number/],
    ['days=1000', 'days', /“days” must be at most 130/],
    ['days=6.5', 'days', /“days” must be a whole number/],
    ['rate=0', 'rate', /“rate” must be at least 0.5/],
    ['policy=<script>', 'policy', /“policy” must be one of daily, weekly \(got "<script>"\)/],
    ['flags=maybe', 'flags', /“flags” must be on or off/],
    ['seed=-1', 'seed', /“seed” must be at least 0/],
    ['lock=flags', 'lock', /cannot be locked/],
    ['lock=rate,__proto__', 'lock', /"__proto__", which cannot be locked/],
  ])('explain a bad value (%s) and fall back to the default', (query, param, message) => {
    const { scenario, problems } = parseScenario(fields, query);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.param).toBe(param);
    expect(problems[0]!.message).toMatch(message);
    expect(scenario.values).toEqual(defaultScenario(fields).values);
  });

  it('never throw on hostile text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { scenario } = parseScenario(fields, text);
        expect(scenario.values.days).toBeGreaterThanOrEqual(5);
      }),
    );
  });

  it('describe every parameter for the docs, seed first', () => {
    const rows = describeFields(fields);
    expect(rows.map((r) => r.param)).toEqual(['seed', 'rate', 'days', 'policy', 'flags']);
    expect(rows[1]).toMatchObject({ allowed: 'numbers from 0.5 to 20', fallback: '4' });
  });

  it('refuse a table whose default lies outside its bounds', () => {
    expect(() => defineFields({ x: { kind: 'number', min: 1, max: 2, step: 1, default: 3, label: 'X', description: 'X.' } })).toThrow(/outside its bounds/);
  });
});
