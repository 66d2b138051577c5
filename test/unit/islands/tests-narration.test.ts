// Tests for the test-portfolio island's live-region sentence: a few builds narrated by the model, a shortcut summarised, a new run kept silent.
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, narrate, type TestsState } from '../../../src/models/tests/index.ts';
import { testsFields, testsParams } from '../../../src/schemas/tests-scenario.ts';
import { narrateTests } from '../../../src/islands/TestsSim/narration.ts';

const params = testsParams(defaultValues(testsFields));
const toNextRed = (s: TestsState) => {
  while (s.awaiting === null && !model.isOver(s)) s = model.step(s, { type: 'build' });
  return s;
};

describe('the test-portfolio live region', () => {
  it('says what the model says for an answered red', () => {
    const before = toNextRed(model.init(params, 5));
    const after = model.step(before, { type: 'respond', how: 'investigate' });
    expect(narrateTests(before, after)).toBe(narrate(before, after));
    expect(narrateTests(before, after)).toMatch(/^Build \d+: the red was/);
  });

  it('sums up many builds at once in one sentence, then names the red now waiting', () => {
    // The first stretch of more than three builds between two reds.
    let start = model.init(params, 5);
    let next = toNextRed(start);
    while (next.results.length - start.results.length <= 3) {
      start = model.step(next, { type: 'respond', how: 'investigate' });
      next = toNextRed(start);
    }
    const added = next.results.length - start.results.length;
    expect(added).toBeGreaterThan(3);
    expect(narrateTests(start, next)).toMatch(
      new RegExp(
        `^Ran ${added} builds: \\d+ defects? caught and \\d+ defects? shipped so far, \\d+ red builds? ignored\\. Build ${next.awaiting!.id + 1} is red: .+ Investigate or ignore it\\?$`,
      ),
    );
  });

  it('sums up a whole run decided at once and gives the model’s closing sentence', () => {
    const start = toNextRed(model.init(params, 5));
    let end = start;
    while (!model.isOver(end)) end = model.step(end, model.autoplay(end));
    expect(narrateTests(start, end)).toMatch(/^Ran \d+ builds: .+ so far, .+ ignored\. All 120 builds done: \d+ defects? caught, \d+ defects? escaped/);
  });

  it('stays silent when a new setup or a replay starts another run', () => {
    const played = model.step(toNextRed(model.init(params, 5)), { type: 'respond', how: 'ignore' });
    expect(narrateTests(played, model.init(params, 9))).toBeNull();
    expect(narrateTests(played, model.init(params, 5))).toBeNull();
  });
});
