// Pure views for the review (loaded with it): the same dice under other ways of shipping, and the rows the comparison reads.
import { runToEnd } from '../../sim-kit/core/model.ts';
import { blastRadius, model, summarize, type FlagsParams, type FlagsState, type FlagsSummary } from '../../models/flags/index.ts';

/** The ways of shipping the review compares on the learner's dice, with the settings each one changes. */
export const WAYS = [
  { key: 'full', label: 'Full release, no flag', over: { release: 'full', dark: 0, rollout: 1, plan: 'hold' } },
  { key: 'everyone', label: 'Flag to everyone', over: { release: 'flag', dark: 0, rollout: 1, plan: 'hold' } },
  { key: 'five', label: '5% rollout', over: { release: 'flag', dark: 0, rollout: 0.05, plan: 'hold' } },
  { key: 'dark', label: '5% dark launch, then 5%', over: { release: 'flag', dark: 0.05, rollout: 0.05, plan: 'hold' } },
] as const satisfies ReadonlyArray<{ key: string; label: string; over: Partial<FlagsParams> }>;

export type WayKey = (typeof WAYS)[number]['key'];

/** The same day (seed and other settings) shipped each way, played by the on-call who follows the plan and kills on any alert. */
export function sameDiceWays(params: FlagsParams, seed: number): Record<WayKey, FlagsState> {
  return Object.fromEntries(WAYS.map((w) => [w.key, runToEnd(model, { ...params, ...w.over }, seed)])) as Record<WayKey, FlagsState>;
}

/** One row of the same-dice table: a label and how to read it from a finished day. */
export const COMPARE_ROWS: ReadonlyArray<[string, (e: FlagsState, s: FlagsSummary) => string]> = [
  ['Users hurt (blast radius)', (e) => String(Math.round(blastRadius(e)))],
  ['Users who saw the feature', (_, s) => (s.usersExposed ?? 0).toLocaleString('en')],
  ['Peak database load', (_, s) => `${Math.round(s.peakDbLoadPercent ?? 0)}%`],
  ['First alert', (_, s) => (s.firstAlertMinute === null ? 'none' : `minute ${s.firstAlertMinute}`)],
  ['Load problem found', (e, s) => loadFound(e, s)],
  ['Feature on at the end', (_, s) => `${s.finalRolloutPercent}%`],
];

/** Whether and when the load problem was found, in words. */
export function loadFound(e: FlagsState, s: FlagsSummary = summarize(e)): string {
  if (!e.commits.some((c) => c.stoppedAt === null && c.kind === 'performance')) return 'no load problem escaped';
  return s.loadRevealedMinute === null ? 'not found' : `minute ${s.loadRevealedMinute}`;
}
