// Headline figures of the feature-flag sim over many seeds: the sweep for the top rung and the numbers the facilitator guide quotes.
import { overSeeds } from '../../sim-kit/core/model.ts';
import { DEFAULT_PARAMS, blastRadius, estimates, model, trueEffect } from './model.ts';
import type { FlagsParams, FlagsState } from './types.ts';

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The rollout shares the sweep visits, as percentages. */
export const SWEEP_PERCENTS: readonly number[] = [1, 5, 25, 50, 100];

/** Users hurt against rollout percent (behind a flag with a kill switch, no dark launch), mean over seeds, with a full release for reference. */
export function sweep(
  base: FlagsParams = DEFAULT_PARAMS,
  seeds = 200,
): { rows: Array<{ percent: number; meanUsersHurt: number; meanUsersExposed: number }>; fullRelease: number } {
  const rows = SWEEP_PERCENTS.map((percent) => {
    const ends = overSeeds(model, { ...base, release: 'flag', dark: 0, rollout: percent / 100, plan: 'hold' }, seeds, (e) => e);
    return {
      percent,
      meanUsersHurt: round(mean(ends.map(blastRadius))),
      meanUsersExposed: round(mean(ends.map((e) => e.totals.exposed))),
    };
  });
  const fullRelease = round(mean(overSeeds(model, { ...base, release: 'full' }, seeds, blastRadius)));
  return { rows, fullRelease };
}

const hasLoadProblem = (e: FlagsState) => e.commits.some((c) => c.stoppedAt === null && c.kind === 'performance');

/** The facilitator guide's figures at the defaults, over seeds 1 to 200. */
export function expectedNumbers(seeds = 200) {
  const runs = (p: Partial<FlagsParams>) => overSeeds(model, { ...DEFAULT_PARAMS, ...p }, seeds, (e) => e);
  const defaults = runs({});
  const full = runs({ release: 'full' });
  const small = runs({ rollout: 0.05 });
  const dark = runs({ dark: 0.05, rollout: 0 });
  const problems = defaults.flatMap((e) => e.commits.filter((c) => c.kind !== 'none'));
  const caughtShare = (stage: string) => round(problems.filter((c) => c.stoppedAt === stage).length / Math.max(1, problems.length), 3);
  const loadSeeds = dark.filter(hasLoadProblem);
  const gapRuns = small.filter((e) => e.totals.newUsers > 0 && (e.killedAt === null || e.killedAt >= e.spike.end));
  const gapError = mean(gapRuns.map((e) => Math.abs(estimates(e).gap! - trueEffect(e)!)));
  const naiveError = mean(gapRuns.map((e) => Math.abs(estimates(e).naive! - trueEffect(e)!)));
  return {
    seeds,
    problemsPerDay: round(problems.length / seeds),
    caughtShareByStage: {
      unit: caughtShare('unit'),
      integration: caughtShare('integration'),
      staging: caughtShare('staging'),
      preprod: caughtShare('preprod'),
    },
    escapedShare: round(problems.filter((c) => c.stoppedAt === null).length / Math.max(1, problems.length), 3),
    /** Mean users hurt: the default (flag flipped to everyone, kill switch), a 5% rollout with the kill switch, a full release with rollback. */
    usersHurt: {
      defaults: round(mean(defaults.map(blastRadius))),
      fivePercent: round(mean(small.map(blastRadius))),
      fullRelease: round(mean(full.map(blastRadius))),
    },
    daysWithLoadProblem: loadSeeds.length,
    /** Of those days, a 5% dark launch left alone all day: share revealing the load problem, share with no user hurt. */
    darkRevealsLoad: round(loadSeeds.filter((e) => e.revealed.performance !== null).length / Math.max(1, loadSeeds.length), 3),
    darkNoUserHurt: round(loadSeeds.filter((e) => blastRadius(e) < 1).length / Math.max(1, loadSeeds.length), 3),
    fullNoUserHurtOnLoadDays: round(full.filter(hasLoadProblem).filter((e) => blastRadius(e) < 1).length / Math.max(1, full.filter(hasLoadProblem).length), 3),
    /** At a 5% rollout that ran through the spike: mean error of the gap and of the naive before-and-after estimate, in conversion points. */
    gapDays: gapRuns.length,
    gapErrorPoints: round(gapError * 100),
    naiveErrorPoints: round(naiveError * 100),
  };
}
