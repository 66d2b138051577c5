// Tests for the batch sim's flow on the kit's run machine: pure transitions, a simulated clock driving play, and graph paths.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { batchMachine } from '../../../src/machines/batch.machine.ts';
import { SPEEDS } from '../../../src/sim-kit/machine/run.machine.ts';
import { replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { batchModel } from '../../../src/models/batch/index.ts';
import { batchFields, batchParams, type BatchValues } from '../../../src/schemas/batch-scenario.ts';

const input = (over: Partial<BatchValues> = {}, seed = 9) => ({ seed, params: batchParams({ ...defaultValues(batchFields), ...over }) });
const start = (over: Partial<BatchValues> = {}, seed = 9) => {
  let [s] = initialTransition(batchMachine, input(over, seed));
  [s] = transition(batchMachine, s, { type: 'predict.set', guess: 'quarterly' });
  [s] = transition(batchMachine, s, { type: 'run.start' });
  [s] = transition(batchMachine, s, { type: 'run.pause' });
  return s;
};

describe('the batch sim machine', () => {
  it('waits for a prediction before the first run starts', () => {
    let [s] = initialTransition(batchMachine, input());
    expect(s.value).toBe('configure');
    [s] = transition(batchMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    [s] = transition(batchMachine, s, { type: 'predict.set', guess: 'daily' });
    [s] = transition(batchMachine, s, { type: 'run.start' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.prediction).toBe('daily');
  });

  it('steps one working day at a time while paused and logs each action', () => {
    let s = start({ policy: 'monthly' });
    [s] = transition(batchMachine, s, { type: 'run.step' });
    [s] = transition(batchMachine, s, { type: 'run.step' });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.time).toBe(2);
    expect(s.context.log).toEqual([{ type: 'tick' }, { type: 'tick' }]);
  });

  it('stops for a decision when a deploy fails, and goes back to where it was after a rollback', () => {
    let s = start({ policy: 'daily', defect: 100, migration: 0 });
    [s] = transition(batchMachine, s, { type: 'run.step' });
    expect(s.value).toBe('decision');
    [s] = transition(batchMachine, s, { type: 'run.step' });
    expect(s.context.log).toHaveLength(1);
    [s] = transition(batchMachine, s, { type: 'sim.act', action: { type: 'recover', how: 'rollback' } });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.deploys[0]!.recovery).toBe('rollback');
  });

  it('stays in the decision when a rollback is impossible', () => {
    let s = start({ policy: 'daily', defect: 100, migration: 100 });
    [s] = transition(batchMachine, s, { type: 'run.step' });
    [s] = transition(batchMachine, s, { type: 'sim.act', action: { type: 'recover', how: 'rollback' } });
    expect(s.value).toBe('decision');
    [s] = transition(batchMachine, s, { type: 'sim.act', action: { type: 'recover', how: 'fix-forward' } });
    expect(s.value).toEqual({ running: 'paused' });
  });

  it('finishes a quarter with no outage straight to the review, equal to a run nobody plays', () => {
    let s = start({ policy: 'weekly', defect: 0 });
    [s] = transition(batchMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('review');
    expect(s.context.run).toEqual(runToEnd(batchModel, s.context.params, 9));
    expect(s.context.finished).toBe(1);
  });

  it('plays a whole quarter on a simulated clock and lands in review, matching a replay of its log', () => {
    const clock = new SimulatedClock();
    const actor = createActor(batchMachine, { input: { ...input({ policy: 'weekly', days: 10 }), speed: 'fast', prediction: 'daily' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 200 && !actor.getSnapshot().matches('review'); i++) {
      if (actor.getSnapshot().matches('decision')) actor.send({ type: 'sim.act', action: { type: 'recover', how: 'fix-forward' } });
      else clock.increment(SPEEDS.fast);
    }
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().value).toBe('review');
    expect(replay(batchModel, context.params, context.seed, context.log)).toEqual(context.run);
  });

  it('replays the same quarter from the review with a fresh log', () => {
    let s = start({ policy: 'weekly', defect: 0, days: 5 });
    [s] = transition(batchMachine, s, { type: 'run.finish' });
    [s] = transition(batchMachine, s, { type: 'run.replay' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.log).toEqual([]);
    expect(s.context.run.time).toBe(0);
  });

  it('reaches every state by some path of events', () => {
    const events = [
      { type: 'predict.set', guess: 'daily' },
      { type: 'run.start' },
      { type: 'run.pause' },
      { type: 'run.step' },
      { type: 'run.finish' },
      { type: 'sim.act', action: { type: 'recover', how: 'fix-forward' } },
      { type: 'run.configure' },
      { type: 'run.replay' },
    ] as const;
    const paths = getShortestPaths(batchMachine, {
      input: { ...input({ policy: 'daily', defect: 50, days: 3 }), prediction: null },
      events: [...events],
      limit: 5000,
      serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.prediction !== null}|${s.context.run.time}|${s.context.run.incident}`,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const value of ['configure', { running: 'playing' }, { running: 'paused' }, 'decision', 'review']) expect(reached).toContain(JSON.stringify(value));
  });
});
