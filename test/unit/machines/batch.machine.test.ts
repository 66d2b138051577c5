// Tests for the batch sim's flow: pure transitions, a simulated clock driving play, and graph paths through every state.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { batchMachine, SPEEDS } from '../../../src/machines/batch.machine.ts';
import { defaultScenario, type Scenario } from '../../../src/schemas/batch-scenario.ts';
import { replay } from '../../../src/models/batch/index.ts';

const scenario = (over: Partial<Scenario['params']> = {}, seed = 9): Scenario => {
  const s = defaultScenario();
  return { ...s, seed, params: { ...s.params, ...over } };
};

describe('the batch sim machine', () => {
  it('starts in configure and starts playing on run.start', () => {
    const [first] = initialTransition(batchMachine, { scenario: scenario() });
    expect(first.value).toBe('configure');
    const [playing] = transition(batchMachine, first, { type: 'run.start' });
    expect(playing.value).toEqual({ running: 'playing' });
  });

  it('steps one day at a time while paused and logs each action', () => {
    let [s] = initialTransition(batchMachine, { scenario: scenario() });
    [s] = transition(batchMachine, s, { type: 'run.start' });
    [s] = transition(batchMachine, s, { type: 'run.pause' });
    [s] = transition(batchMachine, s, { type: 'run.step' });
    [s] = transition(batchMachine, s, { type: 'run.step' });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.day).toBe(2);
    expect(s.context.log).toEqual([{ type: 'day' }, { type: 'day' }]);
  });

  it('goes to incident when a deploy fails, and back to where it was after a rollback', () => {
    let [s] = initialTransition(batchMachine, { scenario: scenario({ defectRate: 1, policy: { kind: 'every', days: 1 } }) });
    [s] = transition(batchMachine, s, { type: 'run.start' });
    [s] = transition(batchMachine, s, { type: 'run.pause' });
    [s] = transition(batchMachine, s, { type: 'run.step' });
    expect(s.value).toBe('incident');
    [s] = transition(batchMachine, s, { type: 'run.step' });
    expect(s.context.run.day).toBe(1);
    [s] = transition(batchMachine, s, { type: 'incident.rollBack' });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.deploys[0]!.recovery).toBe('rollback');
  });

  it('ignores Ship now when nothing waits, and ships when something does', () => {
    let [s] = initialTransition(batchMachine, { scenario: scenario({ defectRate: 0, policy: { kind: 'manual' } }) });
    [s] = transition(batchMachine, s, { type: 'run.start' });
    [s] = transition(batchMachine, s, { type: 'run.pause' });
    [s] = transition(batchMachine, s, { type: 'deploy.ship' });
    expect(s.context.log).toEqual([]);
    [s] = transition(batchMachine, s, { type: 'run.step' });
    [s] = transition(batchMachine, s, { type: 'run.step' });
    [s] = transition(batchMachine, s, { type: 'deploy.ship' });
    expect(s.context.run.deploys).toHaveLength(1);
    expect(s.context.log.at(-1)).toEqual({ type: 'ship' });
  });

  it('plays a whole quarter on a simulated clock and lands in review, matching a replay of its log', () => {
    const clock = new SimulatedClock();
    const sc = scenario({ days: 20, recovery: 'rollback' });
    const actor = createActor(batchMachine, { input: { scenario: sc, speed: 'fast' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 200 && !actor.getSnapshot().matches('review'); i++) {
      if (actor.getSnapshot().matches('incident')) actor.send({ type: 'incident.fixForward' });
      else clock.increment(SPEEDS.fast);
    }
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('review');
    expect(snap.context.run.day).toBe(20);
    expect(replay(sc.params, sc.seed, snap.context.log)).toEqual(snap.context.run);
    actor.stop();
  });

  it('does not advance while paused, whatever the clock does', () => {
    const clock = new SimulatedClock();
    const actor = createActor(batchMachine, { input: { scenario: scenario() }, clock }).start();
    actor.send({ type: 'run.start' });
    actor.send({ type: 'run.pause' });
    clock.increment(10_000);
    expect(actor.getSnapshot().context.run.day).toBe(0);
    actor.stop();
  });

  it('replays the same scenario from review', () => {
    let [s] = initialTransition(batchMachine, { scenario: scenario({ days: 5, defectRate: 0 }) });
    [s] = transition(batchMachine, s, { type: 'run.start' });
    [s] = transition(batchMachine, s, { type: 'run.pause' });
    for (let i = 0; i < 5; i++) [s] = transition(batchMachine, s, { type: 'run.step' });
    expect(s.value).toBe('review');
    [s] = transition(batchMachine, s, { type: 'run.replay' });
    expect(s.context.run.day).toBe(0);
    expect(s.value).toEqual({ running: 'playing' });
  });

  it('reaches every state by some path of learner events', () => {
    const paths = getShortestPaths(batchMachine, {
      input: { scenario: scenario({ days: 3, defectRate: 1, policy: { kind: 'every', days: 1 } }) },
      events: [
        { type: 'run.start' },
        { type: 'run.pause' },
        { type: 'run.play' },
        { type: 'run.step' },
        { type: 'incident.rollBack' },
        { type: 'incident.fixForward' },
        { type: 'run.replay' },
        { type: 'run.configure' },
      ],
      serializeState: (snap) => `${JSON.stringify(snap.value)}|${snap.context.run.day}|${snap.context.run.incident}`,
      limit: 500,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const value of ['"configure"', '{"running":"playing"}', '{"running":"paused"}', '"incident"', '"review"']) expect(reached).toContain(value);
  });
});

describe('finishing the quarter early', () => {
  it('runs to the next outage, then to the end', () => {
    let [s] = initialTransition(batchMachine, { scenario: scenario({ days: 30, defectRate: 0.2, policy: { kind: 'every', days: 5 } }, 4) });
    [s] = transition(batchMachine, s, { type: 'run.start' });
    [s] = transition(batchMachine, s, { type: 'run.finish' });
    for (let i = 0; i < 50 && s.value === 'incident'; i++) {
      [s] = transition(batchMachine, s, { type: 'incident.rollBack' });
      [s] = transition(batchMachine, s, { type: 'run.finish' });
    }
    expect(s.value).toBe('review');
    expect(replay(s.context.scenario.params, s.context.scenario.seed, s.context.log)).toEqual(s.context.run);
  });
});
