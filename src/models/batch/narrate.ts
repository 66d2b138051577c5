// Turns one step of a run into a sentence for the live region: deploys, outages, recoveries and the end of the quarter.
import { duration, plural } from '../../sim-kit/core/words.ts';
import { BAND_WORDS, KEY_INFO } from '../dora/bands.ts';
import { summarize } from './metrics.ts';
import { isOver } from './model.ts';
import type { BatchState } from './types.ts';

const day = (at: number) => `day ${Math.floor(at) + 1}`;

/** What happened between two states, in words, or null when nothing worth announcing did. Quiet deploys are counted, not listed. */
export function narrate(prev: BatchState, next: BatchState): string | null {
  const parts: string[] = [];
  const fresh = next.deploys.slice(prev.deploys.length);
  const good = fresh.filter((d) => !d.failed);
  if (good.length === 1) parts.push(`Deploy ${good[0]!.id + 1} shipped ${plural(good[0]!.changeIds.length, 'change')} on ${day(good[0]!.at)}. All good.`);
  else if (good.length > 1)
    parts.push(
      `${plural(good.length, 'deploy')} shipped ${plural(
        good.reduce((n, d) => n + d.changeIds.length, 0),
        'change',
      )}. All good.`,
    );
  for (const d of fresh.filter((f) => f.failed)) {
    parts.push(
      `Outage! Deploy ${d.id + 1} shipped ${plural(d.changeIds.length, 'change')} on ${day(d.at)} and broke production.${d.irreversible ? ' It holds a migration, so it cannot be rolled back.' : ''} Choose how to recover.`,
    );
  }
  for (const d of next.deploys.slice(0, prev.deploys.length)) {
    if (prev.deploys[d.id]!.recovery !== null || d.recovery === null) continue;
    parts.push(
      d.recovery === 'rollback'
        ? `Rolled back deploy ${d.id + 1}: production restored after ${duration(d.downtimeMinutes)}. Its ${plural(d.changeIds.length, 'change')} ship again once the bad one is found and fixed.`
        : `Fixed forward: the bad ${d.defectIds.length === 1 ? 'change' : 'changes'} in deploy ${d.id + 1} found and fixed; production restored after ${duration(d.downtimeMinutes)}.`,
    );
  }
  if (!isOver(prev) && isOver(next)) {
    const s = summarize(next);
    const weakest = s.placement.weakest;
    parts.push(
      `The quarter is over: ${plural(s.changesDeployed, 'change')} of ${s.changesReady} in production, ${plural(s.failedDeploys, 'outage')}, ${duration(s.downtimeMinutes)} of downtime.` +
        (weakest
          ? ` Your weakest key is ${KEY_INFO[weakest].label.toLowerCase()}, in the ${s.placement.band} band (${BAND_WORDS[weakest][s.placement.band!]}).`
          : ''),
    );
  }
  return parts.length ? parts.join(' ') : null;
}
