// Missions for the feature-flag sim: release safely by finding problems in the dark, and reach everyone with a small blast radius.
import type { Mission } from '../../sim-kit/core/missions.ts';
import { blastRadius, records } from './model.ts';
import type { FlagsState, FlagsValues } from './types.ts';

/** Whether every server-side problem (logic, contract, load) that reached production was revealed during the day. */
export function serverProblemsRevealed(end: FlagsState): boolean {
  const escaped = new Set(end.commits.filter((c) => c.stoppedAt === null).map((c) => c.kind));
  return (['logic', 'contract', 'performance'] as const).every((k) => !escaped.has(k) || end.revealed[k] !== null);
}

/** Whether the feature was switched off (kill switch or rollback) after an alert caused by a real problem. */
export function stoppedForRealProblem(end: FlagsState): boolean {
  const stop = end.killedAt ?? end.changes.find((c) => c.what === 'rollback')?.minute ?? null;
  return stop !== null && end.alerts.some((a) => a.real && a.minute <= stop);
}

/** The first minute any user saw the feature, or null if nobody did. */
export function firstLiveMinute(end: FlagsState): number | null {
  return records(end).find((r) => r.newUsers > 0)?.minute ?? null;
}

/** Whether every server-side problem that escaped was revealed before any user saw the feature (a dark launch finds them). */
export function serverProblemsFoundInTheDark(end: FlagsState): boolean {
  const live = firstLiveMinute(end) ?? Infinity;
  const escaped = new Set(end.commits.filter((c) => c.stoppedAt === null).map((c) => c.kind));
  return (['logic', 'contract', 'performance'] as const).every((k) => !escaped.has(k) || (end.revealed[k] !== null && end.revealed[k]! < live));
}

export const flagsMissions: ReadonlyArray<Mission<FlagsValues, FlagsState>> = [
  {
    id: 'find-it-in-the-dark',
    title: 'Find it in the dark',
    goal:
      'End the day with no user hurt by the feature (fewer than 1 expected), every server-side problem that escaped the pipeline found before ' +
      'any user saw the feature, and the feature either live for at least 25% of users or switched off because of a real problem.',
    setup: { release: 'flag' },
    fixed: ['release'],
    won: (end) => blastRadius(end) < 1 && serverProblemsFoundInTheDark(end) && (end.rollout >= 0.25 || stoppedForRealProblem(end)),
  },
  {
    id: 'everyone-safely',
    title: 'Everyone, safely',
    goal: 'End the day with the feature live for 100% of users, or switched off because of a real problem, having hurt fewer than 10 users.',
    setup: { release: 'flag' },
    won: (end) => blastRadius(end) < 10 && (end.rollout === 1 || stoppedForRealProblem(end)),
  },
];
