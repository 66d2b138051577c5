// The drift island's live-region sentence: the model's narrate() for one step, shortened when many steps land at once.
import { narrate, summarize, formatMinutes, isOver, type DriftState } from '../../models/drift/index.ts';
import { plural } from '../../sim-kit/core/words.ts';

/** A screen reader hears each step's sentence; when a shortcut decides many events at once it hears one summary instead. */
export function narrateDrift(prev: DriftState, next: DriftState): string | null {
  // A new setup or a replay starts another run (its draws are drawn afresh): nothing happened in it yet worth saying.
  if (prev.draws !== next.draws || next.changes.length < prev.changes.length) return null;
  const made = next.changes.length - prev.changes.length;
  if (made <= 3 || next.day - prev.day <= 1) return narrate(prev, next);
  const s = summarize(next);
  const where = isOver(next) ? 'The quarter is over' : `Now on day ${next.day}`;
  return `Decided ${plural(made, 'event')}. ${where}: ${formatMinutes(s.totalMinutes)} of team time, ${plural(s.incidents, 'mismatch incident')}, ${plural(s.configurations, 'configuration')} in the fleet.`;
}
