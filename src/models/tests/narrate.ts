// Turns one step of a test-portfolio run into sentences for the live region: red builds, what people did, escapes, and the end.
import { isOver, levelName, summarize } from './model.ts';
import type { BuildResult, TestsState } from './types.ts';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const list = (words: string[]) => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

function outcomeSentence(b: BuildResult): string | null {
  if (b.red === 'none') return b.defect ? `Build ${b.id + 1} passed, but it carried a ${b.defect} defect that no test could see: it escaped.` : null;
  if (b.red === 'true')
    return b.response === 'investigate'
      ? `Build ${b.id + 1}: the red was real; the ${b.defect} defect was fixed before it shipped.`
      : `Build ${b.id + 1}: the red was ignored, and the ${b.defect} defect it caught shipped anyway.`;
  return b.response === 'investigate'
    ? `Build ${b.id + 1}: the red was a flaky failure; a rerun passed.${b.defect ? ` Its ${b.defect} defect escaped unseen.` : ''}`
    : `Build ${b.id + 1}: the flaky red was ignored.${b.defect ? ` Its ${b.defect} defect escaped unseen.` : ''}`;
}

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: TestsState, next: TestsState): string | null {
  const parts: string[] = [];
  for (const b of next.results.slice(prev.results.length)) {
    const sentence = outcomeSentence(b);
    if (sentence) parts.push(sentence);
  }
  if (next.awaiting && next.awaiting !== prev.awaiting) {
    const b = next.awaiting;
    const failing = [...new Set([...b.caughtAt, ...b.flakyAt])].map(levelName);
    parts.push(`Build ${b.id + 1} is red: ${list(failing)} tests failed. Investigate or ignore it?`);
  }
  if (!isOver(prev) && isOver(next)) {
    const s = summarize(next);
    parts.push(
      `All ${plural(s.builds, 'build')} done: ${plural(s.caught, 'defect')} caught, ${plural(s.escaped, 'defect')} escaped, ${plural(s.flakyFailures, 'flaky failure')}, ${plural(s.ignoredReds, 'red build')} ignored; the suite takes ${s.suiteMinutes} minutes a run.`,
    );
  }
  return parts.length ? parts.join(' ') : null;
}
