// Missions: goals a learner can win in a sim, each with a win state the model checks on a finished run.

/** One mission. `won` reads only the finished run and its settings, so the model, not the renderer, decides. */
export interface Mission<Values, State> {
  /** Stable id kept in saved progress (lower-case, hyphens). */
  id: string;
  /** A short title ("Elite on every key"). */
  title: string;
  /** The goal in one sentence, with its numbers. */
  goal: string;
  /** Settings the mission starts from (applied when the learner picks it); the rest stay as they are. */
  setup?: Partial<Values>;
  /** Settings the mission holds fixed while it is attempted. */
  fixed?: ReadonlyArray<keyof Values>;
  /** Whether a finished run wins it. */
  won(end: State, values: Values): boolean;
}

/** The missions a finished run wins. */
export function missionsWon<V, S>(missions: ReadonlyArray<Mission<V, S>>, end: S, values: V): string[] {
  return missions.filter((m) => m.won(end, values)).map((m) => m.id);
}
