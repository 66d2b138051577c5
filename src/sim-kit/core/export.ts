// Export of a run: one JSON envelope every sim shares (scenario, summary, log, records) and CSV from a table.

export interface Table {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface RunExport<Action, Summary> {
  format: 'ship-small/run';
  sim: string;
  version: 1;
  /** The canonical URL query that reproduces this run's setup. */
  query: string;
  summary: Summary;
  /** The learner's actions: replaying them on the scenario gives this run again. */
  actions: Action[];
  /** The run's main record, as in the CSV. */
  table: Table;
}

export function exportRun<A, S>(sim: string, query: string, summary: S, actions: readonly A[], table: Table): RunExport<A, S> {
  return { format: 'ship-small/run', sim, version: 1, query, summary, actions: [...actions], table };
}

/** RFC 4180 CSV: a header row, then one row per record; cells with commas, quotes or line breaks are quoted. */
export function toCsv(table: Table): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
