// Checks that the batch-size lesson's table of figures says what the model says, at the defaults over 200 seeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overSeeds, runToEnd } from '../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../src/sim-kit/core/fields.ts';
import { batchModel, median, summarize } from '../../src/models/batch/index.ts';
import { batchFields, batchParams, type PolicyChoice } from '../../src/schemas/batch-scenario.ts';

const lesson = readFileSync(new URL('../../content/lessons/02-dilemma/02-batch-size.mdx', import.meta.url), 'utf8');
const ROWS: Array<[string, PolicyChoice]> = [
  ['Continuous', 'continuous'],
  ['Every day', 'daily'],
  ['Every week', 'weekly'],
  ['Every month', 'monthly'],
  ['Once a quarter', 'quarterly'],
];

/** The numbers in one row of the lesson's table, in column order. */
function row(label: string): number[] {
  const line = lesson.split('\n').find((l) => l.startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/02-dilemma/02-batch-size.mdx: no table row for “${label}”`);
  return line
    .split('|')
    .slice(2, -1)
    .map((cell) => Number(/-?[\d.]+/.exec(cell)![0]));
}

/** Whether a shown figure is the model's, rounded to the digits shown (one unit of the last digit either way). */
function agrees(shown: number, actual: number, digits: number): boolean {
  return Math.abs(shown - actual) <= 10 ** -digits + 1e-9;
}

describe('the batch-size lesson’s table of averages', () => {
  const defaults = defaultValues(batchFields);
  for (const [label, policy] of ROWS) {
    it(`gives the model’s figures for “${label}”`, () => {
      const measure = (recovery: 'rollback' | 'fix-forward') => overSeeds(batchModel, batchParams({ ...defaults, policy, recovery }), 200, summarize);
      const back = measure('rollback');
      const forward = measure('fix-forward');
      const mean = (runs: typeof back, f: (s: (typeof back)[0]) => number) => runs.reduce((a, s) => a + f(s), 0) / runs.length;
      const [deploys, outages, failedPercent, downBack, downForward, lead] = row(label) as [number, number, number, number, number, number];
      expect(
        agrees(
          deploys,
          mean(back, (s) => s.deploys),
          0,
        ),
        'deploys',
      ).toBe(true);
      expect(
        agrees(
          outages,
          mean(back, (s) => s.failedDeploys),
          1,
        ),
        'outages',
      ).toBe(true);
      expect(agrees(failedPercent, mean(back, (s) => s.changeFailureRate) * 100, 0), 'deploys that failed').toBe(true);
      expect(agrees(downBack, mean(back, (s) => s.downtimeMinutes) / 60, 1), 'downtime rolling back').toBe(true);
      expect(agrees(downForward, mean(forward, (s) => s.downtimeMinutes) / 60, 1), 'downtime fixing forward').toBe(true);
      expect(agrees(lead, median(back.map((s) => s.medianLeadTimeDays ?? Infinity))!, 1), 'median lead time').toBe(true);
    });
  }

  it('states the migration figures the model uses', () => {
    expect(lesson).toContain('with a chance of 2%');
    for (const [n, shown] of [
      [20, 67],
      [84, 18],
    ] as const) {
      expect(lesson).toContain(`${shown}% for ${n}`);
      expect(Math.round(0.98 ** n * 100)).toBe(shown);
    }
  });
});

describe('the batch-size facilitator guide', () => {
  const guide = readFileSync(new URL('../../content/facilitator/batch-size.yaml', import.meta.url), 'utf8');
  it('quotes the lesson table’s downtime, failure and lead-time figures', () => {
    for (const [label] of ROWS) {
      const [, outages, failed, downBack, downForward, lead] = row(label);
      for (const figure of [`${downBack!.toFixed(1)}`, `${downForward!.toFixed(1)}`]) expect(guide).toContain(figure);
      if (label !== 'Every week') expect(guide).toContain(`${failed}%`);
      if (label !== 'Every week') expect(guide).toContain(outages!.toFixed(1));
      if (label === 'Every day' || label === 'Every month' || label === 'Once a quarter') expect(guide).toContain(lead!.toFixed(1));
    }
  });

  it('states the default link’s run as the model plays it', () => {
    const end = summarize(runToEnd(batchModel, batchParams(defaultValues(batchFields)), 2026));
    expect(guide).toContain(`${end.failedDeploys} of the ${end.deploys} deploys fail`);
    expect(guide).toContain(`about ${(end.downtimeMinutes / 60).toFixed(1)} hours of downtime`);
    expect(guide).toContain(`${end.changesDeployed} of ${end.changesReady} changes`);
    expect(guide).toContain(`in the ${end.placement.band} band`);
  });
});
