// The provisioning island's live-region sentence: the model's narrate() for a step, plus the new plan whenever the learner edits the definition.
import { describePlan, isOver, narrate, plan, type ProvisionState } from '../../models/provision/index.ts';

/** A screen reader hears what each step did; an edit to the definition is answered with the plan it now gives. */
export function narrateProvision(prev: ProvisionState, next: ProvisionState): string | null {
  // A new setup or a replay starts another run (its draws are made afresh): nothing has happened in it yet.
  if (prev.slipDraws !== next.slipDraws) return null;
  const said = narrate(prev, next);
  const edited = prev.definition !== next.definition && next.applies.length === prev.applies.length && !isOver(next);
  if (!edited) return said;
  const now = `Plan now: ${describePlan(plan(next.declared, next.definition))}.`;
  return said ? `${said} ${now}` : now;
}
