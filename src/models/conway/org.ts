// The organisation in the Conway sim: twelve people in teams, who talks to whom, a compact text form for URLs, and a validator with specific messages.

export type Skill = 'front' | 'back' | 'data' | 'ops';
export type Domain = 'photos' | 'sharing' | 'accounts';
/** How two teams talk: every day, through tickets, or (absent from the links) not at all. */
export type LinkKind = 'daily' | 'tickets';
/** How the people on two sides of a seam talk: inside one team, daily, through tickets, or not at all. */
export type Talk = 'same' | 'daily' | 'tickets' | 'none';

/** A person's letter on the roster, A to L. */
export type PersonId = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L';

export interface Person {
  id: PersonId;
  name: string;
  skill: Skill;
}

/** The fixed roster: three front-end developers, three back-end developers, three data engineers and three operations engineers. */
export const ROSTER: readonly Person[] = [
  { id: 'A', name: 'Ada', skill: 'front' },
  { id: 'B', name: 'Ben', skill: 'front' },
  { id: 'C', name: 'Chen', skill: 'front' },
  { id: 'D', name: 'Dara', skill: 'back' },
  { id: 'E', name: 'Eli', skill: 'back' },
  { id: 'F', name: 'Femi', skill: 'back' },
  { id: 'G', name: 'Gus', skill: 'data' },
  { id: 'H', name: 'Hana', skill: 'data' },
  { id: 'I', name: 'Ivo', skill: 'data' },
  { id: 'J', name: 'Jo', skill: 'ops' },
  { id: 'K', name: 'Kai', skill: 'ops' },
  { id: 'L', name: 'Lena', skill: 'ops' },
];

export const DOMAINS: readonly Domain[] = ['photos', 'sharing', 'accounts'];
export const SKILLS: readonly Skill[] = ['front', 'back', 'data', 'ops'];
export const SKILL_WORDS: Readonly<Record<Skill, string>> = { front: 'Front end', back: 'Back end', data: 'Data', ops: 'Operations' };
export const DOMAIN_WORDS: Readonly<Record<Domain, string>> = { photos: 'Photos', sharing: 'Sharing', accounts: 'Accounts' };
export const MAX_TEAMS = 6;
/** The longest organisation text accepted. */
export const MAX_ORG_TEXT = 120;

export interface Team {
  /** The product area the team is organised around, or null for a team organised by skill. */
  focus: Domain | null;
  members: PersonId[];
}

/** A conversation between two teams (indices into `teams`, a < b). */
export interface Link {
  a: number;
  b: number;
  kind: LinkKind;
}

/** An organisation. Treat it as immutable: the editing helpers below return new ones (the model caches waiting times per object). */
export interface Org {
  teams: Team[];
  links: Link[];
}

const PERSON = new Map(ROSTER.map((p) => [p.id, p]));
const FOCUS_LETTER: Readonly<Record<string, Domain | null>> = { p: 'photos', s: 'sharing', a: 'accounts', x: null };
const LETTER_OF_FOCUS = (focus: Domain | null) => (focus === null ? 'x' : focus[0]!);

export function person(id: PersonId): Person {
  return PERSON.get(id)!;
}

/** How two teams talk (by index): the same team, a daily conversation, tickets, or nothing. */
export function talkBetween(org: Org, a: number, b: number): Talk {
  if (a === b) return 'same';
  const link = org.links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
  return link ? link.kind : 'none';
}

/** A team's name for the page: its product area, else its one skill, else its number; repeated names get the team's number. */
export function teamNames(org: Org): string[] {
  const raw = org.teams.map((t, i) => {
    if (t.focus) return DOMAIN_WORDS[t.focus];
    const skills = new Set(t.members.map((m) => person(m).skill));
    return skills.size === 1 ? SKILL_WORDS[[...skills][0]!] : `Team ${i + 1}`;
  });
  return raw.map((name, i) => (raw.indexOf(name) === i && raw.lastIndexOf(name) === i ? name : `${name} ${i + 1}`));
}

/** Everything wrong with an organisation, each as a sentence; empty when it is valid. */
export function orgProblems(org: Org): string[] {
  const problems: string[] = [];
  if (org.teams.length === 0) return ['There are no teams: put the twelve people into at least one team.'];
  if (org.teams.length > MAX_TEAMS) problems.push(`There are ${org.teams.length} teams; at most ${MAX_TEAMS} are allowed.`);
  const seen = new Map<PersonId, number>();
  org.teams.forEach((t, i) => {
    if (t.members.length === 0) problems.push(`Team ${i + 1} has nobody in it.`);
    for (const m of t.members) {
      if (!PERSON.has(m)) {
        problems.push(`Team ${i + 1} names “${String(m).slice(0, 3)}”, who is not on the roster (people are A to L).`);
        continue;
      }
      const before = seen.get(m);
      if (before !== undefined) problems.push(`${person(m).name} (${m}) is in team ${before + 1} and team ${i + 1}; each person is in one team.`);
      else seen.set(m, i);
    }
  });
  const missing = ROSTER.filter((p) => !seen.has(p.id)).map((p) => `${p.name} (${p.id})`);
  if (missing.length === 1) problems.push(`${missing[0]} is in no team; every person needs a team.`);
  else if (missing.length > 1) problems.push(`${missing.slice(0, -1).join(', ')} and ${missing.at(-1)} are in no team; every person needs a team.`);
  const pairs = new Map<string, number>();
  org.links.forEach((l, i) => {
    const name = `link ${l.a + 1}${l.kind[0]}${l.b + 1}`;
    if (!Number.isInteger(l.a) || !Number.isInteger(l.b) || l.a < 0 || l.b < 0 || l.a >= org.teams.length || l.b >= org.teams.length) {
      problems.push(`The ${name} names a team that does not exist (there ${org.teams.length === 1 ? 'is 1 team' : `are ${org.teams.length} teams`}).`);
    } else if (l.a === l.b) problems.push(`The ${name} joins team ${l.a + 1} to itself.`);
    else {
      const key = `${Math.min(l.a, l.b)}-${Math.max(l.a, l.b)}`;
      if (pairs.has(key)) problems.push(`Teams ${Math.min(l.a, l.b) + 1} and ${Math.max(l.a, l.b) + 1} are linked more than once.`);
      pairs.set(key, i);
    }
  });
  return problems;
}

/**
 * Reads the compact form: teams separated by dots, each a focus letter (p photos, s sharing, a accounts, x none) followed by
 * its people's letters; then an underscore and links separated by dots, each `1d2` (teams 1 and 2 talk daily) or `1t2`
 * (through tickets). Example: `pADG.sBEH.aCFI.xJKL_1d2.2d3.1t4.2t4.3t4`.
 */
export function parseOrg(text: string): { ok: true; org: Org } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  const source = text.trim();
  if (source === '') return fail('The organisation is empty: write teams such as pADG.sBEH, then an underscore and links such as 1d2.');
  if (source.length > MAX_ORG_TEXT) return fail(`The organisation is ${source.length} characters long; at most ${MAX_ORG_TEXT} are allowed.`);
  const parts = source.split('_');
  if (parts.length > 2) return fail('The organisation has more than one underscore; write the teams, one underscore, then the links.');
  const [teamText, linkText = ''] = parts as [string, string?];
  const teams: Team[] = [];
  for (const [i, spec] of teamText.split('.').entries()) {
    if (!/^[psax][A-Z]*$/.test(spec)) {
      return fail(
        `Team ${i + 1} (${JSON.stringify(spec.slice(0, 12))}) must start with its focus, p (photos), s (sharing), a (accounts) or x (none), followed by its people’s letters A to L.`,
      );
    }
    teams.push({ focus: FOCUS_LETTER[spec[0]!]!, members: [...spec.slice(1)] as PersonId[] });
  }
  const links: Link[] = [];
  if (linkText !== '') {
    for (const spec of linkText.split('.')) {
      const m = /^(\d)([dt])(\d)$/.exec(spec);
      if (!m) return fail(`The link ${JSON.stringify(spec.slice(0, 12))} must look like 1d2 (teams 1 and 2 talk daily) or 1t2 (through tickets).`);
      const a = Number(m[1]) - 1;
      const b = Number(m[3]) - 1;
      links.push({ a: Math.min(a, b), b: Math.max(a, b), kind: m[2] === 'd' ? 'daily' : 'tickets' });
    }
  }
  const org = { teams, links };
  const problems = orgProblems(org);
  return problems.length ? fail(problems[0]!) : { ok: true, org };
}

/** The compact form of an organisation (people in roster order, links sorted); `parseOrg` reads it back. */
export function orgToText(org: Org): string {
  const order = (m: PersonId) => ROSTER.findIndex((p) => p.id === m);
  const teams = org.teams.map((t) => LETTER_OF_FOCUS(t.focus) + [...t.members].sort((x, y) => order(x) - order(y)).join(''));
  const links = org.links
    .map((l) => ({ a: Math.min(l.a, l.b), b: Math.max(l.a, l.b), kind: l.kind }))
    .sort((x, y) => x.a - y.a || x.b - y.b)
    .map((l) => `${l.a + 1}${l.kind[0]}${l.b + 1}`);
  return links.length ? `${teams.join('.')}_${links.join('.')}` : teams.join('.');
}

export type OrgPreset = 'silos' | 'dev-and-ops' | 'stream-aligned' | 'devops-teams';

/** The named organisations, as compact text. */
export const PRESETS: Readonly<Record<OrgPreset, { text: string; label: string; description: string }>> = {
  silos: {
    text: 'xABC.xDEF.xGHI.xJKL_1t2.2t3.2t4.3t4',
    label: 'Silos by skill',
    description: 'Front end, back end, data and operations are four teams that pass work to each other through tickets.',
  },
  'dev-and-ops': {
    text: 'pADG.sBEH.aCFI.xJKL_1d2.1t4.2d3.2t4.3t4',
    label: 'Product teams, operations apart',
    description: 'Three product teams of developers, and an operations team they reach through tickets.',
  },
  'stream-aligned': {
    text: 'pADG.sBEH.aCFI.xJKL_1d2.1d4.2d3.2d4.3d4',
    label: 'Product teams with a platform team',
    description: 'Three product teams, and an operations team that talks with each of them every day.',
  },
  'devops-teams': {
    text: 'pADGJ.sBEHK.aCFIL_1d2.2d3',
    label: 'DevOps product teams',
    description: 'Three product teams, each with an operations engineer inside it.',
  },
};

export function presetOrg(preset: OrgPreset): Org {
  const parsed = parseOrg(PRESETS[preset].text);
  if (!parsed.ok) throw new Error(`preset ${preset}: ${parsed.error}`);
  return parsed.org;
}

/** Moves a person into team `to` (an index; `teams.length` starts a new team), dropping any team left empty and renumbering links. */
export function movePerson(org: Org, id: PersonId, to: number, focus: Domain | null = null): Org {
  const teams = org.teams.map((t) => ({ ...t, members: t.members.filter((m) => m !== id) }));
  if (to >= teams.length) teams.push({ focus, members: [id] });
  else teams[to] = { ...teams[to]!, members: [...teams[to]!.members, id] };
  return dropEmptyTeams({ teams, links: org.links });
}

/** Removes teams with nobody in them and the links that touched them, renumbering the rest. */
export function dropEmptyTeams(org: Org): Org {
  const keep = org.teams.map((t, i) => (t.members.length ? i : -1)).filter((i) => i >= 0);
  const index = new Map(keep.map((old, i) => [old, i]));
  return {
    teams: keep.map((i) => org.teams[i]!),
    links: org.links.filter((l) => index.has(l.a) && index.has(l.b)).map((l) => ({ ...l, a: index.get(l.a)!, b: index.get(l.b)! })),
  };
}

/** Sets how teams `a` and `b` talk; 'none' removes their link. */
export function setLink(org: Org, a: number, b: number, kind: LinkKind | 'none'): Org {
  const links = org.links.filter((l) => !((l.a === a && l.b === b) || (l.a === b && l.b === a)));
  return { teams: org.teams, links: kind === 'none' || a === b ? links : [...links, { a: Math.min(a, b), b: Math.max(a, b), kind }] };
}

/** Sets the product area a team is organised around (null: by skill). */
export function setFocus(org: Org, team: number, focus: Domain | null): Org {
  return { teams: org.teams.map((t, i) => (i === team ? { ...t, focus } : t)), links: org.links };
}
