// The drift sweep (quarter cost against the share of hand fixes, many seeds) and the expected numbers for the facilitator guide.
import { runToEnd } from '../../sim-kit/core/model.ts';
import { model, summarize } from './model.ts';
import type { DriftParams, DriftSummary } from './types.ts';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round1 = (x: number) => Math.round(x * 10) / 10;

function summaries(params: DriftParams, seeds: number, firstSeed = 1): DriftSummary[] {
  return Array.from({ length: seeds }, (_, i) => summarize(runToEnd(model, params, firstSeed + i)));
}

export interface DriftSweepRow {
  /** Share of events fixed by hand, 0 to 1. */
  handShare: number;
  meanTotalMinutes: number;
  meanMinutesPerFix: number;
  meanIncidents: number;
  meanConfigurations: number;
}

/** Quarter cost against the share of events fixed by hand (the mixed policy at each share), averaged over seeds 1..`seeds`. */
export function sweep(params: DriftParams, shares: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], seeds = 200): DriftSweepRow[] {
  return shares.map((handShare) => {
    const runs = summaries({ ...params, policy: 'mixed', handShare }, seeds);
    return {
      handShare,
      meanTotalMinutes: round1(mean(runs.map((s) => s.totalMinutes))),
      meanMinutesPerFix: round1(mean(runs.map((s) => s.minutesPerFix ?? 0))),
      meanIncidents: round1(mean(runs.map((s) => s.incidents))),
      meanConfigurations: round1(mean(runs.map((s) => s.configurations))),
    };
  });
}

export interface PolicyFigures {
  minutesPerFix: number;
  totalMinutes: number;
  incidents: number;
  configurations: number;
  worstRebuildMinutes: number;
}

/**
 * Headline figures over seeds 1..`seeds`, all by hand and all via the repository, for the facilitator guide. Pass the default
 * params (`driftParams(defaultValues(driftFields))`) for the guide's numbers.
 */
export function expectedNumbers(defaults: DriftParams, seeds = 200): { hand: PolicyFigures; code: PolicyFigures; codeCheaperQuarterShare: number } {
  const figures = (runs: DriftSummary[]): PolicyFigures => ({
    minutesPerFix: round1(mean(runs.map((s) => s.minutesPerFix ?? 0))),
    totalMinutes: Math.round(mean(runs.map((s) => s.totalMinutes))),
    incidents: round1(mean(runs.map((s) => s.incidents))),
    configurations: round1(mean(runs.map((s) => s.configurations))),
    worstRebuildMinutes: Math.round(mean(runs.map((s) => s.worstRebuildMinutes))),
  });
  const hand = summaries({ ...defaults, policy: 'hand' }, seeds);
  const code = summaries({ ...defaults, policy: 'code' }, seeds);
  const cheaper = code.filter((s, i) => s.totalMinutes < hand[i]!.totalMinutes).length;
  return { hand: figures(hand), code: figures(code), codeCheaperQuarterShare: round1((100 * cheaper) / seeds) / 100 };
}
