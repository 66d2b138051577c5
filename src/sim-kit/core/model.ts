// The contract every simulation model keeps (init, step, isOver, autoplay) and the pure helpers built on it: replay, run to the end, same dice.

/**
 * A pure, seeded simulation model. It imports nothing from the app and nothing with a DOM, so it runs in Node, a worker
 * or the browser alike. The same params, seed and actions always give the same state.
 */
export interface SimModel<Params, State, Action> {
  /** The starting state; every random draw the run will need may be made here from the seed. */
  init(params: Params, seed: number): State;
  /** The one transition. An action that does not apply returns the state unchanged. */
  step(state: State, action: Action): State;
  /** Whether the run has reached its end (its review). */
  isOver(state: State): boolean;
  /** The action a learner who makes no choices would take next (advance the clock, take the default at a decision). */
  autoplay(state: State): Action;
}

/** Replays a logged run: the scenario and the actions give the state back, exactly. */
export function replay<P, S, A>(model: SimModel<P, S, A>, params: P, seed: number, actions: readonly A[]): S {
  return actions.reduce(model.step, model.init(params, seed));
}

/** The actions that take a state to its end with no learner choices, at most `limit` of them (a guard against a model that never ends). */
export function actionsToEnd<P, S, A>(model: SimModel<P, S, A>, state: S, limit = 100_000): A[] {
  const actions: A[] = [];
  let current = state;
  while (!model.isOver(current)) {
    if (actions.length >= limit) throw new Error(`the run did not end within ${limit} actions`);
    const action = model.autoplay(current);
    actions.push(action);
    current = model.step(current, action);
  }
  return actions;
}

/** Plays a whole run with no learner choices. */
export function runToEnd<P, S, A>(model: SimModel<P, S, A>, params: P, seed: number): S {
  const start = model.init(params, seed);
  return actionsToEnd(model, start).reduce(model.step, start);
}

/** Same dice, two settings: both runs share the seed, so the difference between them is the settings, not luck. */
export function sameDice<P, S, A>(model: SimModel<P, S, A>, a: P, b: P, seed: number): [S, S] {
  return [runToEnd(model, a, seed), runToEnd(model, b, seed)];
}

/** Runs `count` seeds from `firstSeed` and maps each end state to a number, for sweeps and property tests. */
export function overSeeds<P, S, A, R>(model: SimModel<P, S, A>, params: P, count: number, measure: (end: S) => R, firstSeed = 1): R[] {
  return Array.from({ length: count }, (_, i) => measure(runToEnd(model, params, firstSeed + i)));
}
