// The capstone's flat summary kept in saved progress: the dashboard's metric keys (deploysPerDay, leadTimeDays, …) and the scorecard.
import { leverCode, placement, summarize, type CapstoneState } from '../../models/capstone/index.ts';
import { capstoneParams, type CapstoneScenarioValues } from '../../schemas/capstone-scenario.ts';
import { leversPulled } from '../../sims/capstone.ts';

export function savedSummary(values: CapstoneScenarioValues, run: CapstoneState) {
  const s = summarize(run);
  const p = placement(run);
  return {
    levers: leverCode(capstoneParams(values)),
    leversPulled: leversPulled(values),
    eliteKeys: s.eliteKeys ?? 0,
    band: p.band,
    weakestKey: p.weakest,
    deploysPerDay: s.deploysPerDay ?? null,
    changesPerDay: s.changesPerDay ?? null,
    leadTimeDays: s.leadTimeDays ?? null,
    changeFailureRate: s.changeFailureRate ?? null,
    recoveryMinutes: s.recoveryMinutes ?? null,
    downtimeMinutes: s.downtimeMinutes ?? null,
    featuresLive: s.featuresLive ?? null,
    pages: s.pages ?? null,
    nightPages: s.nightPages ?? null,
    outages: s.outages ?? null,
    rollbacks: s.rollbacks ?? null,
    spend: s.spend ?? null,
    toilHoursPerWeek: s.toilHoursPerWeek ?? null,
  };
}
