// Turns one step of the capstone into sentences for the live region: deploys, incidents, answers and the end of the quarter.
import { KEY_INFO } from '../dora/bands.ts';
import { isOver, placement, summarize } from './model.ts';
import type { CapstoneState } from './types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clock = (hour: number) => `${String(Math.floor(hour) % 24).padStart(2, '0')}:${String(Math.floor((hour % 1) * 60)).padStart(2, '0')}`;

const RESPONSES = {
  rollback: 'rolled back',
  'fix-forward': 'fixed forward',
  kill: 'switched off with the kill switch',
  restore: 'rebuilt',
} as const;

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: CapstoneState, next: CapstoneState): string | null {
  const parts: string[] = [];
  const fresh = next.deploys.slice(prev.deploys.length);
  if (fresh.length) {
    const failed = fresh.filter((d) => d.failed).length;
    const changes = fresh.reduce((s, d) => s + d.changeIds.length, 0);
    parts.push(
      `Day ${next.day}: ${plural(fresh.length, 'deploy')} shipped ${plural(changes, 'change')}${failed ? `; ${plural(failed, 'deploy')} failed` : ''}.`,
    );
  }
  for (const i of next.incidents.slice(prev.incidents.length)) {
    parts.push(
      i.kind === 'deploy'
        ? `Incident at ${clock(i.hour)}${i.night ? ', at night' : ''}: deploy ${i.deployId! + 1} broke production. Choose how to answer.`
        : `Incident at ${clock(i.hour)}${i.night ? ', at night' : ''}: a server failed. Rebuild it.`,
    );
  }
  for (const i of next.incidents.slice(0, prev.incidents.length)) {
    if (prev.incidents[i.id]!.response === null && i.response !== null)
      parts.push(`Incident ${i.id + 1} ${RESPONSES[i.response]}: service back after ${plural(Math.round(i.minutes), 'minute')}.`);
  }
  if (!isOver(prev) && isOver(next)) {
    const s = summarize(next);
    const p = placement(next);
    parts.push(
      `The quarter is over: ${plural(s.featuresLive!, 'feature')} live, ${plural(Math.round(s.downtimeMinutes!), 'minute')} of downtime, ${plural(s.nightPages!, 'night-time page')}. ` +
        `${s.eliteKeys} of 4 keys elite${p.weakest && p.band !== 'elite' ? `; weakest: ${KEY_INFO[p.weakest].label.toLowerCase()} (${p.band}, ${p.year} bands)` : ''}.`,
    );
  }
  return parts.length ? parts.join(' ') : null;
}
