// Turns one step of a run into a sentence for the live region: deploys, outages, recoveries and the end of the quarter.
import { summarize } from './metrics.ts';
import { isOver } from './model.ts';
import type { BatchState } from './types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function minutes(m: number): string {
  if (m < 60) return plural(Math.round(m), 'minute');
  const h = Math.floor(m / 60);
  const rest = Math.round(m % 60);
  return rest ? `${plural(h, 'hour')} ${plural(rest, 'minute')}` : plural(h, 'hour');
}

export { minutes as formatMinutes };

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: BatchState, next: BatchState): string | null {
  const parts: string[] = [];
  for (const d of next.deploys.slice(prev.deploys.length)) {
    parts.push(
      d.failed
        ? `Outage! Deploy ${d.id + 1} shipped ${plural(d.changeIds.length, 'change')} on day ${Math.ceil(d.at)} and broke production. Choose how to recover.`
        : `Deploy ${d.id + 1} shipped ${plural(d.changeIds.length, 'change')} on day ${Math.ceil(d.at)}. All good.`,
    );
  }
  for (const d of next.deploys.slice(0, prev.deploys.length)) {
    const before = prev.deploys[d.id]!;
    if (before.recovery === null && d.recovery !== null) {
      parts.push(
        d.recovery === 'rollback'
          ? `Rolled back deploy ${d.id + 1}: production restored after ${minutes(d.downtimeMinutes)}; its ${plural(d.changeIds.length, 'change')} wait for the next deploy.`
          : `Fixed forward: the bad change in deploy ${d.id + 1} was found and fixed; production restored after ${minutes(d.downtimeMinutes)}.`,
      );
    }
  }
  if (!isOver(prev) && isOver(next)) {
    const s = summarize(next);
    parts.push(
      `The quarter is over: ${plural(s.deploys, 'deploy')}, ${plural(s.failedDeploys, 'outage')}, ${minutes(s.downtimeMinutes)} of downtime. Your run sits in the ${s.cluster} cluster.`,
    );
  }
  return parts.length ? parts.join(' ') : null;
}
