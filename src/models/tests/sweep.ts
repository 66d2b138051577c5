// The test-portfolio sweep (escapes and pipeline minutes against the unit share, many seeds) and the expected numbers for the facilitator guide.
import { runToEnd } from '../../sim-kit/core/model.ts';
import { model, summarize } from './model.ts';
import { LEVELS, type PerLevel, type TestsParams, type TestsSummary } from './types.ts';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;

function summaries(params: TestsParams, seeds: number): TestsSummary[] {
  return Array.from({ length: seeds }, (_, i) => summarize(runToEnd(model, params, i + 1)));
}

/** Shares with `unit` for the unit level and the rest split over the other three in the proportions of `base` (evenly if base has none). */
export function withUnitShare(base: PerLevel<number>, unit: number): PerLevel<number> {
  const others = LEVELS.filter((l) => l !== 'unit');
  const rest = others.reduce((sum, l) => sum + base[l], 0);
  const shares = { unit } as PerLevel<number>;
  for (const l of others) shares[l] = (1 - unit) * (rest > 0 ? base[l] / rest : 1 / others.length);
  return shares;
}

export interface TestsSweepRow {
  unitShare: number;
  meanEscaped: number;
  meanEscapeRate: number;
  suiteMinutes: number;
  meanPipelineMinutes: number;
  meanFlakyFailures: number;
  meanIgnoredReds: number;
}

/** Escapes and pipeline minutes against the unit share (the rest split as in `params`), averaged over seeds 1..`seeds`. */
export function sweep(params: TestsParams, unitShares: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], seeds = 200): TestsSweepRow[] {
  return unitShares.map((unitShare) => {
    const runs = summaries({ ...params, shares: withUnitShare(params.shares, unitShare) }, seeds);
    return {
      unitShare,
      meanEscaped: round(mean(runs.map((s) => s.escaped))),
      meanEscapeRate: round(mean(runs.map((s) => s.escapeRate)), 3),
      suiteMinutes: runs[0]!.suiteMinutes,
      meanPipelineMinutes: Math.round(mean(runs.map((s) => s.pipelineMinutes))),
      meanFlakyFailures: round(mean(runs.map((s) => s.flakyFailures))),
      meanIgnoredReds: round(mean(runs.map((s) => s.ignoredReds))),
    };
  });
}

export interface PortfolioFigures {
  suiteMinutes: number;
  pipelineMinutes: number;
  caught: number;
  escaped: number;
  escapePercent: number;
  flakyFailures: number;
  ignoredReds: number;
}

/**
 * Headline figures over seeds 1..`seeds` for each preset, for the facilitator guide. Pass the params of each preset at
 * the default settings (`testsParams({ ...defaults, preset })`).
 */
export function expectedNumbers(byPreset: Record<string, TestsParams>, seeds = 200): Record<string, PortfolioFigures> {
  return Object.fromEntries(
    Object.entries(byPreset).map(([name, params]) => {
      const runs = summaries(params, seeds);
      return [
        name,
        {
          suiteMinutes: runs[0]!.suiteMinutes,
          pipelineMinutes: Math.round(mean(runs.map((s) => s.pipelineMinutes))),
          caught: round(mean(runs.map((s) => s.caught))),
          escaped: round(mean(runs.map((s) => s.escaped))),
          escapePercent: round(100 * mean(runs.map((s) => s.escapeRate))),
          flakyFailures: round(mean(runs.map((s) => s.flakyFailures))),
          ignoredReds: round(mean(runs.map((s) => s.ignoredReds))),
        },
      ];
    }),
  );
}
