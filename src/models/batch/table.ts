// The run's deploy record as a table, for CSV export and the timeline's text alternative.
import type { Table } from '../../sim-kit/core/export.ts';
import type { BatchState } from './types.ts';

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export function table(state: BatchState): Table {
  return {
    columns: ['deploy', 'day', 'kind', 'changes', 'failed', 'defects', 'migration', 'recovery', 'downtime_minutes', 'diagnosis_minutes'],
    rows: state.deploys.map((d) => [
      d.id + 1,
      round(d.at),
      d.kind,
      d.changeIds.length,
      d.failed ? 'yes' : 'no',
      d.defectIds.length,
      d.irreversible ? 'yes' : 'no',
      d.recovery ?? '',
      Math.round(d.downtimeMinutes),
      Math.round(d.diagnosisMinutes),
    ]),
  };
}
