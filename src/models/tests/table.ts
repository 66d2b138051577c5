// The test-portfolio run's main record, one row per build, for CSV export and a chart's text alternative.
import type { TestsState } from './types.ts';

export function table(state: TestsState): { columns: string[]; rows: Array<Array<string | number>> } {
  return {
    columns: ['build', 'defect', 'caught by', 'flaky at', 'red', 'response', 'outcome', 'minutes'],
    rows: state.results.map((b) => [
      b.id + 1,
      b.defect ?? 'none',
      b.caughtAt.join(' ') || 'none',
      b.flakyAt.join(' ') || 'none',
      b.red,
      b.response ?? 'none',
      b.outcome,
      Math.round(b.minutes * 100) / 100,
    ]),
  };
}
