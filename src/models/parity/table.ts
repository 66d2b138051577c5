// The parity run's per-change record, for CSV export and as the text alternative of its chart.
import { changeStatus } from './model.ts';
import type { ParityState } from './types.ts';

/** One row per written change: when, the difference it leans on (if any), where it failed, the find cost, and its deploy. */
export function table(state: ParityState): { columns: string[]; rows: Array<Array<string | number>> } {
  const columns = ['change', 'written (day)', 'leans on', 'failed in', 'find cost (minutes)', 'deploy', 'status'];
  const rows = state.changes
    .slice(0, state.arrived)
    .map((c) => [
      c.id + 1,
      Math.round(c.readyAt * 100) / 100,
      c.depends ? c.family : 'nothing',
      c.failedIn ?? 'nowhere',
      c.findMinutes,
      c.deployId === null ? 'none' : c.deployId + 1,
      changeStatus(state, c),
    ]);
  return { columns, rows };
}

/** One row per deploy: when, its size, what staging caught, what failed in production, and the version gap it closed. */
export function deployTable(state: ParityState): { columns: string[]; rows: Array<Array<string | number>> } {
  return {
    columns: ['deploy', 'day', 'changes', 'caught in staging', 'failed in production', 'versions behind before'],
    rows: state.deploys.map((d) => [d.id + 1, Math.ceil(d.at), d.changeIds.length, d.stagingIds.length, d.productionIds.length, d.versionGap]),
  };
}
