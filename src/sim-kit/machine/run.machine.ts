// Run controls every sim shares: predict -> configure -> running (play, pause, step, finish) -> decision -> review, with every model action logged.
import { assign, setup } from 'xstate';
import type { SimModel } from '../core/model.ts';

export const SPEEDS = { slow: 900, normal: 450, fast: 150 } as const;
export type Speed = keyof typeof SPEEDS;

export interface RunContext<P, S, A> {
  seed: number;
  params: P;
  run: S;
  /** Every model action of this run, in order: with the seed and params, enough to replay it. */
  log: A[];
  speed: Speed;
  /** The learner's committed guess before the first run, or null until they make one. */
  prediction: string | null;
  /** How many runs reached their review in this session. */
  finished: number;
}

export type RunEvent<P, A> =
  | { type: 'setup.set'; seed: number; params: P }
  | { type: 'predict.set'; guess: string }
  | { type: 'run.start' }
  | { type: 'run.play' }
  | { type: 'run.pause' }
  | { type: 'run.step' }
  | { type: 'run.finish' }
  | { type: 'run.replay' }
  | { type: 'run.configure' }
  | { type: 'speed.set'; speed: Speed }
  | { type: 'sim.act'; action: A };

export interface RunMachineOptions<S, A> {
  id: string;
  /** The action one clock step takes ("a day", "an hour"). */
  tick: A;
  /** Whether the run waits for the learner (an outage to recover from, a choice to make). */
  needsDecision: (state: S) => boolean;
}

/** The actions that run the clock to the next decision or to the end, with no learner choice in between. */
export function ticksToNextStop<P, S, A>(model: SimModel<P, S, A>, options: RunMachineOptions<S, A>, state: S, limit = 100_000): A[] {
  const actions: A[] = [];
  let current = state;
  while (!model.isOver(current) && !options.needsDecision(current) && actions.length < limit) {
    current = model.step(current, options.tick);
    actions.push(options.tick);
  }
  return actions;
}

/** Builds the run machine for one sim's model. Each action is a one-line assign over a model function. */
export function createRunMachine<P, S, A>(model: SimModel<P, S, A>, options: RunMachineOptions<S, A>) {
  type Context = RunContext<P, S, A>;
  type Event = RunEvent<P, A>;
  const apply = (context: Context, actions: A[]): Partial<Context> => ({ run: actions.reduce(model.step, context.run), log: [...context.log, ...actions] });
  const fresh = (context: Context): Partial<Context> => ({ run: model.init(context.params, context.seed), log: [] });

  return setup({
    types: {
      context: {} as Context,
      events: {} as Event,
      input: {} as { seed: number; params: P; speed?: Speed; prediction?: string | null },
    },
    guards: {
      hasPrediction: ({ context }) => context.prediction !== null,
      needsDecision: ({ context }) => options.needsDecision(context.run),
      isOver: ({ context }) => model.isOver(context.run),
    },
    actions: {
      setSetup: assign(({ event }) =>
        event.type === 'setup.set' ? { seed: event.seed, params: event.params, run: model.init(event.params, event.seed), log: [] } : {},
      ),
      setPrediction: assign(({ event }) => (event.type === 'predict.set' ? { prediction: event.guess } : {})),
      resetRun: assign(({ context }) => fresh(context)),
      tick: assign(({ context }) => apply(context, [options.tick])),
      finish: assign(({ context }) => apply(context, ticksToNextStop(model, options, context.run))),
      act: assign(({ context, event }) => (event.type === 'sim.act' ? apply(context, [event.action]) : {})),
      countFinished: assign(({ context }) => ({ finished: context.finished + 1 })),
      setSpeed: assign(({ event }) => (event.type === 'speed.set' ? { speed: event.speed } : {})),
    },
    delays: {
      tickLength: ({ context }) => SPEEDS[context.speed],
    },
  }).createMachine({
    id: options.id,
    context: ({ input }) => ({
      seed: input.seed,
      params: input.params,
      run: model.init(input.params, input.seed),
      log: [],
      speed: input.speed ?? 'normal',
      prediction: input.prediction ?? null,
      finished: 0,
    }),
    initial: 'configure',
    on: { 'speed.set': { actions: 'setSpeed' } },
    states: {
      configure: {
        on: {
          'setup.set': { actions: 'setSetup' },
          'predict.set': { actions: 'setPrediction' },
          'run.start': { guard: 'hasPrediction', target: 'running.playing', actions: 'resetRun' },
        },
      },
      running: {
        initial: 'paused',
        always: [
          { guard: 'needsDecision', target: 'decision' },
          { guard: 'isOver', target: 'review', actions: 'countFinished' },
        ],
        on: {
          'sim.act': { actions: 'act' },
          'run.configure': { target: 'configure' },
          'run.finish': { target: '.paused', actions: 'finish' },
        },
        states: {
          paused: {
            on: {
              'run.play': 'playing',
              'run.step': { actions: 'tick' },
            },
          },
          playing: {
            after: { tickLength: { target: 'playing', reenter: true, actions: 'tick' } },
            on: {
              'run.pause': 'paused',
              'run.step': { target: 'paused', actions: 'tick' },
            },
          },
          resume: { type: 'history' },
        },
      },
      decision: {
        on: {
          'sim.act': { target: 'running.resume', actions: 'act' },
          'run.configure': { target: 'configure' },
        },
      },
      review: {
        on: {
          'run.replay': { target: 'running.playing', actions: 'resetRun' },
          'run.configure': { target: 'configure' },
          'setup.set': { target: 'configure', actions: 'setSetup' },
        },
      },
    },
  });
}
