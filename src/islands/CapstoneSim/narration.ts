// The capstone island's live-region sentence: the model's narrate() for one step, one summary when a shortcut answers many incidents at once.
import { isOver, narrate, summarize, type CapstoneState } from '../../models/capstone/index.ts';
import { plural } from '../../sim-kit/core/words.ts';

const answered = (s: CapstoneState) => s.incidents.filter((i) => i.response !== null).length;

/** A screen reader hears each step's sentences; when many incidents land or are answered at once it hears one summary instead. */
export function narrateCapstone(prev: CapstoneState, next: CapstoneState): string | null {
  // A new setup or a replay starts another quarter: nothing in it yet worth saying.
  if (next.params !== prev.params || next.seed !== prev.seed || next.day < prev.day || next.incidents.length < prev.incidents.length) return null;
  const fresh = next.incidents.length - prev.incidents.length;
  const done = answered(next) - answered(prev);
  if (fresh <= 2 && done <= 1) return narrate(prev, next);
  const s = summarize(next);
  const head = `${plural(done, 'incident')} answered the usual way.`;
  // The model's own closing sentence: the same quarter one day earlier, with nothing new in between, narrates only the end.
  if (isOver(next)) return `${head} ${narrate({ ...next, day: next.day - 1 }, next) ?? ''}`.trim();
  return `${head} Now on day ${next.day}: ${plural(s.featuresLive ?? 0, 'feature')} live, ${plural(s.outages ?? 0, 'incident')} so far.`;
}
