// The per-item record of a handoff run, for CSV export and as the text alternative of the pipeline chart.
import { itemTimes, leadTime } from './metrics.ts';
import { STATIONS, type HandoffState, type Item } from './types.ts';

const round = (n: number) => Math.round(n * 10) / 10;

/** Where an item is, in words (no commas, so cells need no quoting). */
export function whereIs(item: Item): string {
  switch (item.status) {
    case 'upcoming':
      return 'not arrived yet';
    case 'backlog':
      return 'Product backlog';
    case 'door':
      return 'door to Release';
    case 'live':
      return 'live';
    default:
      return `${item.status} at ${STATION_LABELS[STATIONS[item.station]!]}`;
  }
}

/** One row per item: when it arrived, where it is, its working and waiting days, rework laps, and its lead time once live. */
export function table(state: HandoffState): { columns: string[]; rows: Array<Array<string | number>> } {
  return {
    columns: ['item', 'arrived (day)', 'where', 'working days', 'waiting days', 'rework laps', 'reached the door (day)', 'live (day)', 'lead time (days)'],
    rows: state.items
      .filter((i) => i.status !== 'upcoming')
      .map((i) => {
        const times = itemTimes(state, i);
        return [
          i.id + 1,
          round(i.dice.arrival),
          whereIs(i),
          round(times.working.reduce((a, b) => a + b, 0)),
          round(times.waiting.reduce((a, b) => a + b, 0)),
          i.laps,
          i.doorAt === null ? '' : round(i.doorAt),
          i.liveAt === null ? '' : round(i.liveAt),
          i.liveAt === null ? '' : round(leadTime(i)!),
        ];
      }),
  };
}

/** Per-station names in order, for labels. */
export const STATION_LABELS: Readonly<Record<(typeof STATIONS)[number], string>> = {
  product: 'Product',
  design: 'Design',
  engineering: 'Engineering',
  qa: 'QA',
  release: 'Release',
  operations: 'Technical Operations',
};
