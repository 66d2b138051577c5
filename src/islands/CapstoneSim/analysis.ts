// Pure helpers behind the capstone island: the fewest levers that reach elite on the learner's dice, and what each answer to an incident would cost.
import { runToEnd } from '../../sim-kit/core/model.ts';
import { allElite } from '../../models/dora/bands.ts';
import { BEST, DEPLOY, FLAGS, IAC, LEVER_NAMES, PARITY, START, TEAM, TESTS, canRespond, model, placement, pulled, step } from '../../models/capstone/index.ts';
import type { CapstoneParams, CapstoneState, LeverName, Response } from '../../models/capstone/types.ts';

/** The lever's name as the page says it. */
export const LEVER_WORDS: Record<LeverName, string> = {
  team: 'team shape',
  parity: 'parity spending',
  tests: 'test portfolio',
  iac: 'infrastructure as code',
  deploy: 'deploy policy',
  flags: 'feature flags',
};

const TABLES = { team: TEAM, parity: PARITY, tests: TESTS, iac: IAC, deploy: DEPLOY, flags: FLAGS } as const;

/** The label of the choice a lever holds ("Once a week"). */
export function choiceLabel(lever: LeverName, value: string): string {
  return (TABLES[lever] as Record<string, { label: string }>)[value]?.label ?? value;
}

/** Every combination of `size` levers, in the course's order. */
export function combinations(size: number, items: readonly LeverName[] = LEVER_NAMES): LeverName[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...combinations(size - 1, rest).map((c) => [first!, ...c]), ...combinations(size, rest)];
}

/**
 * Starting from the company at the start of the course (no managed services, the learner's quarter length and pace), the
 * smallest set of levers pulled to their strongest choice that puts all four keys in the elite band on these dice, with
 * the usual answers to incidents. Null when not even all six do.
 */
export function fewestLevers(params: CapstoneParams, seed: number): { levers: LeverName[]; answer: 'one' | 'some' | 'all' } | null {
  const base: CapstoneParams = { ...params, levers: { ...START }, managed: { parity: false, tests: false, iac: false, deploy: false, flags: false } };
  for (let size = 1; size <= LEVER_NAMES.length; size++) {
    for (const levers of combinations(size)) {
      if (allElite(placement(runToEnd(model, pulled(levers, base), seed)))) {
        return { levers, answer: size === 1 ? 'one' : size === LEVER_NAMES.length ? 'all' : 'some' };
      }
    }
  }
  return null;
}

/** The same quarter with every lever at its strongest, or at the start, keeping the learner's quarter length and pace. */
export function withLevers(params: CapstoneParams, levers: 'best' | 'start'): CapstoneParams {
  return { ...params, levers: { ...(levers === 'best' ? BEST : START) } };
}

export interface ResponseCost {
  how: Response;
  /** Minutes from the incident to service restored, detection included. */
  minutes: number;
  /** Outage minutes weighted by the users who saw it. */
  downtime: number;
  /** Changes this answer takes out of production until the next deploy. */
  out: number;
}

/** What each answer open to the first waiting incident would cost, read from the model by trying it. */
export function responseCosts(run: CapstoneState): ResponseCost[] {
  const id = run.open[0];
  if (id === undefined) return [];
  const live = (s: CapstoneState) => s.changes.filter((c) => c.live).length;
  return (['kill', 'rollback', 'fix-forward', 'restore'] as const)
    .filter((how) => canRespond(run, how))
    .map((how) => {
      const next = step(run, { type: 'respond', how });
      const incident = next.incidents[id]!;
      return { how, minutes: incident.minutes, downtime: incident.downtime, out: live(run) - live(next) };
    });
}
