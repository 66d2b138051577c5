// The Conway sim's definition: its fields and the drawn organisation in the link, run controls (no decision: the learner reorganises when they choose), result code, saved summary and quiet narration.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import type { ScenarioExtra } from '../sim-kit/react/use-scenario.ts';
import { plural } from '../sim-kit/core/words.ts';
import { isOver, model as conwayModel, narrate, summarize, type ConwayAction, type ConwayState, type ConwaySummary, type Org } from '../models/conway/index.ts';
import { orgToText, PRESETS } from '../models/conway/org.ts';
import { CUSTOM_PARAM, conwayFields, parseConwayScenario, type ConwayValues } from '../schemas/conway-scenario.ts';

export { conwayFields, conwayModel };

/** One clock step builds the next feature; the run never stops for a decision (a reorganisation is the learner's to make at any time). */
export const conwayRun: RunMachineOptions<ConwayState, ConwayAction> = {
  id: 'conway',
  tick: { type: 'feature' },
  needsDecision: () => false,
};

/** The organisation the learner drew, carried in the link's `custom` parameter when `org` is custom. */
export const conwayExtra: ScenarioExtra<typeof conwayFields, Org | null> = {
  params: [CUSTOM_PARAM],
  initial: null,
  read: (query) => {
    const { custom, problems } = parseConwayScenario(query);
    return { value: custom, problems: problems.filter((p) => p.param === CUSTOM_PARAM) };
  },
  write: (org, scenario): Record<string, string> => (scenario.values.org === 'custom' && org ? { [CUSTOM_PARAM]: orgToText(org) } : {}),
  docs: [
    {
      param: CUSTOM_PARAM,
      description:
        'Your own teams, when org is custom: teams separated by dots, each a focus letter (p photos, s sharing, a accounts, x none) and its people A to L; then an underscore and the conversations, such as 1d2 (daily) or 1t4 (tickets).',
      allowed: 'at most 120 characters, every person in exactly one team, at most 6 teams',
      fallback: PRESETS['dev-and-ops'].text,
    },
  ],
};

export const ORG_CHOICES = conwayFields.org.options.map((o) => o.value);
const hundredths = (n: number | null) => (n === null ? 0 : 1 + n * 100);

/** What a Conway result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const conwayCode: CodeSpec<ConwayValues, ConwaySummary> = {
  sim: 'c',
  version: 1,
  world: ['features', 'ui', 'data', 'cross', 'rdaily', 'rtickets', 'rnone', 'settle'],
  parts: [
    { key: 'org', label: 'Organisation at the start (0 product teams with operations apart, 1 silos, 2 platform team, 3 DevOps teams, 4 your own)', read: (v) => ORG_CHOICES.indexOf(v.org) },
    { key: 'reorgs', label: 'Reorganisations', read: (_, s) => s.reorganisations },
    { key: 'teams', label: 'Teams per feature (hundredths, plus 1; 0 if nothing was built)', read: (_, s) => hundredths(s.teamsPerFeature) },
    { key: 'wait', label: 'Days waiting per feature (hundredths, plus 1)', read: (_, s) => hundredths(s.delayDays) },
    { key: 'lead', label: 'Days per feature (hundredths, plus 1)', read: (_, s) => hundredths(s.leadDays) },
    { key: 'incidents', label: 'Incidents', read: (_, s) => s.incidents },
    { key: 'devops', label: 'Incidents at the dev-ops seam', read: (_, s) => s.devopsIncidents },
    { key: 'vertical', label: 'Share of the system in one-area modules (percent, plus 1)', read: (_, s) => hundredths(s.verticalShare) },
  ],
};

const r2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** The flat summary kept in saved progress. */
export function savedSummary(values: ConwayValues, run: ConwayState) {
  const s = summarize(run);
  return {
    org: values.org,
    features: s.features,
    teamsPerFeature: r2(s.teamsPerFeature),
    delayDays: r2(s.delayDays),
    leadDays: r2(s.leadDays),
    incidents: s.incidents,
    devopsIncidents: s.devopsIncidents,
    modules: s.modules,
    verticalShare: r2(s.verticalShare),
    reorganisations: s.reorganisations,
  };
}

/** The model's sentence for one feature or a reorganisation; a jump over many features is told in one short sentence, not feature by feature. */
export function narrateConway(prev: ConwayState, next: ConwayState): string | null {
  if (next.built < prev.built || next.features.length !== prev.features.length) return null;
  if (next.built - prev.built <= 1) return narrate(prev, next);
  const built = next.features.slice(prev.built, next.built).map((f) => f.built!);
  const incidents = built.flatMap((b) => b.seams).filter((s) => s.incident);
  const devops = incidents.filter((s) => s.devops).length;
  let text = `Built features ${prev.built + 1} to ${next.built}: ${plural(incidents.length, 'incident')}, ${devops} at the dev-ops seam.`;
  if (isOver(next)) {
    const s = summarize(next);
    text += ` All ${plural(s.features, 'feature')} built: ${Math.round((s.teamsPerFeature ?? 0) * 10) / 10} teams per feature on average, ${plural(s.incidents, 'incident')}, ${s.devopsIncidents} at the dev-ops seam.`;
  }
  return text;
}
