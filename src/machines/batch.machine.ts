// The learner's flow through the batch-size sim: configure -> running (play, pause, step, ship) -> incident -> review.
import { assign, setup } from 'xstate';
import { canShip, daysToNextStop, init, isOver, step, type BatchAction, type BatchState } from '../models/batch/index.ts';
import type { Scenario } from '../schemas/batch-scenario.ts';
import type { Policy } from '../models/batch/types.ts';

export const SPEEDS = { slow: 900, normal: 450, fast: 150 } as const;
export type Speed = keyof typeof SPEEDS;

export interface BatchContext {
  scenario: Scenario;
  run: BatchState;
  /** Every model action of this run, in order: with the scenario, enough to replay it. */
  log: BatchAction[];
  speed: Speed;
}

export type BatchEvent =
  | { type: 'scenario.set'; scenario: Scenario }
  | { type: 'run.start' }
  | { type: 'run.play' }
  | { type: 'run.pause' }
  | { type: 'run.step' }
  | { type: 'run.finish' }
  | { type: 'run.replay' }
  | { type: 'run.configure' }
  | { type: 'speed.set'; speed: Speed }
  | { type: 'compare.set'; policy: Policy }
  | { type: 'deploy.ship' }
  | { type: 'incident.rollBack' }
  | { type: 'incident.fixForward' };

/** Applies model actions to the context, logging them. */
function apply(context: BatchContext, ...actions: BatchAction[]): Partial<BatchContext> {
  return { run: actions.reduce(step, context.run), log: [...context.log, ...actions] };
}

export const batchMachine = setup({
  types: {
    context: {} as BatchContext,
    events: {} as BatchEvent,
    input: {} as { scenario: Scenario; speed?: Speed },
  },
  guards: {
    hasIncident: ({ context }) => context.run.incident !== null,
    isQuarterOver: ({ context }) => isOver(context.run),
    canShip: ({ context }) => canShip(context.run),
  },
  actions: {
    setScenario: assign(({ event }) =>
      event.type === 'scenario.set' ? { scenario: event.scenario, run: init(event.scenario.params, event.scenario.seed), log: [] } : {},
    ),
    resetRun: assign(({ context }) => ({ run: init(context.scenario.params, context.scenario.seed), log: [] })),
    advanceDay: assign(({ context }) => apply(context, { type: 'day' })),
    finishQuarter: assign(({ context }) => apply(context, ...daysToNextStop(context.run))),
    shipNow: assign(({ context }) => apply(context, { type: 'ship' })),
    rollBack: assign(({ context }) => apply(context, { type: 'recover', how: 'rollback' })),
    fixForward: assign(({ context }) => apply(context, { type: 'recover', how: 'fix-forward' })),
    setComparison: assign(({ context, event }) => (event.type === 'compare.set' ? { scenario: { ...context.scenario, vs: event.policy } } : {})),
    setSpeed: assign(({ event }) => (event.type === 'speed.set' ? { speed: event.speed } : {})),
  },
  delays: {
    dayLength: ({ context }) => SPEEDS[context.speed],
  },
}).createMachine({
  id: 'batch',
  context: ({ input }) => ({ scenario: input.scenario, run: init(input.scenario.params, input.scenario.seed), log: [], speed: input.speed ?? 'normal' }),
  initial: 'configure',
  on: {
    'speed.set': { actions: 'setSpeed' },
    'compare.set': { actions: 'setComparison' },
  },
  states: {
    configure: {
      on: {
        'scenario.set': { actions: 'setScenario' },
        'run.start': { target: 'running.playing', actions: 'resetRun' },
      },
    },
    running: {
      initial: 'paused',
      always: [
        { guard: 'hasIncident', target: 'incident' },
        { guard: 'isQuarterOver', target: 'review' },
      ],
      on: {
        'deploy.ship': { guard: 'canShip', actions: 'shipNow' },
        'run.configure': { target: 'configure' },
        'run.finish': { target: '.paused', actions: 'finishQuarter' },
      },
      states: {
        paused: {
          on: {
            'run.play': 'playing',
            'run.step': { actions: 'advanceDay' },
          },
        },
        playing: {
          after: { dayLength: { target: 'playing', reenter: true, actions: 'advanceDay' } },
          on: {
            'run.pause': 'paused',
            'run.step': { target: 'paused', actions: 'advanceDay' },
          },
        },
        resume: { type: 'history' },
      },
    },
    incident: {
      on: {
        'incident.rollBack': { target: 'running.resume', actions: 'rollBack' },
        'incident.fixForward': { target: 'running.resume', actions: 'fixForward' },
      },
    },
    review: {
      on: {
        'run.replay': { target: 'running.playing', actions: 'resetRun' },
        'run.configure': { target: 'configure' },
      },
    },
  },
});
