// Turns one step of a handoff run into sentences for a screen reader's live region: batches, rework, the door, releases, feedback, the end.
import { firstFeedbackDay, summarize } from './metrics.ts';
import { isOver } from './model.ts';
import type { HandoffState } from './types.ts';

/** "1 item", "2 items". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The working day an instant falls in: day 1 runs from time 0 to 1. */
export function dayOf(time: number): number {
  return Math.max(1, Math.ceil(time - 1e-9));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: HandoffState, next: HandoffState): string | null {
  const parts: string[] = [];
  for (const batch of next.batches.slice(prev.batches.length)) {
    if (batch.items.length > 1) parts.push(`Product handed a batch of ${batch.items.length} items to Design.`);
  }
  const laps = sum(next.items.map((i) => i.laps)) - sum(prev.items.map((i) => i.laps));
  if (laps > 0) parts.push(`QA sent ${plural(laps, 'item')} back to Engineering to fix.`);
  const reached = next.items.filter((i) => i.doorAt !== null && prev.items[i.id]!.doorAt === null).length;
  // When the work moved straight on into a release, the release sentence says it.
  if (reached > 0 && next.door.length > 0) {
    parts.push(
      `${plural(reached, 'finished item')} reached the door to Release; ${plural(next.door.length, 'item')} ${next.door.length === 1 ? 'waits' : 'wait'} there now.`,
    );
  }
  for (const release of next.releases.slice(prev.releases.length)) {
    parts.push(`Release started packaging ${plural(release.items.length, 'item')}${release.pushed ? ', as you asked' : ''}.`);
  }
  const wentLive = next.liveCount - prev.liveCount;
  if (wentLive > 0) parts.push(`${plural(wentLive, 'item')} went live on day ${dayOf(next.now)}; ${next.liveCount} of ${next.items.length} are live.`);
  const feedback = firstFeedbackDay(next);
  if (feedback !== null && feedback > prev.now && feedback <= next.now)
    parts.push(`The first feedback from production reached the team on day ${dayOf(feedback)}.`);
  if (!isOver(prev) && isOver(next)) {
    const s = summarize(next);
    if (next.capped) parts.push(`The run stopped at day ${next.now} with ${plural(s.items - s.live, 'item')} still not live.`);
    else
      parts.push(
        `All ${plural(s.items, 'item')} are live by day ${dayOf(next.now)}. Median lead time ${Math.round(s.leadMedian ?? 0)} working days; flow efficiency ${Math.round(100 * (s.flowEfficiency ?? 0))}%; ${plural(s.reworkLaps, 'rework lap')}.`,
      );
  }
  return parts.length ? parts.join(' ') : null;
}
