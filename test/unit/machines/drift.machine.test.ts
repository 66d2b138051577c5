// Tests for the drift sim's flow on the kit's run machine: an event waiting for a fix is the decision, reverts, and replay of the log.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock } from 'xstate';
import { driftMachine } from '../../../src/machines/drift.machine.ts';
import { SPEEDS } from '../../../src/sim-kit/machine/run.machine.ts';
import { replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, openAlarms, repositoryConfig, summarize } from '../../../src/models/drift/index.ts';
import { driftFields, driftParams, type DriftValues } from '../../../src/schemas/drift-scenario.ts';

const input = (over: Partial<DriftValues> = {}, seed = 7) => ({ seed, params: driftParams({ ...defaultValues(driftFields), ...over }) });
const start = (over: Partial<DriftValues> = {}, seed = 7) => {
  let [s] = initialTransition(driftMachine, input(over, seed));
  [s] = transition(driftMachine, s, { type: 'predict.set', guess: 'hand' });
  [s] = transition(driftMachine, s, { type: 'run.start' });
  [s] = transition(driftMachine, s, { type: 'run.pause' });
  return s;
};

describe('the drift sim machine', () => {
  it('waits for a prediction before the first run starts', () => {
    let [s] = initialTransition(driftMachine, input());
    [s] = transition(driftMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    [s] = transition(driftMachine, s, { type: 'predict.set', guess: 'code' });
    [s] = transition(driftMachine, s, { type: 'run.start' });
    expect(s.value).toEqual({ running: 'playing' });
  });

  it('stops for a decision when an event arrives, and fixing it by hand changes only that server', () => {
    let s = start({ events: 2, disks: 0 });
    [s] = transition(driftMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('decision');
    const event = s.context.run.events[s.context.run.waiting[0]!]!;
    [s] = transition(driftMachine, s, { type: 'run.step' });
    expect(s.value).toBe('decision');
    [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'fix', how: 'hand' } });
    const changed = s.context.run.configs.map((c, server) => (c.length ? server : -1)).filter((x) => x >= 0);
    expect(changed).toEqual([event.server]);
    expect(s.context.log.at(-1)).toEqual({ type: 'fix', how: 'hand' });
  });

  it('applies a fix in the configuration to every server, and reverts it in one step', () => {
    let s = start({ events: 2, disks: 0, fault: 0 });
    [s] = transition(driftMachine, s, { type: 'run.finish' });
    [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'fix', how: 'code' } });
    expect(new Set(s.context.run.configs.map((c) => c.join()))).toEqual(new Set(['0']));
    expect(repositoryConfig(s.context.run)).toEqual([0]);
    while (s.value === 'decision') [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'fix', how: 'hand' } });
    [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'revert' } });
    expect(repositoryConfig(s.context.run)).toEqual([]);
    expect(s.context.run.reverts).toBe(1);
  });

  it('holds the decision while a faulty reviewed change waits for its revert', () => {
    let s = start({ events: 2, disks: 0, fault: 50, review: 0 });
    for (let i = 0; i < 500 && openAlarms(s.context.run).length === 0 && s.value !== 'review'; i++) {
      if (s.value === 'decision') [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'fix', how: 'code' } });
      else [s] = transition(driftMachine, s, { type: 'run.finish' });
    }
    expect(openAlarms(s.context.run).length).toBeGreaterThan(0);
    expect(s.value).toBe('decision');
    while (s.context.run.waiting.length) [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'fix', how: 'code' } });
    expect(s.value).toBe('decision');
    const before = openAlarms(s.context.run).length;
    [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'revert' } });
    expect(openAlarms(s.context.run)).toHaveLength(before - 1);
    while (openAlarms(s.context.run).length) [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'revert' } });
    expect(s.value).toEqual({ running: 'paused' });
  });

  it('finishes a quarter with no events straight to the review, equal to a run nobody plays', () => {
    let s = start({ events: 0.05, days: 5, disks: 0 }, 3);
    for (let i = 0; i < 50 && s.value !== 'review'; i++) {
      if (s.value === 'decision') [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'fix', how: 'hand' } });
      else [s] = transition(driftMachine, s, { type: 'run.finish' });
    }
    expect(s.value).toBe('review');
    expect(s.context.finished).toBe(1);
    expect(s.context.run).toEqual(runToEnd(model, s.context.params, 3));
  });

  it('plays a whole quarter on a simulated clock and lands in review, matching a replay of its log', () => {
    const clock = new SimulatedClock();
    const actor = createActor(driftMachine, { input: { ...input({ days: 20 }), speed: 'fast', prediction: 'same' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 500 && !actor.getSnapshot().matches('review'); i++) {
      const snap = actor.getSnapshot();
      if (snap.matches('decision'))
        actor.send({ type: 'sim.act', action: openAlarms(snap.context.run).length ? { type: 'revert' } : { type: 'fix', how: i % 2 ? 'hand' : 'code' } });
      else clock.increment(SPEEDS.fast);
    }
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().value).toBe('review');
    expect(replay(model, context.params, context.seed, context.log)).toEqual(context.run);
    expect(summarize(context.run).events).toBe(context.run.events.length);
  });

  it('replays the same quarter from the review with a fresh log', () => {
    let s = start({ days: 5 });
    for (let i = 0; i < 100 && s.value !== 'review'; i++) {
      if (s.value === 'decision') [s] = transition(driftMachine, s, { type: 'sim.act', action: { type: 'fix', how: 'code' } });
      else [s] = transition(driftMachine, s, { type: 'run.finish' });
    }
    expect(s.value).toBe('review');
    [s] = transition(driftMachine, s, { type: 'run.replay' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.log).toEqual([]);
    expect(s.context.run).toEqual(model.init(s.context.params, 7));
  });
});
