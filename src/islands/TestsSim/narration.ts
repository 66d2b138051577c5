// The test-portfolio island's live-region sentence: the model's narrate() for a few builds, one summary when a shortcut runs many at once.
import { isOver, narrate, summarize, type TestsState } from '../../models/tests/index.ts';
import { plural } from '../../sim-kit/core/words.ts';

/** A screen reader hears each build's sentence; when many builds land at once it hears one summary, then the waiting red or the end. */
export function narrateTests(prev: TestsState, next: TestsState): string | null {
  // A new setup or a replay starts another run: nothing happened in it yet worth saying.
  if (prev.draws !== next.draws || next.results.length < prev.results.length) return null;
  const added = next.results.length - prev.results.length;
  if (added <= 3) return narrate(prev, next);
  const s = summarize(next);
  const ran = `Ran ${plural(added, 'build')}: ${plural(s.caught, 'defect')} caught and ${plural(s.escaped, 'defect')} shipped so far, ${plural(s.ignoredReds, 'red build')} ignored.`;
  // The model's own sentence for what comes next: asked against a state that differs only in that part.
  const tail = next.awaiting
    ? narrate({ ...next, awaiting: null }, next)
    : isOver(next) && !isOver(prev)
      ? narrate({ ...next, awaiting: next.results.at(-1)! }, next)
      : null;
  return tail ? `${ran} ${tail}` : ran;
}
