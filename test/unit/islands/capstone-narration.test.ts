// Tests for the capstone island's narration: one step in the model's words, a shortcut's many answers in one summary, silence on a new quarter.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { DEFAULT_PARAMS, init, model, narrate, step, type CapstoneState } from '../../../src/models/capstone/index.ts';
import { narrateCapstone } from '../../../src/islands/CapstoneSim/narration.ts';

const toIncident = (s: CapstoneState) => {
  while (s.open.length === 0) s = step(s, { type: 'day' });
  return s;
};

describe('the capstone narration', () => {
  it('uses the model’s sentence for a single step', () => {
    const before = init(DEFAULT_PARAMS, 2026);
    const at = toIncident(before);
    expect(narrateCapstone(before, at)).toBe(narrate(before, at));
    expect(narrateCapstone(before, at)).toMatch(/Incident at \d\d:\d\d/);
  });

  it('sums up a quarter answered by the shortcut in one sentence with the model’s closing words', () => {
    const start = toIncident(init(DEFAULT_PARAMS, 2026));
    const end = runToEnd(model, DEFAULT_PARAMS, 2026);
    const said = narrateCapstone(start, { ...end, params: start.params });
    expect(said).toMatch(/^\d+ incidents answered the usual way\. The quarter is over: \d+ features? live/);
    expect(said).not.toMatch(/Choose how to answer/);
  });

  it('stays quiet when a new quarter starts (a replay or new settings)', () => {
    const start = init(DEFAULT_PARAMS, 2026);
    const later = toIncident(start);
    expect(narrateCapstone(later, start)).toBeNull();
    expect(narrateCapstone(later, init({ ...DEFAULT_PARAMS }, 2026))).toBeNull();
  });
});
