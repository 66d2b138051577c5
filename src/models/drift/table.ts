// The drift run's main record, one row per event, for CSV export and a chart's text alternative.
import { serverName } from './model.ts';
import type { DriftState } from './types.ts';

export function table(state: DriftState): { columns: string[]; rows: Array<Array<string | number>> } {
  const changeOf = new Map(state.changes.map((c) => [c.event, c]));
  return {
    columns: ['event', 'day', 'kind', 'server', 'handled', 'minutes', 'faulty'],
    rows: state.events.map((e) => {
      const change = changeOf.get(e.id);
      return [e.id + 1, e.day + 1, e.kind, serverName(e.server), e.handled ?? 'waiting', e.minutes, change?.faulty ? 'yes' : 'no'];
    }),
  };
}
