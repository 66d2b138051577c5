// Headline numbers of a handoff run: lead times, flow efficiency, first feedback, rework, the pile at Release's door, and per-station time.
import { STATIONS, type HandoffState, type HandoffSummary, type Item, type Station } from './types.ts';

/** The q-quantile of some numbers (linear between the two nearest ranks), or null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Working days from an idea reaching Product to its going live, or null while it is not live. */
export function leadTime(item: Item): number | null {
  return item.liveAt === null ? null : item.liveAt - item.dice.arrival;
}

/** Lead times of the live items, in item order. */
export function leadTimes(state: HandoffState): number[] {
  return state.items.map(leadTime).filter((t): t is number => t !== null);
}

/** Counts of values in bins of `width` from 0 (the lead-time histogram): each bin holds values from `from` up to but not including `to`. */
export function histogram(values: readonly number[], width: number): Array<{ from: number; to: number; count: number }> {
  if (!(width > 0)) throw new Error(`histogram needs a bin width above 0 (got ${width})`);
  if (values.length === 0) return [];
  const bins = Math.floor(Math.max(...values) / width) + 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.floor(Math.max(0, v) / width)]!++;
  return counts.map((count, i) => ({ from: i * width, to: (i + 1) * width, count }));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** An item's working and waiting days at each station so far, its current visit counted up to now. */
export function itemTimes(state: HandoffState, item: Item): { working: number[]; waiting: number[] } {
  const working = item.worked.slice();
  const waiting = item.waited.slice();
  if (item.status !== 'upcoming' && item.status !== 'live') {
    const k = item.station;
    const work = state.stations[k]!.work;
    const mine = work !== null && (work.item === item.id || (work.item === -1 && work.job.items.includes(item.id)));
    const underWay = mine ? Math.max(0, Math.min(state.now, work.endsAt) - work.startsAt) : 0;
    working[k]! += item.visitWork + underWay;
    waiting[k]! += Math.max(0, state.now - item.since - item.visitWork - underWay);
  }
  return { working, waiting };
}

/** Working and waiting days per station so far, summed over items. */
export function stationTimes(state: HandoffState): Array<{ station: Station; working: number; waiting: number }> {
  const working = [0, 0, 0, 0, 0, 0];
  const waiting = [0, 0, 0, 0, 0, 0];
  for (const item of state.items) {
    const times = itemTimes(state, item);
    for (let k = 0; k < 6; k++) {
      working[k]! += times.working[k]!;
      waiting[k]! += times.waiting[k]!;
    }
  }
  return STATIONS.map((station, k) => ({ station, working: working[k]!, waiting: waiting[k]! }));
}

/** The day production feedback first comes back: the first item's go-live plus the days of real use it takes. */
export function firstFeedbackDay(state: HandoffState): number | null {
  const first = firstLiveDay(state);
  return first === null ? null : first + state.params.observeDays;
}

export function firstLiveDay(state: HandoffState): number | null {
  const live = state.items.map((i) => i.liveAt).filter((t): t is number => t !== null);
  return live.length ? Math.min(...live) : null;
}

/** The run's headline numbers. */
export function summarize(state: HandoffState): HandoffSummary {
  const live = state.items.filter((i) => i.liveAt !== null);
  const leads = live.map((i) => leadTime(i)!);
  const worked = sum(live.map((i) => sum(i.worked)));
  const startOf = new Map(state.releases.flatMap((r) => r.items.map((id) => [id, r.startedAt] as const)));
  const doorWaits = state.items.filter((i) => startOf.has(i.id)).map((i) => startOf.get(i.id)! - i.doorAt!);
  return {
    items: state.items.length,
    live: live.length,
    leadMedian: quantile(leads, 0.5),
    leadP25: quantile(leads, 0.25),
    leadP75: quantile(leads, 0.75),
    leadP90: quantile(leads, 0.9),
    flowEfficiency: leads.length && sum(leads) > 0 ? worked / sum(leads) : null,
    firstLiveDay: firstLiveDay(state),
    firstFeedbackDay: firstFeedbackDay(state),
    reworkLaps: sum(state.items.map((i) => i.laps)),
    defectsFound: state.defectsFound,
    misunderstandings: state.misunderstandings,
    doorPeak: state.doorPeak,
    doorWaitMean: doorWaits.length ? sum(doorWaits) / doorWaits.length : null,
    releases: state.releases.length,
    lastLiveDay: live.length ? Math.max(...live.map((i) => i.liveAt!)) : null,
  };
}
