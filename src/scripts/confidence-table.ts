// Fills a before/after confidence table from saved progress; shared by the confidence and completion pages.
import type { Progress } from '../schemas/progress.ts';

/** Writes each row's before, after and change cells; returns whether any rating exists. */
export function fillConfidenceTable(table: ParentNode, progress: Progress): boolean {
  const { before, after } = progress.confidence;
  for (const row of table.querySelectorAll<HTMLElement>('[data-row]')) {
    const id = row.dataset['row'] ?? '';
    const b = before?.ratings[id];
    const a = after?.ratings[id];
    const cell = (name: string, text: string) => {
      const el = row.querySelector(`[data-${name}]`);
      if (el) el.textContent = text;
    };
    cell('before', b === undefined ? '–' : `${b} of 5`);
    cell('after', a === undefined ? '–' : `${a} of 5`);
    cell('change', a === undefined || b === undefined ? '–' : a === b ? 'no change' : `${a > b ? '+' : ''}${a - b}`);
  }
  return Boolean(before || after);
}
