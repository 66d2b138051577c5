// Tests for the provisioning sim's flow on the kit's run machine: every guided step waits for the learner, each click is logged, and the log replays the run.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { provisionMachine } from '../../../src/machines/provision.machine.ts';
import { replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, stage, summarize, type ProvisionAction } from '../../../src/models/provision/index.ts';
import { provisionFields, provisionParams, type ProvisionValues } from '../../../src/schemas/provision-scenario.ts';

const input = (over: Partial<ProvisionValues> = {}, seed = 7) => ({ seed, params: provisionParams({ ...defaultValues(provisionFields), ...over }) });
const start = (over: Partial<ProvisionValues> = {}, seed = 7) => {
  let [s] = initialTransition(provisionMachine, input(over, seed));
  [s] = transition(provisionMachine, s, { type: 'predict.set', guess: 'commands-double' });
  [s] = transition(provisionMachine, s, { type: 'run.start' });
  return s;
};
const act = (s: ReturnType<typeof start>, action: ProvisionAction) => transition(provisionMachine, s, { type: 'sim.act', action })[0];

describe('the provisioning sim machine', () => {
  it('waits for a prediction, then opens straight on the first guided step as a decision', () => {
    let [s] = initialTransition(provisionMachine, input());
    [s] = transition(provisionMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    s = start();
    expect(s.value).toBe('decision');
    expect(stage(s.context.run)).toBe('plan-apply');
  });

  it('never moves on by itself: the clock events change nothing while a step waits', () => {
    const s = start();
    for (const type of ['run.step', 'run.play', 'run.finish'] as const) {
      const [next] = transition(provisionMachine, s, { type });
      expect(next.value).toBe('decision');
      expect(next.context.log).toEqual([]);
      expect(next.context.run).toBe(s.context.run);
    }
  });

  it('plans a difference on the first apply and nothing on the second, while the commands run twice make twice the servers', () => {
    let s = start();
    s = act(s, { type: 'apply' });
    s = act(s, { type: 'apply' });
    expect(s.context.run.applies.map((a) => a.plan.length)).toEqual([3, 0]);
    expect(s.value).toBe('decision');
    s = act(s, { type: 'run-commands' });
    s = act(s, { type: 'run-commands' });
    expect(s.context.run.declared).toHaveLength(3);
    expect(s.context.run.scripted).toHaveLength(6);
    expect(stage(s.context.run)).toBe('patch');
  });

  it('logs an edit, so a changed definition plans its difference and replays exactly', () => {
    let s = start();
    s = act(s, { type: 'apply' });
    s = act(s, { type: 'edit', definition: { count: 5, size: 'large', ports: [443] } });
    s = act(s, { type: 'apply' });
    expect(s.context.run.applies[1]!.plan.map((p) => p.op)).toEqual(['update', 'update', 'update', 'create', 'create']);
    expect(s.context.log[1]).toEqual({ type: 'edit', definition: { count: 5, size: 'large', ports: [443] } });
    expect(replay(model, s.context.params, s.context.seed, s.context.log)).toEqual(s.context.run);
  });

  it('reaches the review after the release, counting the run, and matches a run nobody plays when the steps follow the setup', () => {
    let s = start({ patch: 'definition', staging: true });
    for (let i = 0; i < 10 && s.value === 'decision'; i++) s = act(s, model.autoplay(s.context.run));
    expect(s.value).toBe('review');
    expect(s.context.finished).toBe(1);
    expect(s.context.run).toEqual(runToEnd(model, s.context.params, 7));
    expect(summarize(s.context.run)).toMatchObject({ missed: 0, exposed: 0, lastPlanSteps: 0, scriptedServers: 6 });
  });

  it('plays a whole run as an actor by clicks and lands in review, matching a replay of its log', () => {
    const actor = createActor(provisionMachine, { input: { ...input({ fleet: 12 }, 3), prediction: 'same' } }).start();
    actor.send({ type: 'run.start' });
    const clicks: ProvisionAction[] = [
      { type: 'apply' },
      { type: 'apply' },
      { type: 'run-commands' },
      { type: 'run-commands' },
      { type: 'patch', how: 'hand' },
      { type: 'release', review: false, staging: false },
    ];
    for (const action of clicks) actor.send({ type: 'sim.act', action });
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('review');
    expect(context.log).toEqual(clicks);
    expect(replay(model, context.params, context.seed, context.log)).toEqual(context.run);
    expect(summarize(context.run).exposed).toBe(12);
  });

  it('replays from the review with a fresh run and log, and goes back to the setup on request', () => {
    let s = start();
    for (let i = 0; i < 10 && s.value === 'decision'; i++) s = act(s, model.autoplay(s.context.run));
    [s] = transition(provisionMachine, s, { type: 'run.replay' });
    expect(s.value).toBe('decision');
    expect(s.context.log).toEqual([]);
    expect(s.context.run).toEqual(model.init(s.context.params, 7));
    [s] = transition(provisionMachine, s, { type: 'run.configure' });
    expect(s.value).toBe('configure');
  });
});
