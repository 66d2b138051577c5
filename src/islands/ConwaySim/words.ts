// Pure wording for the Conway island's setup: an organisation in sentences (the picture's text alternative) and the prediction's choices.
import { plural } from '../../sim-kit/core/words.ts';
import { person, teamNames, type Org } from '../../models/conway/index.ts';

/** "a", "a and b", "a, b and c" (the kit's words.list, kept local so the sim pages' shared chunk keeps its exports). */
export const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

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

export const PREDICTIONS = [
  { value: 'devops', label: 'Where developers hand their work to operations' },
  { value: 'product', label: 'Where one product team calls another’s service' },
  { value: 'even', label: 'About evenly in both places' },
] as const;
