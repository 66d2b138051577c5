// The provisioning sweep (servers missed by hand against fleet size, many seeds) and the expected numbers for the facilitator guide.
import { runToEnd } from '../../sim-kit/core/model.ts';
import { model, summarize } from './model.ts';
import type { ProvisionParams, ProvisionSummary } from './types.ts';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

function summaries(params: ProvisionParams, seeds: number): ProvisionSummary[] {
  return Array.from({ length: seeds }, (_, i) => summarize(runToEnd(model, params, i + 1)));
}

export interface ProvisionSweepRow {
  fleet: number;
  /** Fleet size x slip rate. */
  expectedMissed: number;
  meanMissed: number;
  /** Share of seeds with no server missed. */
  noneMissedShare: number;
  handMinutes: number;
}

/** Servers missed by hand against fleet size, averaged over seeds 1..`seeds`, beside fleet size x slip rate. */
export function sweep(params: ProvisionParams, fleets: readonly number[] = [5, 10, 20, 50, 100, 200, 300, 500], seeds = 200): ProvisionSweepRow[] {
  return fleets.map((fleet) => {
    const runs = summaries({ ...params, fleet, patch: 'hand' }, seeds);
    return {
      fleet,
      expectedMissed: round(fleet * params.slip),
      meanMissed: round(mean(runs.map((s) => s.missed!))),
      noneMissedShare: round(runs.filter((s) => s.missed === 0).length / seeds),
      handMinutes: fleet * params.handMinutes,
    };
  });
}

export interface ProvisionFigures {
  /** Plan steps on the first and second apply of the default definition. */
  firstPlanSteps: number;
  secondPlanSteps: number;
  /** Servers after running the commands twice, where the definition asks for `declaredCount`. */
  scriptedServers: number;
  declaredCount: number;
  handMissedMean: number;
  handMissedExpected: number;
  handNoneMissedShare: number;
  handMinutes: number;
  definitionMinutes: number;
  /** Mean servers exposed to the database port with no safeguard, with review only, and with staging. */
  exposedUnguarded: number;
  exposedWithReview: number;
  exposedWithStaging: number;
  /** Servers missed by hand in the facilitator's opening example: 300 servers. */
  missedOf300: number;
}

/** Headline figures over seeds 1..`seeds` for the facilitator guide. Pass the default params (`provisionParams(defaultValues(provisionFields))`). */
export function expectedNumbers(defaults: ProvisionParams, seeds = 200): ProvisionFigures {
  const byHand = summaries({ ...defaults, patch: 'hand', review: false, staging: false }, seeds);
  const byDefinition = summarize(runToEnd(model, { ...defaults, patch: 'definition' }, 1));
  const reviewed = summaries({ ...defaults, review: true, staging: false }, seeds);
  const staged = summaries({ ...defaults, review: false, staging: true }, seeds);
  const big = summaries({ ...defaults, fleet: 300, patch: 'hand' }, seeds);
  return {
    firstPlanSteps: byHand[0]!.firstPlanSteps!,
    secondPlanSteps: byHand[0]!.lastPlanSteps!,
    scriptedServers: byHand[0]!.scriptedServers,
    declaredCount: byHand[0]!.declaredCount,
    handMissedMean: round(mean(byHand.map((s) => s.missed!))),
    handMissedExpected: round(defaults.fleet * defaults.slip),
    handNoneMissedShare: round(byHand.filter((s) => s.missed === 0).length / seeds),
    handMinutes: byHand[0]!.patchMinutes!,
    definitionMinutes: byDefinition.patchMinutes!,
    exposedUnguarded: round(mean(byHand.map((s) => s.exposed!))),
    exposedWithReview: round(mean(reviewed.map((s) => s.exposed!))),
    exposedWithStaging: round(mean(staged.map((s) => s.exposed!))),
    missedOf300: round(mean(big.map((s) => s.missed!)), 1),
  };
}
