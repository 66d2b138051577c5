// Pure views of a feature-flag day for the island: the gap between the groups minute by minute, and the same dice under other ways of shipping.
import { runToEnd } from '../../sim-kit/core/model.ts';
import { MIN_SAMPLE, blastRadius, model, records, summarize, type FlagsParams, type FlagsState, type FlagsSummary } from '../../models/flags/index.ts';

/** Half-width of a 95% interval in standard errors. */
export const Z95 = 1.96;

export interface GapPoint {
  minute: number;
  /** New-group conversion minus control conversion so far (live minutes only), as a share. */
  gap: number;
  /** Half-width of its 95% interval. */
  half: number;
  newUsers: number;
  controlUsers: number;
}

/**
 * The running comparison the monitoring makes: after each live minute, the gap in conversion between the groups and its
 * 95% interval. Starts once the smaller group has the monitoring's minimum sample; empty when there is no control group.
 */
export function gapSeries(run: Pick<FlagsState, 'log'>): GapPoint[] {
  const out: GapPoint[] = [];
  let nNew = 0;
  let xNew = 0;
  let nCtrl = 0;
  let xCtrl = 0;
  for (const r of records(run)) {
    if (r.newUsers === 0) continue;
    nNew += r.newUsers;
    xNew += r.newConversions;
    nCtrl += r.controlUsers;
    xCtrl += r.controlConversions;
    if (Math.min(nNew, nCtrl) < MIN_SAMPLE) continue;
    const pNew = xNew / nNew;
    const pCtrl = xCtrl / nCtrl;
    const se = Math.sqrt((pNew * (1 - pNew)) / nNew + (pCtrl * (1 - pCtrl)) / nCtrl);
    out.push({ minute: r.minute, gap: pNew - pCtrl, half: Z95 * se, newUsers: nNew, controlUsers: nCtrl });
  }
  return out;
}

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

export const PREDICTIONS = [
  { value: 'same', label: 'About as many: the same bugs hurt the same way' },
  { value: 'share', label: 'About a twentieth as many, since 5% of users see it' },
  { value: 'fewer', label: 'Far fewer than a twentieth' },
] as const;

/**
 * The answer to the prediction on the learner's dice: users hurt by a 5% rollout with a kill switch against a full release
 * of the same build. "About a twentieth" spans a fiftieth to a quarter; null when the full release hurt nobody (nothing to compare).
 */
export function predictionAnswer(fivePercentHurt: number, fullHurt: number): 'same' | 'share' | 'fewer' | null {
  if (fullHurt < 1) return null;
  const ratio = fivePercentHurt / fullHurt;
  return ratio > 0.25 ? 'same' : ratio >= 0.02 ? 'share' : 'fewer';
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
