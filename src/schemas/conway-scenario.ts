// The Conway scenario: its fields (organisation preset, features, shares, incident rates), the custom organisation text, and the params they give the model.
import { defineFields, parseScenario, quote, scenarioToQuery, type Problem, type Scenario, type Values } from '../sim-kit/core/fields.ts';
import { MAX_ORG_TEXT, orgToText, parseOrg, presetOrg, PRESETS, type Org, type OrgPreset } from '../models/conway/org.ts';
import type { ConwayParams } from '../models/conway/types.ts';

const pct = (label: string, description: string, value: number, advanced = true) =>
  ({ kind: 'number', min: 0, max: 100, step: 1, default: value, unit: '%', label, description, advanced }) as const;

export const conwayFields = defineFields({
  org: {
    kind: 'choice',
    options: [
      { value: 'dev-and-ops', label: PRESETS['dev-and-ops'].label },
      { value: 'silos', label: PRESETS.silos.label },
      { value: 'stream-aligned', label: PRESETS['stream-aligned'].label },
      { value: 'devops-teams', label: PRESETS['devops-teams'].label },
      { value: 'custom', label: 'Your own teams' },
    ],
    default: 'dev-and-ops',
    label: 'Organisation',
    description: 'How the twelve people are put into teams and who talks to whom; “custom” reads the teams from the custom parameter.',
  },
  features: {
    kind: 'number',
    min: 10,
    max: 120,
    step: 1,
    default: 40,
    unit: 'features',
    label: 'Features',
    description: 'Features built in a run, one after another.',
    advanced: true,
  },
  ui: pct('Features with screen work', 'Percent of features that change their product area’s screens.', 70),
  data: pct('Features with data work', 'Percent of features that change their product area’s data.', 50),
  cross: pct('Features calling another area', 'Percent of features that also need another product area’s service.', 30),
  rdaily: pct('Incidents at a seam, talking daily', 'Percent chance that a seam between people who talk every day (or sit in one team) causes an incident.', 3),
  rtickets: pct('Incidents at a seam, through tickets', 'Percent chance that a seam between teams that talk only through tickets causes an incident.', 12),
  rnone: pct('Incidents at a seam, not talking', 'Percent chance that a seam between teams that never talk causes an incident.', 30),
  settle: {
    kind: 'number',
    min: 1,
    max: 10,
    step: 1,
    default: 3,
    unit: 'features',
    label: 'How settled code is',
    description: 'After a reorganisation, how many features by a new team it takes at most before a component’s code moves to that team.',
    advanced: true,
  },
});

export type ConwayValues = Values<typeof conwayFields>;

/** The URL parameter that holds a custom organisation's compact text. */
export const CUSTOM_PARAM = 'custom';

/** Reads a custom organisation’s compact text (no schema library, so the sim page stays small): the org, or why not, in words. */
export function readCustomOrg(text: string): { ok: true; org: Org } | { ok: false; why: string } {
  if (text.length > MAX_ORG_TEXT) return { ok: false, why: `must be at most ${MAX_ORG_TEXT} characters` };
  const parsed = parseOrg(text);
  return parsed.ok ? parsed : { ok: false, why: parsed.error };
}

/** The organisation a scenario names: a preset, or the custom one (the dev-and-ops preset when custom is chosen without one). */
export function orgOf(values: ConwayValues, custom: Org | null): Org {
  return values.org === 'custom' ? (custom ?? presetOrg('dev-and-ops')) : presetOrg(values.org as OrgPreset);
}

/** The model's params from valid values and the organisation. */
export function conwayParams(values: ConwayValues, custom: Org | null = null): ConwayParams {
  const daily = values.rdaily / 100;
  return {
    org: orgOf(values, custom),
    features: values.features,
    uiShare: values.ui / 100,
    dataShare: values.data / 100,
    crossShare: values.cross / 100,
    incidentRate: { same: daily, daily, tickets: values.rtickets / 100, none: values.rnone / 100 },
    settle: values.settle,
  };
}

/** Reads a whole Conway scenario from a URL query: the kit's fields, then the custom organisation, each problem named with its fallback. */
export function parseConwayScenario(search: string | URLSearchParams): { scenario: Scenario<typeof conwayFields>; custom: Org | null; problems: Problem[] } {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const { scenario, problems } = parseScenario(conwayFields, query);
  const raw = query.get(CUSTOM_PARAM);
  let custom: Org | null = null;
  if (scenario.values.org === 'custom') {
    if (raw === null || raw.trim() === '') {
      problems.push({
        param: CUSTOM_PARAM,
        message: `“org” is custom but “${CUSTOM_PARAM}” gives no teams; using ${PRESETS['dev-and-ops'].label.toLowerCase()} instead.`,
      });
    } else {
      const result = readCustomOrg(raw.trim());
      if (result.ok) custom = result.org;
      else {
        const why = result.why;
        problems.push({
          param: CUSTOM_PARAM,
          message: `“${CUSTOM_PARAM}” ${why.startsWith('must') ? why : `is not a valid organisation: ${why}`} (got ${quote(raw)}); using ${PRESETS['dev-and-ops'].label.toLowerCase()} instead.`,
        });
      }
    }
  }
  return { scenario, custom, problems };
}

/** The canonical query for a scenario, with the custom organisation's text when there is one. */
export function conwayScenarioToQuery(scenario: Scenario<typeof conwayFields>, custom: Org | null): string {
  const query = new URLSearchParams(scenarioToQuery(conwayFields, scenario));
  if (scenario.values.org === 'custom' && custom) query.set(CUSTOM_PARAM, orgToText(custom));
  return query.toString();
}
