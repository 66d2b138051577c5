// The learner's flow through the metrics dashboard: predict the weakest key, choose the wall, put it up, then target one number (predict, then split deploys).
import { assign, setup } from 'xstate';
import { DEFAULT_WALL, METRIC_IDS, type MetricId } from '../models/dashboard/index.ts';

export interface DashboardContext {
  /** The guess of the weakest key, before the wall goes up. */
  prediction: string | null;
  /** The guess before target mode shows what splitting does. */
  targetGuess: string | null;
  /** The metrics on the wall, in METRIC_IDS order. */
  chosen: MetricId[];
  /** How many times the wall went up in this session (each is saved as a run). */
  built: number;
}

export type DashboardEvent =
  | { type: 'predict.set'; guess: string }
  | { type: 'metric.toggle'; id: MetricId }
  | { type: 'metrics.set'; ids: readonly MetricId[] }
  | { type: 'wall.build' }
  | { type: 'wall.edit' }
  | { type: 'target.open' }
  | { type: 'target.close' }
  | { type: 'target.predict'; guess: string };

/** Known metrics only, each once, in METRIC_IDS order. */
export function orderMetrics(ids: readonly string[]): MetricId[] {
  return METRIC_IDS.filter((id) => ids.includes(id));
}

export const dashboardMachine = setup({
  types: {
    context: {} as DashboardContext,
    events: {} as DashboardEvent,
    input: {} as { chosen?: readonly MetricId[]; prediction?: string | null },
  },
  guards: {
    canBuild: ({ context }) => context.prediction !== null && context.chosen.length > 0,
    hasTargetGuess: ({ context }) => context.targetGuess !== null,
  },
  actions: {
    setPrediction: assign(({ event }) => (event.type === 'predict.set' ? { prediction: event.guess } : {})),
    toggleMetric: assign(({ context, event }) =>
      event.type === 'metric.toggle'
        ? { chosen: orderMetrics(context.chosen.includes(event.id) ? context.chosen.filter((id) => id !== event.id) : [...context.chosen, event.id]) }
        : {},
    ),
    setMetrics: assign(({ event }) => (event.type === 'metrics.set' ? { chosen: orderMetrics(event.ids) } : {})),
    countBuilt: assign(({ context }) => ({ built: context.built + 1 })),
    setTargetGuess: assign(({ event }) => (event.type === 'target.predict' ? { targetGuess: event.guess } : {})),
  },
}).createMachine({
  id: 'dashboard',
  context: ({ input }) => ({
    prediction: input.prediction ?? null,
    targetGuess: null,
    chosen: orderMetrics(input.chosen ?? DEFAULT_WALL),
    built: 0,
  }),
  initial: 'setup',
  states: {
    setup: {
      on: {
        'predict.set': { actions: 'setPrediction' },
        'metric.toggle': { actions: 'toggleMetric' },
        'metrics.set': { actions: 'setMetrics' },
        'wall.build': { guard: 'canBuild', target: 'wall', actions: 'countBuilt' },
      },
    },
    wall: {
      initial: 'board',
      on: { 'wall.edit': { target: 'setup' } },
      states: {
        board: {
          on: { 'target.open': { target: 'target' } },
        },
        target: {
          initial: 'predicting',
          on: { 'target.close': { target: 'board' } },
          states: {
            // The split appears only after the guess; a learner who guessed before goes straight to it.
            predicting: {
              always: { guard: 'hasTargetGuess', target: 'splitting' },
              on: { 'target.predict': { target: 'splitting', actions: 'setTargetGuess' } },
            },
            splitting: {},
          },
        },
      },
    },
  },
});
