// Turns one step of a drift run into sentences for the live region: events waiting, fixes, incidents, rebuilds, faults, reverts and the end.
import { configurations, isOver, serverName, summarize } from './model.ts';
import type { DriftEvent, DriftState } from './types.ts';

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Minutes as "45 minutes" or "2 hours 15 minutes". */
export function formatMinutes(m: number): string {
  const whole = Math.round(m);
  if (whole < 60) return plural(whole, 'minute');
  const h = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest ? `${plural(h, 'hour')} ${plural(rest, 'minute')}` : plural(h, 'hour');
}

const WHAT: Record<Exclude<DriftEvent['kind'], 'disk'>, string> = {
  hotfix: 'an incident hotfix',
  patch: 'a security patch',
  debug: 'a debug tool installed in a hurry',
};

function describeEvent(e: DriftEvent): string {
  return e.kind === 'disk' ? `${serverName(e.server)}'s disk died` : `${WHAT[e.kind]} on ${serverName(e.server)}`;
}

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: DriftState, next: DriftState): string | null {
  const parts: string[] = [];
  for (const c of next.changes.slice(prev.changes.length)) {
    const e = next.events[c.event]!;
    parts.push(
      c.how === 'hand'
        ? `Fixed ${serverName(e.server)} by hand in ${formatMinutes(e.minutes)}.`
        : `Changed the configuration, had it reviewed and applied it to all ${plural(c.servers.length, 'server')} in ${formatMinutes(e.minutes)}.`,
    );
  }
  if (next.changes.length > prev.changes.length) parts.push(`${plural(configurations(next.configs), 'configuration')} in the fleet.`);
  for (const c of next.changes) {
    const before = prev.changes[c.id];
    if (!before) continue;
    if (before.foundDay === null && c.foundDay !== null)
      parts.push(
        c.how === 'hand'
          ? `A hand fix on ${serverName(c.servers[0]!)} turned out faulty and was undone by hand.`
          : `A reviewed change turned out faulty on every server: revert it.`,
      );
    else if (before.undoneDay === null && c.undoneDay !== null && c.how === 'code')
      parts.push(`Reverted a reviewed change on ${plural(c.servers.length, 'server')} in one step.`);
  }
  for (const i of next.incidents.slice(prev.incidents.length))
    parts.push(`Works on ${serverName(i.works)}, fails on ${serverName(i.fails)}: ${formatMinutes(i.minutes)} finding the difference.`);
  for (const e of next.events) {
    if (e.kind === 'disk' && prev.events[e.id]!.handled === null && e.handled === 'rebuild')
      parts.push(`${describeEvent(e)}; rebuilt in ${formatMinutes(e.minutes)}.`);
  }
  if (next.waiting.length && next.waiting[0] !== prev.waiting[0]) {
    const e = next.events[next.waiting[0]!]!;
    parts.push(`Day ${e.day + 1}: ${describeEvent(e)}. Fix it by hand or in the configuration.`);
  }
  if (!isOver(prev) && isOver(next)) {
    const s = summarize(next);
    parts.push(
      `The quarter is over: ${formatMinutes(s.totalMinutes)} of team time, ${plural(s.incidents, 'mismatch incident')}, ${plural(s.configurations, 'configuration')} left in the fleet.`,
    );
  }
  return parts.length ? parts.join(' ') : null;
}
