// The feature-flag run's records as tables: one row per commit (the pipeline) and one row per minute (the release day), for CSV and charts' text.
import { records } from './model.ts';
import { STAGE_NAMES } from './narrate.ts';
import { PROBLEM_KINDS, STAGES, type FlagsState, type Kind, type Stage } from './types.ts';

/** One row per minute of the release day: the main record, for CSV export and a chart's text alternative. */
export function table(state: FlagsState): { columns: string[]; rows: Array<Array<string | number>> } {
  return {
    columns: [
      'minute',
      'users',
      'new group',
      'control group',
      'dark requests',
      'database load %',
      'new group errors',
      'control errors',
      'dark errors',
      'new group conversions',
      'control conversions',
      'users hurt',
      'spike',
    ],
    rows: records(state).map((r) => [
      r.minute,
      r.users,
      r.newUsers,
      r.controlUsers,
      r.darkRequests,
      Math.round(r.dbLoad * 1000) / 10,
      r.newErrors,
      r.controlErrors,
      r.darkErrors,
      r.newConversions,
      r.controlConversions,
      Math.round(r.hurt * 100) / 100,
      r.spike ? 'yes' : 'no',
    ]),
  };
}

/** One row per commit: its hidden problem and where the pipeline stopped it. */
export function pipelineTable(state: FlagsState): { columns: string[]; rows: Array<Array<string | number>> } {
  return {
    columns: ['commit', 'problem', 'stopped at', 'why'],
    rows: state.commits
      .filter((c) => c.done)
      .map((c) => [c.id + 1, c.kind, c.stoppedAt === null ? 'reached production' : STAGE_NAMES[c.stoppedAt], c.reason ?? '']),
  };
}

/** Which stage caught which kind of problem: one row per stage, a count per kind, and what reached production. */
export function catchTable(state: FlagsState): { columns: string[]; rows: Array<Array<string | number>> } {
  const done = state.commits.filter((c) => c.done);
  const count = (stage: Stage | null, kind: Kind) => done.filter((c) => c.stoppedAt === stage && c.kind === kind).length;
  return {
    columns: ['stage', ...PROBLEM_KINDS],
    rows: [
      ...STAGES.filter((s) => s !== 'production').map((s) => [STAGE_NAMES[s], ...PROBLEM_KINDS.map((k) => count(s, k))]),
      ['reached production', ...PROBLEM_KINDS.map((k) => count(null, k))],
    ],
  };
}
