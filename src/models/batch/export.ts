// Shapes a finished or running batch-size run for export: JSON (scenario, summary, deploys, actions) and CSV (one row per deploy).
import { summarize, type RunSummary } from './metrics.ts';
import type { BatchAction, BatchState, Deploy } from './types.ts';

export interface RunExport {
  format: 'ship-small/batch-run';
  version: 1;
  /** The canonical URL query that reproduces this run's setup. */
  scenario: { query: string; seed: number; params: BatchState['params'] };
  summary: RunSummary;
  deploys: Array<{
    id: number;
    day: number;
    changes: number;
    failed: boolean;
    defects: number;
    recovery: Deploy['recovery'];
    downtimeMinutes: number;
    changeIds: number[];
  }>;
  /** Every change that became ready, with its fate. */
  changes: Array<{
    id: number;
    readyDay: number;
    wasDefective: boolean;
    fate: 'deployed' | 'waiting' | 'rolled back, waiting';
    deployedDay: number | null;
    deploys: number[];
  }>;
  /** The learner's actions: replaying them on the scenario gives this run again. */
  actions: BatchAction[];
}

export function exportRun(state: BatchState, seed: number, query: string, actions: readonly BatchAction[]): RunExport {
  return {
    format: 'ship-small/batch-run',
    version: 1,
    scenario: { query, seed, params: state.params },
    summary: summarize(state),
    deploys: state.deploys.map((d) => ({
      id: d.id + 1,
      day: d.at,
      changes: d.changeIds.length,
      failed: d.failed,
      defects: d.defectIds.length,
      recovery: d.recovery,
      downtimeMinutes: d.downtimeMinutes,
      changeIds: d.changeIds,
    })),
    changes: state.changes.slice(0, state.arrived).map((c) => ({
      id: c.id,
      readyDay: c.readyAt,
      wasDefective: c.wasDefective,
      fate: c.deployedAt !== null ? 'deployed' : c.deploys.length > 0 ? 'rolled back, waiting' : 'waiting',
      deployedDay: c.deployedAt,
      deploys: c.deploys.map((id) => id + 1),
    })),
    actions: [...actions],
  };
}

const CSV_COLUMNS = ['deploy', 'day', 'changes', 'failed', 'defects', 'recovery', 'downtime_minutes'] as const;

/** One header row and one row per deploy; values are numbers or fixed words, so no quoting is needed. */
export function deploysToCsv(run: RunExport): string {
  const rows = run.deploys.map((d) => [d.id, d.day, d.changes, d.failed ? 'yes' : 'no', d.defects, d.recovery ?? '', d.downtimeMinutes].join(','));
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}
