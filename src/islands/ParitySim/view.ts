// Pure helpers the parity island draws from: the version gap as a step line, where most failures were found, and the live-region sentence.
import { FIXES, FIX_CLOSES, FIX_FOR, narrate, summarize, type Env, type Family, type ParityState, type ParitySummary } from '../../models/parity/index.ts';
import { plural } from '../../sim-kit/core/words.ts';

/** One letter per family for the change tokens (shape and letter, never colour alone), and a short name for tables. */
export const FAMILY_LETTER: Readonly<Record<Family, string>> = { colocation: 'C', security: 'S', library: 'L', neighbour: 'N', data: 'D' };
export const FAMILY_NAME: Readonly<Record<Family, string>> = {
  colocation: 'Services split across servers',
  security: 'Stricter network rules',
  library: 'Another library version',
  neighbour: 'Older neighbouring service',
  data: 'Production-sized data',
};

/** Where a fix catches its family's failures, in words. */
export const CATCHES_IN: Readonly<Record<Env, string>> = {
  development: "at a developer's desk",
  staging: 'in staging',
  production: 'in production',
};

/** The families in the model's order, each with its fix. */
export const FAMILY_ROWS = FIXES.map((fix) => ({ fix, family: FIX_CLOSES[fix].family }));

/**
 * The version gap over the run so far as the corners of a step line: it rises by one at each new version development picks up
 * and drops to zero at each deploy (a version at the very moment of a deploy counts after it, as in the model's versionGapAt).
 */
export function gapSteps(state: ParityState): Array<[number, number]> {
  const end = Math.min(state.day, state.params.days);
  const events: Array<{ at: number; deploy: boolean }> = [
    ...state.deploys.filter((d) => d.at <= end).map((d) => ({ at: d.at, deploy: true })),
    ...state.versionTimes.filter((v) => v < end).map((v) => ({ at: v, deploy: false })),
  ].sort((a, b) => a.at - b.at || Number(b.deploy) - Number(a.deploy));
  const points: Array<[number, number]> = [[0, 0]];
  let gap = 0;
  for (const e of events) {
    points.push([e.at, gap]);
    gap = e.deploy ? 0 : gap + 1;
    points.push([e.at, gap]);
  }
  points.push([end, gap]);
  return points;
}

/** The environments where most of the run's failures were found (more than one on a tie), or none when nothing failed. */
export function whereMost(s: Pick<ParitySummary, 'failedDevelopment' | 'failedStaging' | 'failedProduction'>): Env[] {
  const counts: Array<[Env, number]> = [
    ['development', s.failedDevelopment],
    ['staging', s.failedStaging],
    ['production', s.failedProduction],
  ];
  const top = Math.max(...counts.map(([, n]) => n));
  return top === 0 ? [] : counts.filter(([, n]) => n === top).map(([env]) => env);
}

/** The family a change leans on is closed, and where, given the fixes bought: for the review's family table. */
export function closedWhere(family: Family, fixes: ParityState['params']['fixes']): Env | null {
  return fixes.includes(FIX_FOR[family]) ? FIX_CLOSES[FIX_FOR[family]].from : null;
}

/**
 * The live-region sentence for one move of the run: the model's own words for a day or a deploy, one summary when "Run to the end"
 * covers many days at once, and silence when a new run starts.
 */
export function narrateParity(prev: ParityState, next: ParityState): string | null {
  if (next.day < prev.day || next.params !== prev.params) return null;
  const deploys = next.deploys.length - prev.deploys.length;
  if (next.day - prev.day <= 1 && deploys <= 1) return narrate(prev, next);
  const s = summarize(next);
  const where = next.day >= next.params.days ? 'The run is over' : `Now on day ${next.day}`;
  return `${plural(next.day - prev.day, 'day')} and ${plural(deploys, 'deploy')} played. ${where}: ${plural(s.failedDevelopment, 'failure')} found at a desk, ${s.failedStaging} in staging, ${s.failedProduction} in production; ${Math.round(s.findHours)} hours spent finding them.`;
}
