// The capstone's choices as a short code for the class leaderboard's result code, and back.
import { DEPLOY, FLAGS, IAC, LEVER_NAMES, PARITY, SERVICES, TEAM, TESTS } from './levers.ts';
import type { CapstoneParams, Levers, ManagedLever } from './types.ts';

const OPTIONS: { [K in keyof Levers]: readonly Levers[K][] } = {
  team: Object.keys(TEAM) as Levers['team'][],
  parity: Object.keys(PARITY) as Levers['parity'][],
  tests: Object.keys(TESTS) as Levers['tests'][],
  iac: Object.keys(IAC) as Levers['iac'][],
  deploy: Object.keys(DEPLOY) as Levers['deploy'][],
  flags: Object.keys(FLAGS) as Levers['flags'][],
};
const MANAGED = Object.keys(SERVICES) as ManagedLever[];

/** Six digits for the levers (the option's index) and five for the managed services: `210130-10101`. */
export function leverCode(params: Pick<CapstoneParams, 'levers' | 'managed'>): string {
  const levers = LEVER_NAMES.map((n) => (OPTIONS[n] as readonly string[]).indexOf(params.levers[n])).join('');
  return `${levers}-${MANAGED.map((m) => (params.managed[m] ? 1 : 0)).join('')}`;
}

/** Reads a lever code back, or says what is wrong with it. */
export function parseLeverCode(code: string): { ok: true; levers: Levers; managed: Record<ManagedLever, boolean> } | { ok: false; reason: string } {
  const match = /^(\d{6})-([01]{5})$/.exec(code);
  if (!match) return { ok: false, reason: 'a lever code is six digits, a hyphen and five 0s or 1s' };
  const levers = {} as Record<string, string>;
  for (const [i, n] of LEVER_NAMES.entries()) {
    const option = (OPTIONS[n] as readonly string[])[Number(match[1]![i])];
    if (option === undefined) return { ok: false, reason: `digit ${i + 1} is not a choice for ${n}` };
    levers[n] = option;
  }
  const managed = Object.fromEntries(MANAGED.map((m, i) => [m, match[2]![i] === '1'])) as Record<ManagedLever, boolean>;
  return { ok: true, levers: levers as unknown as Levers, managed };
}
