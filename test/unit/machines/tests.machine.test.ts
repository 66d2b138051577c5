// Tests for the test-portfolio sim's flow on the kit's run machine: a red build is the decision, responses are logged, a simulated clock plays a run, and graph paths.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { testsMachine } from '../../../src/machines/tests.machine.ts';
import { SPEEDS } from '../../../src/sim-kit/machine/run.machine.ts';
import { replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, summarize } from '../../../src/models/tests/index.ts';
import { testsFields, testsParams, type TestsValues } from '../../../src/schemas/tests-scenario.ts';

const input = (over: Partial<TestsValues> = {}, seed = 7) => ({ seed, params: testsParams({ ...defaultValues(testsFields), ...over }) });
const start = (over: Partial<TestsValues> = {}, seed = 7) => {
  let [s] = initialTransition(testsMachine, input(over, seed));
  [s] = transition(testsMachine, s, { type: 'predict.set', guess: 'cone' });
  [s] = transition(testsMachine, s, { type: 'run.start' });
  [s] = transition(testsMachine, s, { type: 'run.pause' });
  return s;
};

describe('the test-portfolio sim machine', () => {
  it('waits for a prediction before the first run starts', () => {
    let [s] = initialTransition(testsMachine, input());
    [s] = transition(testsMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    [s] = transition(testsMachine, s, { type: 'predict.set', guess: 'pyramid' });
    [s] = transition(testsMachine, s, { type: 'run.start' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.prediction).toBe('pyramid');
  });

  it('runs one build a step while paused and logs each one', () => {
    let s = start({ defect: 0 });
    [s] = transition(testsMachine, s, { type: 'run.step' });
    [s] = transition(testsMachine, s, { type: 'run.step' });
    expect(s.context.run.results.length + (s.context.run.awaiting ? 1 : 0)).toBe(2);
    expect(s.context.log).toEqual([{ type: 'build' }, { type: 'build' }]);
  });

  it('stops at a red build, holds there until it is answered, and logs the answer', () => {
    let s = start({ defect: 100 });
    [s] = transition(testsMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('decision');
    const red = s.context.run.awaiting!;
    expect(red.red).not.toBe('none');
    [s] = transition(testsMachine, s, { type: 'run.step' });
    expect(s.value).toBe('decision');
    expect(s.context.run.awaiting).toBe(red);
    [s] = transition(testsMachine, s, { type: 'sim.act', action: { type: 'respond', how: 'ignore' } });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.results.at(-1)!.response).toBe('ignore');
    expect(s.context.log.at(-1)).toEqual({ type: 'respond', how: 'ignore' });
  });

  it('finishes a run with nothing to catch and nothing flaky straight to the review, equal to a run nobody plays', () => {
    let s = start({ defect: 0, builds: 10, preset: 'custom', unit: 100, integ: 0, ui: 0, system: 0 }, 3);
    for (let i = 0; i < 20 && s.value !== 'review'; i++) {
      if (s.value === 'decision') [s] = transition(testsMachine, s, { type: 'sim.act', action: { type: 'respond', how: 'investigate' } });
      else [s] = transition(testsMachine, s, { type: 'run.finish' });
    }
    expect(s.value).toBe('review');
    expect(s.context.finished).toBe(1);
    expect(s.context.run).toEqual(runToEnd(model, s.context.params, 3));
  });

  it('plays a whole run on a simulated clock and lands in review, matching a replay of its log', () => {
    const clock = new SimulatedClock();
    const actor = createActor(testsMachine, { input: { ...input({ builds: 40 }), speed: 'fast', prediction: 'same' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 500 && !actor.getSnapshot().matches('review'); i++) {
      if (actor.getSnapshot().matches('decision')) actor.send({ type: 'sim.act', action: { type: 'respond', how: i % 2 ? 'ignore' : 'investigate' } });
      else clock.increment(SPEEDS.fast);
    }
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().value).toBe('review');
    expect(replay(model, context.params, context.seed, context.log)).toEqual(context.run);
    expect(summarize(context.run).builds).toBe(40);
  });

  it('replays the same builds from the review with a fresh log', () => {
    let s = start({ builds: 10 });
    for (let i = 0; i < 40 && s.value !== 'review'; i++) {
      if (s.value === 'decision') [s] = transition(testsMachine, s, { type: 'sim.act', action: { type: 'respond', how: 'investigate' } });
      else [s] = transition(testsMachine, s, { type: 'run.finish' });
    }
    expect(s.value).toBe('review');
    [s] = transition(testsMachine, s, { type: 'run.replay' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.log).toEqual([]);
    expect(s.context.run).toEqual(model.init(s.context.params, 7));
  });

  it('reaches every state by some path of events', () => {
    const events = [
      { type: 'predict.set', guess: 'cone' },
      { type: 'run.start' },
      { type: 'run.pause' },
      { type: 'run.step' },
      { type: 'run.finish' },
      { type: 'sim.act', action: { type: 'respond', how: 'investigate' } },
      { type: 'run.configure' },
      { type: 'run.replay' },
    ] as const;
    const paths = getShortestPaths(testsMachine, {
      input: { ...input({ builds: 3, defect: 100 }), prediction: null },
      events: [...events],
      limit: 5000,
      serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.prediction !== null}|${s.context.run.results.length}|${s.context.run.awaiting?.id}`,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const value of ['configure', { running: 'playing' }, { running: 'paused' }, 'decision', 'review']) expect(reached).toContain(JSON.stringify(value));
  });
});
