// The capstone's records as tables: one row per incident (the quarter's story) and one per deploy, for CSV and charts' text.
import type { CapstoneState } from './types.ts';

/** One row per incident: when, whether at night, what broke, how it was answered and what it cost. */
export function table(state: CapstoneState): { columns: string[]; rows: Array<Array<string | number>> } {
  return {
    columns: ['incident', 'day', 'hour', 'at night', 'kind', 'answer', 'minutes to restore', 'downtime minutes'],
    rows: state.incidents.map((i) => [
      i.id + 1,
      Math.floor(i.at) + 1,
      Math.round(i.hour * 10) / 10,
      i.night ? 'yes' : 'no',
      i.kind === 'deploy' ? 'failed deploy' : 'server failure',
      i.response ?? 'waiting',
      Math.round(i.minutes),
      Math.round(i.downtime * 10) / 10,
    ]),
  };
}

/** One row per deploy: when, how many changes, whether it failed. */
export function deployTable(state: CapstoneState): { columns: string[]; rows: Array<Array<string | number>> } {
  return {
    columns: ['deploy', 'day', 'changes', 'failed'],
    rows: state.deploys.map((d) => [d.id + 1, Math.floor(d.at - 1e-9) + 1, d.changeIds.length, d.failed ? 'yes' : 'no']),
  };
}
