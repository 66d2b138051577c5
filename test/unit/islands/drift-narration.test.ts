// Tests for the drift island's live-region sentence: one step narrated, a shortcut summarised, a new run kept silent.
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, type DriftState } from '../../../src/models/drift/index.ts';
import { driftFields, driftParams } from '../../../src/schemas/drift-scenario.ts';
import { narrateDrift } from '../../../src/islands/DriftSim/narration.ts';

const params = driftParams(defaultValues(driftFields));
const toFirstEvent = (s: DriftState) => {
  while (s.waiting.length === 0) s = model.step(s, { type: 'day' });
  return s;
};

describe('the drift live region', () => {
  it('says what one fix did', () => {
    const before = toFirstEvent(model.init(params, 5));
    const after = model.step(before, { type: 'fix', how: 'hand' });
    expect(narrateDrift(before, after)).toMatch(/^Fixed web-\d+ by hand in \d+ minutes?\. 2 configurations in the fleet\./);
  });

  it('sums up many decisions at once in one sentence', () => {
    const start = model.init(params, 5);
    let end = start;
    while (!model.isOver(end)) end = model.step(end, model.autoplay(end));
    expect(narrateDrift(start, end)).toMatch(/^Decided \d+ events\. The quarter is over: .+ of team time/);
  });

  it('stays silent when a new setup or a replay starts another run', () => {
    const played = model.step(toFirstEvent(model.init(params, 5)), { type: 'fix', how: 'code' });
    expect(narrateDrift(played, model.init({ ...params, servers: 4 }, 9))).toBeNull();
    expect(narrateDrift(played, model.init(params, 5))).toBeNull();
  });
});
