// Turns one step of a parity run into sentences for a live region: failures at a desk, in staging, in production, and the end of the run.
import { isOver, summarize } from './model.ts';
import type { Change, Family, ParityState } from './types.ts';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Words for each family, as a learner would say them. */
export const FAMILY_WORDS: Readonly<Record<Family, string>> = {
  colocation: 'services split across servers',
  security: 'stricter network rules',
  library: 'another library version',
  neighbour: "a neighbour's older version",
  data: 'production-sized data',
};

function byFamily(changes: readonly Change[]): string {
  const counts = new Map<Family, number>();
  for (const c of changes) counts.set(c.family, (counts.get(c.family) ?? 0) + 1);
  return [...counts].map(([f, n]) => `${n} on ${FAMILY_WORDS[f]}`).join(', ');
}

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: ParityState, next: ParityState): string | null {
  const parts: string[] = [];
  const atDesk = next.changes.slice(prev.arrived, next.arrived).filter((c) => c.failedIn === 'development');
  if (atDesk.length) parts.push(`${plural(atDesk.length, 'change')} broke at a developer's desk and ${atDesk.length === 1 ? 'was' : 'were'} fixed in minutes.`);
  for (const d of next.deploys.slice(prev.deploys.length)) {
    const staging = d.stagingIds.map((id) => next.changes[id]!);
    const production = d.productionIds.map((id) => next.changes[id]!);
    let sentence = `Deploy ${d.id + 1} on day ${Math.ceil(d.at)} shipped ${plural(d.changeIds.length, 'change')}; development was ${plural(d.versionGap, 'version')} ahead of production.`;
    if (staging.length) sentence += ` Staging caught ${plural(staging.length, 'failure')} (${byFamily(staging)}).`;
    sentence += production.length
      ? ` ${plural(production.length, 'failure')} reached production, a night-time page each (${byFamily(production)}).`
      : ' Nothing broke in production.';
    parts.push(sentence);
  }
  if (!isOver(prev) && isOver(next)) {
    const s = summarize(next);
    parts.push(
      `The run is over: ${plural(s.failedDevelopment, 'failure')} found at a desk, ${s.failedStaging} in staging, ${s.failedProduction} in production; ${Math.round(s.findHours)} hours spent finding them.`,
    );
  }
  return parts.length ? parts.join(' ') : null;
}
