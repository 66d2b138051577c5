// Turns one step of the feature-flag sim into sentences for the live region: pipeline verdicts, flag changes, alerts and the day's end.
import { blastRadius, isOver } from './model.ts';
import type { FlagsState, Stage } from './types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

export const STAGE_NAMES: Record<Stage, string> = {
  build: 'build',
  unit: 'unit tests',
  integration: 'integration tests',
  staging: 'staging',
  preprod: 'pre-production',
  production: 'production',
};

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: FlagsState, next: FlagsState): string | null {
  const parts: string[] = [];
  next.commits.forEach((c, i) => {
    if (!c.done || prev.commits[i]!.done) return;
    parts.push(
      c.stoppedAt === null
        ? `Commit ${c.id + 1} passed every stage and is in production behind the flag.`
        : `Commit ${c.id + 1} stopped at ${STAGE_NAMES[c.stoppedAt]}: ${c.reason}.`,
    );
  });
  if (prev.phase === 'pipeline' && next.phase === 'release') {
    const shipped = next.commits.filter((c) => c.stoppedAt === null).length;
    parts.push(`${plural(shipped, 'commit')} of ${next.commits.length} reached production. The release day begins.`);
  }
  for (const change of next.changes.slice(prev.changes.length)) {
    switch (change.what) {
      case 'dark':
        parts.push(change.share > 0 ? `Dark launch on: ${pct(change.share)} of requests also run through the new code; nobody sees it.` : 'Dark launch off.');
        break;
      case 'rollout':
        parts.push(next.params.release === 'full' ? 'Released to everyone.' : `Rollout set to ${pct(change.share)} of users.`);
        break;
      case 'kill':
        parts.push(`Kill switch pressed at minute ${change.minute}: nobody sees or runs the new code now.`);
        break;
      case 'rollback':
        parts.push(`Rollback started at minute ${change.minute}; it takes ${plural(next.params.rollbackMinutes, 'minute')}.`);
        break;
    }
  }
  for (const alert of next.alerts.slice(prev.alerts.length)) parts.push(`Alert at minute ${alert.minute}: ${alert.message}`);
  if (prev.rollbackDoneAt !== null && prev.rollout > 0 && next.rollout === 0) parts.push('Rollback complete: everyone is on the old version.');
  const spike = next.spike;
  if (prev.minute <= spike.start && next.minute > spike.start) parts.push('Traffic spike: twice the usual users are arriving, in both groups.');
  if (!isOver(prev) && isOver(next)) {
    const hurt = Math.round(blastRadius(next));
    parts.push(`The day is over: ${plural(hurt, 'user')} hurt by the feature, which is now on for ${pct(next.rollout)} of users.`);
  }
  return parts.length ? parts.join(' ') : null;
}
