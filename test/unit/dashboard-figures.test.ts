// Checks that the measure lesson and its facilitator guide state the dashboard model's own figures: the sample wall and the gamed target.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, DEFAULT_WINDOW, expectedNumbers } from '../../src/models/dashboard/index.ts';
import { MAX_SIM_RUNS } from '../../src/lib/progress.ts';

const lesson = readFileSync(new URL('../../content/lessons/03-principles/05-measure.mdx', import.meta.url), 'utf8');
const guide = parse(readFileSync(new URL('../../content/facilitator/measure.yaml', import.meta.url), 'utf8')) as { expected: string[] };
const n = expectedNumbers();
const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const [one, ten] = n.game as [(typeof n.game)[0], (typeof n.game)[0]];

/** The static explanation inside the lesson's <Sim id="dashboard">, where its tables sit. */
const fallback = lesson.slice(lesson.indexOf('<Sim id="dashboard">'), lesson.indexOf('</Sim>'));

/** The cells of the fallback's table row that starts with `label`. */
function row(label: string): string[] {
  const line = fallback.split('\n').find((l) => l.trim().startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/03-principles/05-measure.mdx: no table row for “${label}”`);
  return line
    .split('|')
    .slice(2, -1)
    .map((cell) => cell.trim());
}

describe('the measure lesson’s dashboard figures', () => {
  it('gives the sample wall’s four keys, each in the band the model places it', () => {
    const v = n.sampleValues;
    expect(row('Deployment frequency')).toEqual([`${v.deploymentFrequency} deploys a working day`, n.sampleBands.deploymentFrequency]);
    expect(row('Lead time for changes')).toEqual([`${v.leadTime} working days`, n.sampleBands.leadTime]);
    expect(row('Change failure rate')).toEqual([pct(one.changeFailureRate), n.sampleBands.changeFailureRate]);
    expect(row('Failed deployment recovery time')).toEqual([`${Math.round(v.recoveryTime!)} minutes`, n.sampleBands.recoveryTime]);
    expect(n.sampleWeakest).toBe('changeFailureRate');
    expect(lesson).toContain(`The weakest key is the change failure rate, in the ${n.sampleBands.changeFailureRate} band`);
    expect(fallback).toContain(`each taken over its ${DEFAULT_WINDOW} most recent runs`);
  });

  it('gives the gamed target: deploys tenfold, the failure rate divided, the work reaching users unchanged', () => {
    for (const g of [one, ten]) {
      expect(row(String(g.split))).toEqual([
        g.deploysPerDay.toFixed(2),
        g.changesToUsersPerDay.toFixed(2),
        `${pct(g.changeFailureRate)} (${g.changeFailureRateBand})`,
      ]);
    }
  });

  it('lists the model’s assumptions from the model itself, not a copy', () => {
    expect(lesson).toContain("import { ASSUMPTIONS } from '../../../src/models/dashboard/assumptions.ts';");
    expect(lesson).toContain('{ASSUMPTIONS.map((a) => <li>{a}</li>)}');
    expect(ASSUMPTIONS[0]).toContain(`each simulation keeps its newest ${MAX_SIM_RUNS} runs`);
  });
});

describe('the measure facilitator guide’s dashboard figures', () => {
  const text = guide.expected.join('\n');
  it('states the sample wall the model draws', () => {
    const v = n.sampleValues;
    expect(text).toContain(`over its ${DEFAULT_WINDOW} most recent runs`);
    expect(text).toContain(`deployment frequency is ${n.sampleBands.deploymentFrequency} at ${v.deploymentFrequency} deploys a working day`);
    expect(text).toContain(`lead time for changes ${n.sampleBands.leadTime} at ${v.leadTime} working days`);
    expect(text).toContain(`change failure rate ${n.sampleBands.changeFailureRate} at ${pct(one.changeFailureRate)}`);
    expect(text).toContain(`recovery time ${n.sampleBands.recoveryTime} at ${Math.round(v.recoveryTime!)} minutes`);
  });

  it('states what splitting every deploy into ten does', () => {
    expect(text).toContain(`from ${one.deploysPerDay} to ${ten.deploysPerDay} deploys a working day`);
    expect(text).toContain(`from ${pct(one.changeFailureRate)} (${one.changeFailureRateBand}) to ${pct(ten.changeFailureRate)} (${ten.changeFailureRateBand})`);
    expect(text).toContain(`stay at ${one.changesToUsersPerDay} a day`);
  });
});
