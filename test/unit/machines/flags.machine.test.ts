// Tests for the flags sim's flow on the kit's run machine: the pipeline and the plan's steps wait for an action, an alert waits for a choice, replay of the log.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, SimulatedClock, type SnapshotFrom } from 'xstate';
import { flagsMachine } from '../../../src/machines/flags.machine.ts';
import { SPEEDS } from '../../../src/sim-kit/machine/run.machine.ts';
import { replay, runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { model, type FlagsAction } from '../../../src/models/flags/index.ts';
import { flagsFields, flagsParams, type FlagsScenarioValues } from '../../../src/schemas/flags-scenario.ts';
import { alertWaiting, planStep } from '../../../src/sims/flags.ts';

type Snap = SnapshotFrom<typeof flagsMachine>;
const input = (over: Partial<FlagsScenarioValues> = {}, seed = 2026) => ({ seed, params: flagsParams({ ...defaultValues(flagsFields), ...over }) });
const act = (s: Snap, action: FlagsAction) => transition(flagsMachine, s, { type: 'sim.act', action })[0];
const start = (over: Partial<FlagsScenarioValues> = {}, seed = 2026) => {
  let [s] = initialTransition(flagsMachine, input(over, seed));
  [s] = transition(flagsMachine, s, { type: 'predict.set', guess: 'fewer' });
  [s] = transition(flagsMachine, s, { type: 'run.start' });
  return s;
};
/** What the island does at a decision that is not an alert: the next commit, or the plan's due step. */
const take = (s: Snap) => act(s, planStep(s.context.run) ?? { type: 'next' });
/** Runs on as the island's "Run to the next alert" does, stopping at an alert or the review. */
const runOn = (s: Snap) => {
  for (let i = 0; i < 1000; i++) {
    if (s.value === 'review') return s;
    if (s.value === 'decision') {
      if (alertWaiting(s.context.run)) return s;
      s = take(s);
    } else [s] = transition(flagsMachine, s, { type: 'run.finish' });
  }
  throw new Error('the day never stopped');
};

describe('the flags sim machine', () => {
  it('waits for a prediction, then holds at the pipeline, where the clock does not move commits but each action does', () => {
    let [s] = initialTransition(flagsMachine, input());
    [s] = transition(flagsMachine, s, { type: 'run.start' });
    expect(s.value).toBe('configure');
    s = start();
    expect(s.value).toBe('decision');
    expect(s.context.run.phase).toBe('pipeline');
    s = act(s, { type: 'next' });
    expect(s.value).toBe('decision');
    expect(s.context.run.commits.filter((c) => c.done)).toHaveLength(1);
    expect(s.context.log).toEqual([{ type: 'next' }]);
  });

  it('leaves the pipeline for the release day once every commit has run, playing on as before', () => {
    let s = start({ commits: 3 });
    for (let i = 0; i < 3; i++) s = act(s, { type: 'next' });
    expect(s.context.run.phase).toBe('release');
    expect(s.value).toEqual({ running: 'playing' });
  });

  it('stops where the plan has a step due, so that the dark launch and the rollout are logged when they happen', () => {
    let s = start({ dark: '5', rollout: '25' });
    while (s.context.run.phase === 'pipeline') s = act(s, { type: 'next' });
    expect(s.value).toBe('decision');
    expect(planStep(s.context.run)).toEqual({ type: 'dark', percent: 5 });
    s = take(s);
    expect(s.context.run.dark).toBe(0.05);
    [s] = transition(flagsMachine, s, { type: 'run.pause' });
    [s] = transition(flagsMachine, s, { type: 'run.finish' });
    // Either the hour is over (dark off, then the rollout) or an alert from the dark path came first.
    expect(s.value).toBe('decision');
    if (!alertWaiting(s.context.run)) {
      expect(s.context.run.minute).toBe(60);
      s = take(s);
      s = take(s);
      expect([s.context.run.dark, s.context.run.rollout]).toEqual([0, 0.25]);
    }
  });

  it('stops at an alert for the on-call’s choice; the kill switch turns everything off and the day runs on', () => {
    let s = runOn(start());
    expect(s.value).toBe('decision');
    expect(alertWaiting(s.context.run)).toBe(true);
    expect(s.context.run.alerts.at(-1)!.minute).toBe(60);
    s = act(s, { type: 'kill' });
    expect(s.value).not.toBe('decision');
    expect([s.context.run.rollout, s.context.run.dark, s.context.run.killedAt]).toEqual([0, 0, 61]);
    s = runOn(s);
    expect(s.value).toBe('review');
    expect(s.context.finished).toBe(1);
  });

  it('lets the on-call keep going past an alert, which costs a minute and more users hurt than the kill switch', () => {
    const atAlert = runOn(start());
    const kept = runOn(act(atAlert, { type: 'tick' }));
    const killed = runOn(act(atAlert, { type: 'kill' }));
    expect(kept.context.run.totals.hurt).toBeGreaterThan(killed.context.run.totals.hurt);
    expect(kept.context.log.filter((a) => a.type === 'kill')).toHaveLength(0);
  });

  it('offers a rollback, not a kill switch, in a full release, and the release stays live while it runs', () => {
    let s = runOn(start({ release: 'full' }));
    expect(alertWaiting(s.context.run)).toBe(true);
    const unchanged = act(s, { type: 'kill' });
    expect(unchanged.context.run.killedAt).toBeNull();
    s = act(s, { type: 'rollback' });
    expect(s.context.run.rollbackDoneAt).toBe(s.context.run.minute + 20);
    expect(s.context.run.rollout).toBe(1);
  });

  it('played by the on-call who kills at the first alert, ends where the model’s own autoplay ends', () => {
    let s = start({ dark: '5', rollout: '5', plan: 'ramp' }, 11);
    for (let i = 0; i < 1000 && s.value !== 'review'; i++) {
      s = runOn(s);
      if (s.value === 'decision') s = act(s, { type: 'kill' });
    }
    expect(s.value).toBe('review');
    expect(s.context.run).toEqual(runToEnd(model, s.context.params, 11));
  });

  it('plays a whole day on a simulated clock and lands in review, matching a replay of its log', () => {
    const clock = new SimulatedClock();
    const actor = createActor(flagsMachine, { input: { ...input({ rollout: '25' }, 5), speed: 'fast', prediction: 'same' }, clock }).start();
    actor.send({ type: 'run.start' });
    for (let i = 0; i < 2000 && !actor.getSnapshot().matches('review'); i++) {
      const snap = actor.getSnapshot();
      if (snap.matches('decision')) {
        const run = snap.context.run;
        actor.send({ type: 'sim.act', action: alertWaiting(run) ? { type: 'kill' } : (planStep(run) ?? { type: 'next' }) });
      } else clock.increment(SPEEDS.fast);
    }
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().value).toBe('review');
    expect(replay(model, context.params, context.seed, context.log)).toEqual(context.run);
  });

  it('replays the same day from the review with a fresh log', () => {
    let s = runOn(start());
    s = runOn(act(s, { type: 'kill' }));
    [s] = transition(flagsMachine, s, { type: 'run.replay' });
    expect(s.value).toBe('decision');
    expect(s.context.log).toEqual([]);
    expect(s.context.run).toEqual(model.init(s.context.params, 2026));
  });
});
