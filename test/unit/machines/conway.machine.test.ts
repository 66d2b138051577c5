// Tests for the Conway sim's flow on the kit's run machine: a feature per step, no decision, a reorganisation as a logged action, replay, graph paths.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { conwayMachine } from '../../../src/machines/conway.machine.ts';
import { SPEEDS } from '../../../src/sim-kit/machine/run.machine.ts';
import { replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, presetOrg, summarize } from '../../../src/models/conway/index.ts';
import { conwayFields, conwayParams, type ConwayValues } from '../../../src/schemas/conway-scenario.ts';

const input = (over: Partial<ConwayValues> = {}, seed = 7) => ({ seed, params: conwayParams({ ...defaultValues(conwayFields), ...over }) });
const start = (over: Partial<ConwayValues> = {}, seed = 7) => {
  let [s] = initialTransition(conwayMachine, input(over, seed));
  [s] = transition(conwayMachine, s, { type: 'predict.set', guess: 'devops' });
  [s] = transition(conwayMachine, s, { type: 'run.start' });
  [s] = transition(conwayMachine, s, { type: 'run.pause' });
  return s;
};

describe('the Conway sim machine', () => {
  it('waits for a prediction before the first run starts', () => {
    let [s] = initialTransition(conwayMachine, input());
    [s] = transition(conwayMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    [s] = transition(conwayMachine, s, { type: 'predict.set', guess: 'even' });
    [s] = transition(conwayMachine, s, { type: 'run.start' });
    expect(s.value).toEqual({ running: 'playing' });
  });

  it('builds one feature per step and never stops for a decision', () => {
    let s = start();
    [s] = transition(conwayMachine, s, { type: 'run.step' });
    expect(s.context.run.built).toBe(1);
    expect(s.context.log).toEqual([{ type: 'feature' }]);
    [s] = transition(conwayMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('review');
    expect(s.context.run.built).toBe(40);
    expect(s.context.finished).toBe(1);
    expect(s.context.run).toEqual(runToEnd(model, s.context.params, 7));
  });

  it('logs a reorganisation between features, and a replay of the log gives the run back', () => {
    let s = start({ org: 'silos' });
    for (let i = 0; i < 10; i++) [s] = transition(conwayMachine, s, { type: 'run.step' });
    [s] = transition(conwayMachine, s, { type: 'sim.act', action: { type: 'reorganise', org: presetOrg('devops-teams') } });
    expect(s.value).toEqual({ running: 'paused' });
    expect(s.context.run.reorganisedAt).toEqual([10]);
    [s] = transition(conwayMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('review');
    expect(s.context.log).toHaveLength(41);
    expect(s.context.log[10]).toEqual({ type: 'reorganise', org: presetOrg('devops-teams') });
    expect(replay(model, s.context.params, 7, s.context.log)).toEqual(s.context.run);
    expect(summarize(s.context.run).reorganisations).toBe(1);
  });

  it('plays a whole run on a simulated clock and lands in review', () => {
    const clock = new SimulatedClock();
    const actor = createActor(conwayMachine, { input: { ...input({ features: 12 }), speed: 'fast', prediction: 'devops' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 20; i++) clock.increment(SPEEDS.fast);
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().value).toBe('review');
    expect(context.run.built).toBe(12);
    expect(replay(model, context.params, context.seed, context.log)).toEqual(context.run);
  });

  it('replays the same features from the review with a fresh log, and goes back to setup on a new setting', () => {
    let s = start();
    [s] = transition(conwayMachine, s, { type: 'run.finish' });
    [s] = transition(conwayMachine, s, { type: 'run.replay' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.log).toEqual([]);
    expect(s.context.run).toEqual(model.init(s.context.params, 7));
    [s] = transition(conwayMachine, s, { type: 'run.finish' });
    [s] = transition(conwayMachine, s, { type: 'setup.set', ...input({ org: 'silos' }, 8) });
    expect(s.value).toBe('configure');
    expect(s.context.seed).toBe(8);
  });

  it('reaches setup, playing, paused and review along its shortest paths, and never a decision', () => {
    const events = [
      { type: 'predict.set', guess: 'devops' },
      { type: 'run.start' },
      { type: 'run.pause' },
      { type: 'run.step' },
      { type: 'run.finish' },
      { type: 'sim.act', action: { type: 'reorganise', org: presetOrg('devops-teams') } },
      { type: 'run.configure' },
      { type: 'run.replay' },
    ] as const;
    const paths = getShortestPaths(conwayMachine, {
      input: { ...input({ features: 3 }), prediction: null },
      events: [...events],
      limit: 5000,
      serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.prediction !== null}|${s.context.run.built}|${s.context.run.reorganisedAt.length > 0}`,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const value of ['configure', { running: 'playing' }, { running: 'paused' }, 'review']) expect(reached).toContain(JSON.stringify(value));
    expect(reached).not.toContain(JSON.stringify('decision'));
  });
});
