// Headline figures of the dashboard for the facilitator guide: the sample wall and the gamed target.
import { baseline, gameTarget, wall } from './model.ts';

/** The figures the measure lesson's guide quotes: what the sample wall shows and what splitting deploys does to it. */
export function expectedNumbers() {
  const w = wall([]);
  const base = baseline([]);
  const game = gameTarget(base, [1, 10]);
  const rn = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  const r = (x: number | null, d = 2) => (x === null ? null : rn(x, d));
  return {
    sampleBands: w.dora.bands,
    sampleWeakest: w.dora.weakest,
    sampleValues: Object.fromEntries(w.tiles.map((t) => [t.id, r(t.value)])),
    game: game.map((g) => ({
      split: g.split,
      deploysPerDay: rn(g.deploysPerDay),
      changesToUsersPerDay: rn(g.changesToUsersPerDay),
      changeFailureRate: rn(g.changeFailureRate, 3),
      changeFailureRateBand: g.changeFailureRateBand,
    })),
  };
}
