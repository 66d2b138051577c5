// Tests for the parity sim's flow on the kit's run machine: no decision state, deploys on demand, a simulated clock, graph paths and replay.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { parityMachine } from '../../../src/machines/parity.machine.ts';
import { SPEEDS } from '../../../src/sim-kit/machine/run.machine.ts';
import { replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, summarize } from '../../../src/models/parity/index.ts';
import { parityFields, parityParams, type ParityValues } from '../../../src/schemas/parity-scenario.ts';

const input = (over: Partial<ParityValues> = {}, seed = 7) => ({ seed, params: parityParams({ ...defaultValues(parityFields), ...over }) });
const start = (over: Partial<ParityValues> = {}, seed = 7) => {
  let [s] = initialTransition(parityMachine, input(over, seed));
  [s] = transition(parityMachine, s, { type: 'predict.set', guess: 'production' });
  [s] = transition(parityMachine, s, { type: 'run.start' });
  [s] = transition(parityMachine, s, { type: 'run.pause' });
  return s;
};

describe('the parity sim machine', () => {
  it('waits for a prediction before the first run starts', () => {
    let [s] = initialTransition(parityMachine, input());
    expect(s.value).toBe('configure');
    [s] = transition(parityMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    [s] = transition(parityMachine, s, { type: 'predict.set', guess: 'staging' });
    [s] = transition(parityMachine, s, { type: 'run.start' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.prediction).toBe('staging');
  });

  it('steps one working day at a time while paused, and deploys on the schedule', () => {
    let s = start({ every: 2 });
    [s] = transition(parityMachine, s, { type: 'run.step' });
    expect(s.context.run.day).toBe(1);
    expect(s.context.run.deploys).toHaveLength(0);
    [s] = transition(parityMachine, s, { type: 'run.step' });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.deploys.map((d) => d.at)).toEqual([2]);
    expect(s.context.log).toEqual([{ type: 'day' }, { type: 'day' }]);
  });

  it('ships what waits when the learner deploys now, logging the deploy, and never stops for a decision', () => {
    let s = start({ every: 65 });
    [s] = transition(parityMachine, s, { type: 'run.step' });
    [s] = transition(parityMachine, s, { type: 'run.step' });
    const waiting = s.context.run.queue;
    expect(waiting.length).toBeGreaterThan(0);
    [s] = transition(parityMachine, s, { type: 'sim.act', action: { type: 'deploy' } });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.deploys[0]).toMatchObject({ at: 2, changeIds: waiting });
    expect(s.context.run.queue).toEqual([]);
    expect(s.context.log.at(-1)).toEqual({ type: 'deploy' });
  });

  it('runs to the end in one go, straight to the review, equal to a run nobody plays', () => {
    let s = start({ containers: true, lockfile: true, pin: true });
    [s] = transition(parityMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('review');
    expect(s.context.finished).toBe(1);
    expect(s.context.run).toEqual(runToEnd(model, s.context.params, 7));
  });

  it('plays a whole quarter on a simulated clock with deploys mixed in, and the log replays to the same run', () => {
    const clock = new SimulatedClock();
    const actor = createActor(parityMachine, { input: { ...input({ days: 20, every: 5 }), speed: 'fast', prediction: 'desk' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 100 && !actor.getSnapshot().matches('review'); i++) {
      if (i % 3 === 2) actor.send({ type: 'sim.act', action: { type: 'deploy' } });
      clock.increment(SPEEDS.fast);
    }
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().value).toBe('review');
    expect(context.log).toContainEqual({ type: 'deploy' });
    expect(replay(model, context.params, context.seed, context.log)).toEqual(context.run);
    expect(summarize(context.run).deploys).toBeGreaterThan(4);
  });

  it('replays the same quarter from the review with a fresh log, and goes back to setup on a new setting', () => {
    let s = start({ days: 5 });
    [s] = transition(parityMachine, s, { type: 'run.finish' });
    [s] = transition(parityMachine, s, { type: 'run.replay' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.log).toEqual([]);
    expect(s.context.run).toEqual(model.init(s.context.params, 7));
    [s] = transition(parityMachine, s, { type: 'run.finish' });
    const next = input({ days: 5, every: 1 }, 8);
    [s] = transition(parityMachine, s, { type: 'setup.set', ...next });
    expect(s.value).toBe('configure');
    expect(s.context.run).toEqual(model.init(next.params, 8));
  });

  it('reaches every state by some path of events, and never the decision state', () => {
    const paths = getShortestPaths(parityMachine, {
      input: { ...input({ days: 2, every: 1 }), prediction: null },
      events: [
        { type: 'predict.set', guess: 'production' },
        { type: 'run.start' },
        { type: 'run.pause' },
        { type: 'run.step' },
        { type: 'run.finish' },
        { type: 'sim.act', action: { type: 'deploy' } },
        { type: 'run.configure' },
        { type: 'run.replay' },
      ],
      limit: 5000,
      serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.prediction !== null}|${s.context.run.day}|${s.context.run.deploys.length}`,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect(reached).toContain(JSON.stringify('configure'));
    expect(reached).toContain(JSON.stringify({ running: 'playing' }));
    expect(reached).toContain(JSON.stringify({ running: 'paused' }));
    expect(reached).toContain(JSON.stringify('review'));
    expect(reached).not.toContain(JSON.stringify('decision'));
  });
});
