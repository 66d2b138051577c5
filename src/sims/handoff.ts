// The handoff-pipeline sim's definition: its fields, model, run controls and result code, in one place for the island, the registry and the tests.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import { model as handoffModel, summarize, type HandoffAction, type HandoffState, type HandoffSummary } from '../models/handoff/index.ts';
import { CADENCES, handoffFields, type HandoffValues } from '../schemas/handoff-scenario.ts';

export { handoffFields, handoffModel };

/** The run advances a working day a tick; the learner may push a release at any time, but the run never stops to ask. */
export const handoffRun: RunMachineOptions<HandoffState, HandoffAction> = {
  id: 'handoff',
  tick: { type: 'tick' },
  needsDecision: () => false,
};

const WAY_INDEX = { waterfall: 0, agile: 1, devops: 2 } as const;
const CADENCE_KEYS = ['way', ...Object.keys(CADENCES)] as const;
const days = (n: number | null) => (n === null ? 0 : 1 + Math.round(n));

/** What a handoff result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const handoffCode: CodeSpec<HandoffValues, HandoffSummary> = {
  sim: 'h',
  version: 1,
  world: ['rate', 'weeks', 'mis', 'defect', 'observe'],
  parts: [
    { key: 'way', label: 'Way of working (0 waterfall, 1 agile, 2 DevOps)', read: (v) => WAY_INDEX[v.way] },
    { key: 'batch', label: 'Items per handoff (0 = the way’s own)', read: (v) => v.batch },
    {
      key: 'cadence',
      label: 'Release cadence (0 the way’s, then on demand, day, week, fortnight, month, quarter)',
      read: (v) => CADENCE_KEYS.indexOf(v.cadence),
    },
    { key: 'wip', label: 'Work-in-progress limit (0 = none)', read: (v) => v.wip },
    { key: 'fast', label: 'Every team twice as fast (1 yes)', read: (v) => (v.fast ? 1 : 0) },
    { key: 'busy', label: 'Busy with other work (%)', read: (v) => v.busy },
    { key: 'items', label: 'Items', read: (_, s) => s.items },
    { key: 'live', label: 'Items live', read: (_, s) => s.live },
    { key: 'lead', label: 'Median lead time (working days, plus 1; 0 if nothing went live)', read: (_, s) => days(s.leadMedian) },
    { key: 'flow', label: 'Flow efficiency (%)', read: (_, s) => Math.round(100 * (s.flowEfficiency ?? 0)) },
    { key: 'feedback', label: 'First production feedback (day, plus 1; 0 if none)', read: (_, s) => days(s.firstFeedbackDay) },
    { key: 'laps', label: 'Rework laps', read: (_, s) => s.reworkLaps },
    { key: 'door', label: 'Most items waiting at the door to Release', read: (_, s) => s.doorPeak },
  ],
};

export function summaryOf(state: HandoffState): HandoffSummary {
  return summarize(state);
}
