// Tests for the handoff sim's flow on the kit's run machine: pure transitions, a pushed release, a simulated clock, and graph paths.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { handoffMachine } from '../../../src/machines/handoff.machine.ts';
import { SPEEDS } from '../../../src/sim-kit/machine/run.machine.ts';
import { replay } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, simulate } from '../../../src/models/handoff/index.ts';
import { handoffFields, handoffParams, type HandoffValues } from '../../../src/schemas/handoff-scenario.ts';

const input = (over: Partial<HandoffValues> = {}, seed = 9) => ({ seed, params: handoffParams({ ...defaultValues(handoffFields), ...over }) });
const start = (over: Partial<HandoffValues> = {}, seed = 9) => {
  let [s] = initialTransition(handoffMachine, input(over, seed));
  [s] = transition(handoffMachine, s, { type: 'predict.set', guess: 'small' });
  [s] = transition(handoffMachine, s, { type: 'run.start' });
  [s] = transition(handoffMachine, s, { type: 'run.pause' });
  return s;
};

describe('the handoff sim machine', () => {
  it('waits for a prediction before the first run starts', () => {
    let [s] = initialTransition(handoffMachine, input());
    [s] = transition(handoffMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    [s] = transition(handoffMachine, s, { type: 'predict.set', guess: 'fast' });
    [s] = transition(handoffMachine, s, { type: 'run.start' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.prediction).toBe('fast');
  });

  it('steps one working day at a time while paused and logs each tick', () => {
    let s = start();
    [s] = transition(handoffMachine, s, { type: 'run.step' });
    [s] = transition(handoffMachine, s, { type: 'run.step' });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.now).toBe(2);
    expect(s.context.log).toEqual([{ type: 'tick' }, { type: 'tick' }]);
  });

  it('pushes the work at the door out when the learner asks, logged and replayable, and never stops to ask', () => {
    let s = start({ way: 'agile' });
    for (let i = 0; i < 200 && s.context.run.door.length === 0; i++) [s] = transition(handoffMachine, s, { type: 'run.step' });
    expect(s.context.run.door.length).toBeGreaterThan(0);
    const releases = s.context.run.releases.length;
    [s] = transition(handoffMachine, s, { type: 'sim.act', action: { type: 'release' } });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.releases.length).toBe(releases + 1);
    expect(s.context.run.releases.at(-1)!.pushed).toBe(true);
    [s] = transition(handoffMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('review');
    expect(replay(model, s.context.params, s.context.seed, s.context.log)).toEqual(s.context.run);
  });

  it('finishes a run straight to the review, equal to a run nobody plays', () => {
    let s = start({ way: 'devops' });
    [s] = transition(handoffMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('review');
    expect(s.context.run).toEqual(simulate(s.context.params, 9));
    expect(s.context.finished).toBe(1);
  });

  it('plays a whole run on a simulated clock and lands in review, matching a replay of its log', () => {
    const clock = new SimulatedClock();
    const actor = createActor(handoffMachine, { input: { ...input({ way: 'devops', weeks: 4 }), speed: 'fast', prediction: 'fast' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 2000 && !actor.getSnapshot().matches('review'); i++) clock.increment(SPEEDS.fast);
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().value).toBe('review');
    expect(replay(model, context.params, context.seed, context.log)).toEqual(context.run);
  });

  it('replays the same run from the review with a fresh log', () => {
    let s = start({ way: 'devops', weeks: 4 });
    [s] = transition(handoffMachine, s, { type: 'run.finish' });
    [s] = transition(handoffMachine, s, { type: 'run.replay' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.log).toEqual([]);
    expect(s.context.run.now).toBe(0);
  });

  it('reaches every state it has by some path of events, and never a decision', () => {
    const events = [
      { type: 'predict.set', guess: 'same' },
      { type: 'run.start' },
      { type: 'run.pause' },
      { type: 'run.step' },
      { type: 'run.finish' },
      { type: 'sim.act', action: { type: 'release' } },
      { type: 'run.configure' },
      { type: 'run.replay' },
    ] as const;
    const paths = getShortestPaths(handoffMachine, {
      input: { ...input({ way: 'devops', weeks: 4 }), prediction: null },
      events: [...events],
      limit: 5000,
      // Days past the second all look alike to the flow, so they share one key and the traversal stays small.
      serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.prediction !== null}|${Math.min(s.context.run.now, 2)}`,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const value of ['configure', { running: 'playing' }, { running: 'paused' }, 'review']) expect(reached).toContain(JSON.stringify(value));
    expect(reached).not.toContain(JSON.stringify('decision'));
  });
});
