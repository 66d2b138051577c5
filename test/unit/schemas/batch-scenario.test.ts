// Tests for the batch-size scenario table: links become the model's params, and old or hostile links get specific messages.
import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario, scenarioToQuery } from '../../../src/sim-kit/core/fields.ts';
import { batchFields, batchParams, comparisonPolicy, policyOf } from '../../../src/schemas/batch-scenario.ts';

describe('batch-size scenarios', () => {
  it('default to monthly deploys, strong tests and a quarter of four changes a day', () => {
    const p = batchParams(defaultScenario(batchFields).values);
    expect(p).toMatchObject({
      days: 65,
      changesPerDay: 4,
      defectRate: 0.02,
      migrationRate: 0.02,
      policy: { kind: 'every', days: 21 },
      recovery: 'rollback',
      diagnosis: 'bisect',
    });
  });

  it('read every parameter a link may carry, up to each field’s bounds', () => {
    const { scenario, problems } = parseScenario(
      batchFields,
      '?seed=7&policy=windows&defect=8&rate=15&days=30&recovery=fix-forward&window=10&board=3&freeze=0&lock=policy,recovery',
    );
    expect(problems).toEqual([]);
    expect(scenario.values.rate).toBe(15);
    expect(scenario.locked).toEqual(['policy', 'recovery']);
    expect(batchParams(scenario.values).policy).toEqual({ kind: 'windows', every: 10, boardDays: 3, freezeDays: 0 });
  });

  it('round-trip through the canonical query', () => {
    const { scenario } = parseScenario(batchFields, 'seed=99&policy=continuous&defect=2.5&vs=quarterly');
    expect(parseScenario(batchFields, scenarioToQuery(batchFields, scenario))).toEqual({ scenario, problems: [] });
  });

  it('explain a link from the older course (policy=every:5) and fall back to the default policy', () => {
    const { scenario, problems } = parseScenario(batchFields, 'policy=every:5');
    expect(problems[0]!.message).toMatch(/“policy” must be one of continuous, daily, weekly, monthly, quarterly, windows, manual \(got "every:5"\)/);
    expect(scenario.values.policy).toBe('monthly');
  });

  it('map each policy choice to the model’s schedule', () => {
    const w = { window: 15, board: 5, freeze: 10 };
    expect(policyOf('daily', w)).toEqual({ kind: 'every', days: 1 });
    expect(policyOf('quarterly', w)).toEqual({ kind: 'every', days: 65 });
    expect(policyOf('continuous', w)).toEqual({ kind: 'continuous' });
  });

  it('compare a batchy run with continuous deployment and a small-batch run with a quarterly release, unless the link says otherwise', () => {
    const v = defaultScenario(batchFields).values;
    expect(comparisonPolicy({ ...v, policy: 'monthly' })).toBe('continuous');
    expect(comparisonPolicy({ ...v, policy: 'daily' })).toBe('quarterly');
    expect(comparisonPolicy({ ...v, policy: 'daily', vs: 'weekly' })).toBe('weekly');
  });
});
