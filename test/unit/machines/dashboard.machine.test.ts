// Tests for the dashboard's flow: pure transitions (predict, choose, put the wall up, target mode) and every path through the graph.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { dashboardMachine, orderMetrics } from '../../../src/machines/dashboard.machine.ts';
import { DEFAULT_WALL, DORA_METRICS } from '../../../src/models/dashboard/index.ts';

const begin = (input = {}) => initialTransition(dashboardMachine, input)[0];
const send = (s: ReturnType<typeof begin>, ...events: Parameters<typeof transition<typeof dashboardMachine>>[2][]) =>
  events.reduce((state, event) => transition(dashboardMachine, state, event)[0], s);

describe('the dashboard machine', () => {
  it('opens on the setup with the default wall and no guess', () => {
    const s = begin();
    expect(s.value).toBe('setup');
    expect(s.context).toEqual({ prediction: null, targetGuess: null, chosen: [...DEFAULT_WALL], built: 0 });
  });

  it('keeps the wall up only after a guess, and never with an empty wall', () => {
    let s = send(begin(), { type: 'wall.build' });
    expect(s.value).toBe('setup');
    s = send(s, { type: 'predict.set', guess: 'leadTime' }, { type: 'metrics.set', ids: [] }, { type: 'wall.build' });
    expect(s.value).toBe('setup');
    s = send(s, { type: 'metric.toggle', id: 'outages' }, { type: 'wall.build' });
    expect(s.value).toEqual({ wall: 'board' });
    expect(s.context).toMatchObject({ prediction: 'leadTime', chosen: ['outages'], built: 1 });
  });

  it('toggles metrics on and off, keeping them in the wall’s order with no repeats', () => {
    let s = send(begin({ chosen: [] }), { type: 'metric.toggle', id: 'recoveryTime' }, { type: 'metric.toggle', id: 'buildsPerDay' });
    expect(s.context.chosen).toEqual(['buildsPerDay', 'recoveryTime']);
    s = send(s, { type: 'metric.toggle', id: 'recoveryTime' });
    expect(s.context.chosen).toEqual(['buildsPerDay']);
    expect(orderMetrics(['leadTime', 'happiness', 'leadTime', 'outages'])).toEqual(['outages', 'leadTime']);
  });

  it('asks for the target-mode guess before the split, and keeps it when target mode is opened again', () => {
    let s = send(begin(), { type: 'predict.set', guess: 'leadTime' }, { type: 'wall.build' }, { type: 'target.open' });
    expect(s.value).toEqual({ wall: { target: 'predicting' } });
    s = send(s, { type: 'target.predict', guess: 'same' });
    expect(s.value).toEqual({ wall: { target: 'splitting' } });
    s = send(s, { type: 'target.predict', guess: 'more' }, { type: 'target.close' }, { type: 'target.open' });
    expect(s.value).toEqual({ wall: { target: 'splitting' } });
    expect(s.context.targetGuess).toBe('same');
  });

  it('goes back to the setup to change the wall, keeping the choices, and counts each time the wall goes up', () => {
    let s = send(begin(), { type: 'predict.set', guess: 'leadTime' }, { type: 'wall.build' }, { type: 'wall.edit' });
    expect(s.value).toBe('setup');
    s = send(s, { type: 'metrics.set', ids: DORA_METRICS }, { type: 'wall.build' });
    expect(s.context).toMatchObject({ built: 2, prediction: 'leadTime', chosen: [...DORA_METRICS] });
  });

  it('reaches every state by some path of events', () => {
    const paths = getShortestPaths(dashboardMachine, {
      input: {},
      events: [
        { type: 'predict.set', guess: 'leadTime' },
        { type: 'wall.build' },
        { type: 'wall.edit' },
        { type: 'target.open' },
        { type: 'target.predict', guess: 'same' },
        { type: 'target.close' },
      ],
      serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.prediction}|${s.context.targetGuess}|${Math.min(s.context.built, 2)}`,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect(reached).toEqual(
      new Set([
        '"setup"',
        JSON.stringify({ wall: 'board' }),
        JSON.stringify({ wall: { target: 'predicting' } }),
        JSON.stringify({ wall: { target: 'splitting' } }),
      ]),
    );
  });
});
