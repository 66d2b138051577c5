// Tests for the capstone's flow on the kit's run machine: an open incident is the decision, answers are logged, and a played quarter replays from its log.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { capstoneMachine } from '../../../src/machines/capstone.machine.ts';
import { SPEEDS } from '../../../src/sim-kit/machine/run.machine.ts';
import { replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { BEST, canRespond, model, summarize, type Response } from '../../../src/models/capstone/index.ts';
import { capstoneFields, capstoneParams, type CapstoneScenarioValues } from '../../../src/schemas/capstone-scenario.ts';
import { responseCosts } from '../../../src/islands/CapstoneSim/analysis.ts';

const input = (over: Partial<CapstoneScenarioValues> = {}, seed = 7) => ({ seed, params: capstoneParams({ ...defaultValues(capstoneFields), ...over }) });
const start = (over: Partial<CapstoneScenarioValues> = {}, seed = 7) => {
  let [s] = initialTransition(capstoneMachine, input(over, seed));
  [s] = transition(capstoneMachine, s, { type: 'predict.set', guess: 'some' });
  [s] = transition(capstoneMachine, s, { type: 'run.start' });
  [s] = transition(capstoneMachine, s, { type: 'run.pause' });
  return s;
};
type Snap = ReturnType<typeof start>;
const firstOpen = (s: Snap) => s.context.run.incidents[s.context.run.open[0]!]!;

describe('the capstone machine', () => {
  it('waits for a prediction before the quarter starts', () => {
    let [s] = initialTransition(capstoneMachine, input());
    [s] = transition(capstoneMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    [s] = transition(capstoneMachine, s, { type: 'predict.set', guess: 'all' });
    [s] = transition(capstoneMachine, s, { type: 'run.start' });
    expect(s.value).toEqual({ running: 'playing' });
  });

  it('stops at an incident, holds the clock there, and takes only the answers that apply', () => {
    let s = start();
    [s] = transition(capstoneMachine, s, { type: 'run.finish' });
    expect(s.value).toBe('decision');
    const day = s.context.run.day;
    [s] = transition(capstoneMachine, s, { type: 'run.step' });
    expect(s.context.run.day).toBe(day);
    const incident = firstOpen(s);
    const offered = responseCosts(s.context.run).map((c) => c.how);
    expect(offered).toEqual(incident.kind === 'infra' ? ['restore'] : ['rollback', 'fix-forward']);
    const refused: Response = incident.kind === 'infra' ? 'rollback' : 'kill';
    const [same] = transition(capstoneMachine, s, { type: 'sim.act', action: { type: 'respond', how: refused } });
    expect(same.context.run.incidents[incident.id]!.response).toBeNull();
    const how = offered[0]!;
    [s] = transition(capstoneMachine, s, { type: 'sim.act', action: { type: 'respond', how } });
    expect(s.context.run.incidents[incident.id]!.response).toBe(how);
    expect(s.context.log.at(-1)).toEqual({ type: 'respond', how });
  });

  it('prices each answer from the model: the kill switch beats a rollback, which beats fixing a big batch forward', () => {
    let s = start({ ...BEST, deploy: 'weekly', iac: 'hand' }, 4);
    for (let i = 0; i < 200 && !(s.value === 'decision' && firstOpen(s).kind === 'deploy'); i++) {
      if (s.value === 'decision') [s] = transition(capstoneMachine, s, { type: 'sim.act', action: { type: 'respond', how: 'restore' } });
      else [s] = transition(capstoneMachine, s, { type: 'run.finish' });
    }
    expect(firstOpen(s).kind).toBe('deploy');
    expect(canRespond(s.context.run, 'kill')).toBe(true);
    const cost = Object.fromEntries(responseCosts(s.context.run).map((c) => [c.how, c]));
    expect(cost.kill!.downtime).toBeLessThan(cost.rollback!.downtime);
    expect(cost.rollback!.out).toBe(s.context.run.deploys[firstOpen(s).deployId!]!.changeIds.length);
    expect(cost['fix-forward']!.out).toBe(0);
  });

  it('plays a whole quarter on a simulated clock to the review, matching a replay of its log', () => {
    const clock = new SimulatedClock();
    const actor = createActor(capstoneMachine, { input: { ...input({ days: 20 }), speed: 'fast', prediction: 'one' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 500 && !actor.getSnapshot().matches('review'); i++) {
      const snap = actor.getSnapshot();
      if (snap.matches('decision')) {
        const options = responseCosts(snap.context.run);
        actor.send({ type: 'sim.act', action: { type: 'respond', how: options[i % options.length]!.how } });
      } else clock.increment(SPEEDS.fast);
    }
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().value).toBe('review');
    expect(context.finished).toBe(1);
    expect(replay(model, context.params, context.seed, context.log)).toEqual(context.run);
    expect(summarize(context.run).outages).toBe(context.run.incidents.length);
  });

  it('ends a quarter answered the usual way equal to a run nobody plays, and replays it from the review with a fresh log', () => {
    let s = start({ days: 15 }, 3);
    for (let i = 0; i < 200 && s.value !== 'review'; i++) {
      if (s.value === 'decision') [s] = transition(capstoneMachine, s, { type: 'sim.act', action: model.autoplay(s.context.run) });
      else [s] = transition(capstoneMachine, s, { type: 'run.finish' });
    }
    expect(s.value).toBe('review');
    expect(s.context.run).toEqual(runToEnd(model, s.context.params, 3));
    [s] = transition(capstoneMachine, s, { type: 'run.replay' });
    expect(s.value).toEqual({ running: 'playing' });
    expect(s.context.log).toEqual([]);
    expect(s.context.run).toEqual(model.init(s.context.params, 3));
  });

  it('reaches every state by some path of events', () => {
    const events = [
      { type: 'predict.set', guess: 'some' },
      { type: 'run.start' },
      { type: 'run.pause' },
      { type: 'run.step' },
      { type: 'run.finish' },
      { type: 'sim.act', action: { type: 'respond', how: 'rollback' } },
      { type: 'sim.act', action: { type: 'respond', how: 'restore' } },
      { type: 'run.configure' },
      { type: 'run.replay' },
    ] as const;
    const paths = getShortestPaths(capstoneMachine, {
      input: { ...input({ days: 10, rate: 2 }, 2), prediction: null },
      events: [...events],
      limit: 5000,
      serializeState: (s) =>
        `${JSON.stringify(s.value)}|${s.context.prediction !== null}|${s.context.run.day}|${s.context.run.open.join()}|${s.context.run.incidents.filter((i) => i.response !== null).length}`,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const value of ['configure', { running: 'playing' }, { running: 'paused' }, 'decision', 'review']) expect(reached).toContain(JSON.stringify(value));
  });
});
