// Pure wording for the Conway island: an organisation and an architecture in sentences (the pictures' text alternatives), and the answer to the prediction.
import { runToEnd } from '../../sim-kit/core/model.ts';
import { list, plural } from '../../sim-kit/core/words.ts';
import { architecture, DOMAIN_WORDS, DOMAINS, LAYERS, model, person, summarize, teamNames, type ConwayState, type Layer, type Org } from '../../models/conway/index.ts';
import { conwayParams, type ConwayValues } from '../../schemas/conway-scenario.ts';

export const LAYER_WORDS: Readonly<Record<Layer, string>> = { ui: 'Screens', service: 'Service', data: 'Data', run: 'Running it' };
/** A seam between two modules, by how their teams talk. */
export const SEAM_WORDS = {
  daily: 'an interface; the teams talk every day',
  tickets: 'an interface; the teams talk through tickets',
  none: 'no conversation; the teams do not talk',
  orphaned: 'one side is code left by an earlier organisation',
} as const;

/** The people of a team by first name, in roster order. */
export const memberNames = (org: Org, team: number) => org.teams[team]!.members.map((m) => person(m).name);

/** An organisation in words: its teams and members, then who talks to whom, every day, through tickets, or not at all. */
export function describeOrg(org: Org): string {
  const names = teamNames(org);
  const teams = names.map((n, i) => `${n} (${list(memberNames(org, i))})`);
  const pairs: Record<'daily' | 'tickets' | 'none', string[]> = { daily: [], tickets: [], none: [] };
  for (let a = 0; a < org.teams.length; a++)
    for (let b = a + 1; b < org.teams.length; b++) {
      const link = org.links.find((l) => l.a === a && l.b === b);
      pairs[link ? link.kind : 'none'].push(`${names[a]} with ${names[b]}`);
    }
  const parts = [`${plural(org.teams.length, 'team')}: ${list(teams)}.`];
  if (pairs.daily.length) parts.push(`Every day: ${list(pairs.daily)}.`);
  if (pairs.tickets.length) parts.push(`Through tickets: ${list(pairs.tickets)}.`);
  if (pairs.none.length) parts.push(`Not talking: ${list(pairs.none)}.`);
  return parts.join(' ');
}

/** Who owns each part of the system now, by product area and layer (null: not built yet), for the picture and its table. */
export function ownerGrid(state: ConwayState): Array<{ domain: string; cells: Array<{ layer: Layer; module: string | null; name: string | null; legacy: boolean }> }> {
  const { modules } = architecture(state);
  const byComponent = new Map(modules.flatMap((m) => m.components.map((c) => [c, m] as const)));
  return DOMAINS.map((d) => ({
    domain: DOMAIN_WORDS[d],
    cells: LAYERS.map((layer) => {
      const m = byComponent.get(`${d}.${layer}`);
      return { layer, module: m?.id ?? null, name: m ? m.name.replace(' (earlier organisation)', '') : null, legacy: m ? m.team === null : false };
    }),
  }));
}

/** The architecture in a sentence: how many modules, and which serve one product area or one layer. */
export function describeArchitecture(state: ConwayState): string {
  const s = summarize(state);
  if (s.modules === 0) return 'Nothing is built yet: the system takes shape as features are built.';
  const share = (x: number | null) => `${Math.round((x ?? 0) * 100)}%`;
  let text = `The system has ${plural(s.modules, 'module')}, one per team that built it. ${share(s.verticalShare)} of it sits in modules that serve one product area, ${share(s.horizontalShare)} in modules that hold one layer.`;
  if (s.legacyModules) text += ` ${plural(s.legacyModules, 'module')} still ${s.legacyModules === 1 ? 'belongs' : 'belong'} to teams of an earlier organisation.`;
  return text;
}

export const PREDICTIONS = [
  { value: 'devops', label: 'Where developers hand their work to operations' },
  { value: 'product', label: 'Where one product team calls another’s service' },
  { value: 'even', label: 'About evenly in both places' },
] as const;

/** The prediction's answer on the learner's dice: where incidents start with the default organisation (operations apart, through tickets). */
export function predictionCheck(values: ConwayValues, seed: number) {
  const s = summarize(runToEnd(model, conwayParams({ ...values, org: 'dev-and-ops' }), seed));
  const answer = s.devopsIncidents > 2 * s.otherIncidents ? 'devops' : s.otherIncidents > 2 * s.devopsIncidents ? 'product' : 'even';
  return { devops: s.devopsIncidents, other: s.otherIncidents, answer };
}
