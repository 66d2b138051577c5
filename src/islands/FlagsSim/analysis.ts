// Pure views of a feature-flag day for the island's run: the gap between the groups minute by minute, and the prediction with its answer.
import { MIN_SAMPLE, records, type FlagsState } from '../../models/flags/index.ts';

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
