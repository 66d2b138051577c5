// The Conway sim's definition: its fields and the drawn organisation in the link, run controls (no decision: the learner reorganises when they choose) and result code; light, as the debrief page reads it.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import type { ScenarioExtra } from '../sim-kit/react/use-scenario-extra.ts';
import type { ConwayAction, ConwayState, ConwaySummary } from '../models/conway/types.ts';
import { orgToText, PRESETS, type Org } from '../models/conway/org.ts';
import { CUSTOM_PARAM, conwayFields, parseConwayScenario, type ConwayValues } from '../schemas/conway-scenario.ts';

export { conwayFields };

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
    {
      key: 'org',
      label: 'Organisation at the start (0 product teams with operations apart, 1 silos, 2 platform team, 3 DevOps teams, 4 your own)',
      read: (v) => ORG_CHOICES.indexOf(v.org),
    },
    { key: 'reorgs', label: 'Reorganisations', read: (_, s) => s.reorganisations },
    { key: 'teams', label: 'Teams per feature (hundredths, plus 1; 0 if nothing was built)', read: (_, s) => hundredths(s.teamsPerFeature) },
    { key: 'wait', label: 'Days waiting per feature (hundredths, plus 1)', read: (_, s) => hundredths(s.delayDays) },
    { key: 'lead', label: 'Days per feature (hundredths, plus 1)', read: (_, s) => hundredths(s.leadDays) },
    { key: 'incidents', label: 'Incidents', read: (_, s) => s.incidents },
    { key: 'devops', label: 'Incidents at the dev-ops seam', read: (_, s) => s.devopsIncidents },
    { key: 'vertical', label: 'Share of the system in one-area modules (percent, plus 1)', read: (_, s) => hundredths(s.verticalShare) },
  ],
};
