// Turns one step of a Conway run into sentences for a live region: who built a feature, how long it waited, incidents at seams, reorganisations.
import { architecture, isOver, summarize } from './model.ts';
import { teamNames } from './org.ts';
import type { ConwayState } from './types.ts';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const days = (d: number) => {
  const r = Math.round(d * 10) / 10;
  return `${r} ${r === 1 ? 'day' : 'days'}`;
};
const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: ConwayState, next: ConwayState): string | null {
  const parts: string[] = [];
  if (next.reorganisedAt.length > prev.reorganisedAt.length) {
    parts.push(
      `Reorganised into ${plural(next.org.teams.length, 'team')}: ${list(teamNames(next.org))}. The code still sits where the old teams put it; it moves over the next features.`,
    );
  }
  for (const f of next.features.slice(prev.built, next.built)) {
    const b = f.built!;
    const names = teamNames(next.orgs[b.generation]!);
    const teams = [...new Set(Object.values(b.builders))].map((t) => names[t]!);
    let sentence = `Feature ${f.id + 1} (${f.domain}) needed ${plural(b.teams, 'team')} (${list(teams)})`;
    sentence += b.delayDays > 0 ? `, waited ${days(b.delayDays)} on other teams and took ${days(b.leadDays)}.` : ` and took ${days(b.leadDays)}.`;
    const incidents = b.seams.filter((s) => s.incident);
    if (incidents.length) {
      sentence += ` ${plural(incidents.length, 'incident')}: ${list(incidents.map((s) => `${s.incident} (between ${s.a} and ${s.b})`))}.`;
    }
    parts.push(sentence);
  }
  if (prev.built > 0 && next.built > prev.built) {
    const before = architecture(prev).modules.length;
    const after = architecture(next).modules.length;
    if (after !== before) parts.push(`The system now has ${plural(after, 'module')}.`);
  }
  if (!isOver(prev) && isOver(next)) {
    const s = summarize(next);
    parts.push(
      `All ${plural(s.features, 'feature')} built: ${Math.round((s.teamsPerFeature ?? 0) * 10) / 10} teams per feature on average, ${plural(s.incidents, 'incident')}, ${s.devopsIncidents} at the dev-ops seam.`,
    );
  }
  return parts.length ? parts.join(' ') : null;
}
