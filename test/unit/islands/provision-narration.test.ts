// Tests for the provisioning island's live-region sentences and the review's prediction check and same-dice ways.
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, type ProvisionState } from '../../../src/models/provision/index.ts';
import { provisionFields, provisionParams, type ProvisionValues } from '../../../src/schemas/provision-scenario.ts';
import { narrateProvision } from '../../../src/islands/ProvisionSim/narration.ts';
import { stepWords, portWords } from '../../../src/islands/ProvisionSim/Definition.tsx';
import { predictionCheck, predictions, sameDiceWays } from '../../../src/islands/ProvisionSim/Review.tsx';

const values = (over: Partial<ProvisionValues> = {}): ProvisionValues => ({ ...defaultValues(provisionFields), ...over });
const fresh = (over: Partial<ProvisionValues> = {}, seed = 4): ProvisionState => model.init(provisionParams(values(over)), seed);

describe('the provisioning narration', () => {
  it('says what an apply planned and did', () => {
    const a = fresh();
    const b = model.step(a, { type: 'apply' });
    expect(narrateProvision(a, b)).toBe('Plan: 3 to create, 0 to change, 0 to delete. Applied: 3 servers now.');
    expect(narrateProvision(b, model.step(b, { type: 'apply' }))).toBe('Plan: nothing to do: the servers already match the definition.');
  });

  it('answers an edit with the plan it now gives, and warns when the database port opens', () => {
    const a = model.step(fresh(), { type: 'apply' });
    const b = model.step(a, { type: 'edit', definition: { count: 4, size: 'small', ports: [80, 443, 5432] } });
    expect(narrateProvision(a, b)).toBe('The definition now opens the database port 5432 to the internet. Plan now: 1 to create, 3 to change, 0 to delete.');
  });

  it('stays quiet when a new setup or a replay starts another run', () => {
    const played = model.step(fresh(), { type: 'apply' });
    expect(narrateProvision(played, fresh())).toBeNull();
  });
});

describe('the plan in words', () => {
  it('names each step by what it does, so a screen reader hears create, change or delete and not a sign', () => {
    expect(stepWords({ op: 'create', name: 'web-1', size: 'small', ports: [80, 443] })).toBe('create web-1: small, ports 80 and 443');
    expect(stepWords({ op: 'update', name: 'web-2', from: { size: 'small', ports: [80, 443] }, to: { size: 'large', ports: [443] } })).toBe(
      'change web-2: size small to large; ports 80 and 443 to 443 only',
    );
    expect(stepWords({ op: 'delete', name: 'web-4' })).toBe('delete web-4');
    expect(portWords([])).toBe('no ports');
  });
});

describe('the review', () => {
  it('checks the prediction from the starting definition: the definition leaves its count, the commands twice that', () => {
    expect(predictionCheck(values({ count: 4 }))).toEqual({ declared: 4, scripted: 8, answer: 'commands-double', count: 4 });
    expect(predictionCheck(values({ count: 0 })).answer).toBe('same');
    expect(predictions(4).map((p) => p.label)).toEqual(['Both leave 4 servers', 'The definition leaves 4; the commands leave 8', 'Both leave 8 servers']);
  });

  it('plays the same dice four ways: the slips match by hand, the definition misses none, staging always stops the change', () => {
    const params = provisionParams(values({ slip: 10 }));
    const [hand, reviewed, staged, both] = sameDiceWays(params, 11);
    expect(hand!.missed).toBe(model.init(params, 11).slipDraws.filter((u) => u < 0.1).length);
    expect([reviewed, staged, both].map((s) => s!.missed)).toEqual([0, 0, 0]);
    expect(hand!.exposed).toBe(40);
    expect(staged!.exposed).toBe(0);
    expect(both!.exposed).toBe(0);
    expect(reviewed!.caughtBy === 'review').toBe(model.init(params, 11).reviewDraw < 0.5);
  });
});
