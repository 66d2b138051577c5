// The Conway sim's top rung and facilitator figures: incidents and waiting against how teams are shaped and how many pairs talk, over many seeds.
import { defaultValues } from '../../sim-kit/core/fields.ts';
import { overSeeds } from '../../sim-kit/core/model.ts';
import { conwayFields, conwayParams, type ConwayValues } from '../../schemas/conway-scenario.ts';
import { init, isOver, model, step, summarize } from './model.ts';
import { presetOrg, PRESETS, type Org, type OrgPreset } from './org.ts';
import type { ConwaySummary } from './types.ts';

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Mean of each summary figure over `count` seeds from `firstSeed` (null figures are skipped). */
export function meanConwaySummary(values: ConwayValues, org: Org | null = null, count = 200, firstSeed = 1): Record<keyof ConwaySummary, number> {
  const runs = overSeeds(model, conwayParams(values, org), count, summarize, firstSeed);
  const keys = Object.keys(runs[0]!) as Array<keyof ConwaySummary>;
  return Object.fromEntries(keys.map((k) => [k, mean(runs.map((r) => r[k]).filter((x): x is number => x !== null))])) as Record<keyof ConwaySummary, number>;
}

export interface ConwaySweepRow {
  label: string;
  /** Pairs of teams that talk (daily or through tickets). */
  talkingPairs: number;
  teamsPerFeature: number;
  delayDays: number;
  incidents: number;
  devopsIncidents: number;
  silentSeams: number;
}

function row(label: string, org: Org, values: ConwayValues, count: number): ConwaySweepRow {
  const m = meanConwaySummary({ ...values, org: 'custom' }, org, count);
  return {
    label,
    talkingPairs: org.links.length,
    teamsPerFeature: m.teamsPerFeature,
    delayDays: m.delayDays,
    incidents: m.incidents,
    devopsIncidents: m.devopsIncidents,
    silentSeams: m.silentSeams,
  };
}

/** Each preset organisation's means over the same seeds: incidents against teams per feature, one point per organisation. */
export function sweep(values: ConwayValues, count = 200): ConwaySweepRow[] {
  return (Object.keys(PRESETS) as OrgPreset[]).map((p) => row(PRESETS[p].label, presetOrg(p), values, count));
}

/** Keeps an organisation's teams and lets the first `k` pairs of teams (in index order) talk daily, the rest not at all: incidents against talking pairs. */
export function sweepTalk(values: ConwayValues, org: Org, count = 200): ConwaySweepRow[] {
  const pairs = org.teams.flatMap((_, a) => org.teams.map((__, b) => [a, b] as const).filter(([x, y]) => x < y));
  return pairs
    .map((_, k) => k)
    .concat(pairs.length)
    .map((k) => {
      const talking: Org = { teams: org.teams, links: pairs.slice(0, k).map(([a, b]) => ({ a, b, kind: 'daily' as const })) };
      return row(`${k} of ${pairs.length} pairs talk daily`, talking, values, count);
    });
}

/** Share of components in single-area modules, `after` features after a reorganisation from silos to DevOps teams at feature 10, mean over seeds. */
export function verticalAfterReorganising(values: ConwayValues, after: number, count = 200): number {
  const params = conwayParams({ ...values, org: 'silos' });
  const shares: number[] = [];
  for (let seed = 1; seed <= count; seed++) {
    let s = init(params, seed);
    for (let i = 0; i < 10; i++) s = step(s, { type: 'feature' });
    s = step(s, { type: 'reorganise', org: presetOrg('devops-teams') });
    for (let i = 0; i < after && !isOver(s); i++) s = step(s, { type: 'feature' });
    shares.push(summarize(s).verticalShare ?? 0);
  }
  return mean(shares);
}

/** The headline figures the facilitator guide quotes: means over seeds 1 to 200 at the defaults, for each preset organisation. */
export function expectedNumbers(count = 200): Record<string, number> {
  const d = defaultValues(conwayFields);
  const out: Record<string, number> = {};
  for (const p of Object.keys(PRESETS) as OrgPreset[]) {
    const m = meanConwaySummary({ ...d, org: p }, null, count);
    const key = p.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    out[`${key}TeamsPerFeature`] = m.teamsPerFeature;
    out[`${key}DelayDays`] = m.delayDays;
    out[`${key}LeadDays`] = m.leadDays;
    out[`${key}Incidents`] = m.incidents;
    out[`${key}DevopsIncidents`] = m.devopsIncidents;
    out[`${key}VerticalShare`] = m.verticalShare;
  }
  out.reorganisedVerticalAfter1 = verticalAfterReorganising(d, 1, count);
  out.reorganisedVerticalAfter5 = verticalAfterReorganising(d, 5, count);
  out.reorganisedVerticalAfter10 = verticalAfterReorganising(d, 10, count);
  return out;
}
