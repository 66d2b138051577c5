// Tests for batch-size scenarios in the URL: round trips, defaults, and a specific message for every bad or hostile value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario, describePolicy, parseScenario, scenarioToQuery } from '../../../src/schemas/batch-scenario.ts';

describe('batch-size scenarios', () => {
  it('use the defaults for an empty query', () => {
    expect(parseScenario('')).toEqual({ scenario: defaultScenario(), problems: [] });
  });

  it('read every parameter from the query', () => {
    const { scenario, problems } = parseScenario(
      '?seed=7&days=30&rate=2.5&defect=8&policy=count:12&recovery=fix-forward&detect=15&rollback=5&find=3&fix=60&vs=every:65',
    );
    expect(problems).toEqual([]);
    expect(scenario.seed).toBe(7);
    expect(scenario.vs).toEqual({ kind: 'every', days: 65 });
    expect(scenario.params).toEqual({
      days: 30,
      changesPerDay: 2.5,
      defectRate: 0.08,
      policy: { kind: 'count', changes: 12 },
      recovery: 'fix-forward',
      detectMinutes: 15,
      rollbackMinutes: 5,
      findMinutesPerChange: 3,
      fixMinutes: 60,
    });
  });

  it('round-trip through the canonical query', () => {
    const { scenario } = parseScenario('seed=99&policy=window:21&defect=2.5&vs=manual');
    expect(parseScenario(scenarioToQuery(scenario))).toEqual({ scenario, problems: [] });
  });

  it.each([
    ['seed=abc', 'seed', /“seed” must be a number \(got "abc"\)/],
    ['days=1000', 'days', /“days” must be at most 130/],
    ['rate=-1', 'rate', /“rate” must be at least 0.5/],
    ['defect=Infinity', 'defect', /“defect” must be a number/],
    ['defect=51', 'defect', /“defect” must be at most 50/],
    ['policy=every:0', 'policy', /the number after every: must be from 1 to 130/],
    ['policy=<script>alert(1)</script>', 'policy', /use every:DAYS, count:CHANGES, window:DAYS or manual \(got "<script>alert\(1\)<\/script>"\)/],
    ['recovery=pray', 'recovery', /use rollback or fix-forward/],
    ['seed=1.5', 'seed', /must be a whole number/],
  ])('report %s by name and fall back to its default', (query, param, message) => {
    const { scenario, problems } = parseScenario(query);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.param).toBe(param);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.message).toMatch(/using the default instead/);
    expect(scenario).toEqual(defaultScenario());
  });

  it('keep good parameters when another is bad', () => {
    const { scenario, problems } = parseScenario('seed=5&days=oops');
    expect(problems.map((p) => p.param)).toEqual(['days']);
    expect(scenario.seed).toBe(5);
  });

  it('cut long hostile values short in messages', () => {
    const { problems } = parseScenario(`policy=${'x'.repeat(5000)}`);
    expect(problems[0]!.message.length).toBeLessThan(200);
  });

  it('never throw and always give a usable scenario, whatever the query', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('seed', 'days', 'rate', 'defect', 'policy', 'recovery', 'detect', 'rollback', 'find', 'fix', 'vs', 'other'), fc.string()),
        (dict) => {
          const { scenario } = parseScenario(new URLSearchParams(dict));
          expect(Number.isFinite(scenario.params.changesPerDay)).toBe(true);
          expect(scenario.params.defectRate).toBeGreaterThanOrEqual(0);
          expect(scenario.params.days).toBeGreaterThanOrEqual(5);
        },
      ),
    );
  });

  it('describe policies in words', () => {
    expect(describePolicy({ kind: 'every', days: 5 })).toBe('deploy every week');
    expect(describePolicy({ kind: 'count', changes: 1 })).toBe('deploy whenever 1 change waits');
    expect(describePolicy({ kind: 'count', changes: 10 })).toBe('deploy whenever 10 changes wait');
  });
});
