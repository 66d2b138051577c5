// Checks that the source-control lesson and its facilitator guide state the drift model's own figures (defaults, seeds 1 to 200).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/sim-kit/core/fields.ts';
import { expectedNumbers } from '../../src/models/drift/index.ts';
import { driftFields, driftParams, type DriftValues } from '../../src/schemas/drift-scenario.ts';

const lesson = readFileSync(new URL('../../content/lessons/03-principles/01-source-control.mdx', import.meta.url), 'utf8');
const guide = parse(readFileSync(new URL('../../content/facilitator/source-control.yaml', import.meta.url), 'utf8')) as { expected: string[] };
const defaults: DriftValues = defaultValues(driftFields);
const n = expectedNumbers(driftParams(defaults));
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

/** The numbers a regular expression captures in a text, or a failure naming what was looked for. */
function grab(text: string, pattern: RegExp): number[] {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no match for ${pattern}`);
  return m.slice(1).map(Number);
}

/** The numbers in the lesson's table row that starts with `label`. */
function row(label: string): number[] {
  const line = lesson.split('\n').find((l) => l.trim().startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/03-principles/01-source-control.mdx: no table row for “${label}”`);
  return line
    .split('|')
    .slice(2, -1)
    .map((cell) => Number(/-?[\d.]+/.exec(cell)![0]));
}

describe('the source-control lesson’s drift figures', () => {
  it('states the model’s defaults for the fleet and the fix times', () => {
    expect(lesson).toContain(`a fleet of ${defaults.servers} web servers for a quarter of ${defaults.days} working days`);
    expect(lesson).toContain(`which takes about ${defaults.hand} minutes`);
    expect(lesson).toContain(`which takes about ${defaults.code}.`);
  });

  it('gives the model’s averages in its table, by hand and in the configuration', () => {
    expect(row('Minutes per fix')).toEqual([n.hand.minutesPerFix, n.code.minutesPerFix]);
    expect(row('Team time (hours)')).toEqual([hours(n.hand.totalMinutes), hours(n.code.totalMinutes)]);
    expect(row('"Works here, fails there" incidents')).toEqual([n.hand.incidents, n.code.incidents]);
    expect(row('Configurations at the end')).toEqual([n.hand.configurations, n.code.configurations]);
    expect(row('Worst rebuild (minutes)')).toEqual([n.hand.worstRebuildMinutes, n.code.worstRebuildMinutes]);
  });

  it('states the share of quarters where the configuration is cheaper', () => {
    expect(grab(lesson, /in (\d+)% of those 200 quarters/)).toEqual([Math.round(n.codeCheaperQuarterShare * 100)]);
  });

  it('states where the claim fails (two servers) with the model’s figures', () => {
    const two = expectedNumbers(driftParams({ ...defaults, servers: 2 }));
    expect(two.hand.totalMinutes).toBeLessThan(two.code.totalMinutes);
    expect(grab(lesson, /With only (\d+) servers instead of (\d+)/)).toEqual([2, defaults.servers]);
    expect(grab(lesson, /\(([\d.]+) hours against ([\d.]+)\); the configuration wins only (\d+)%/)).toEqual([
      hours(two.hand.totalMinutes),
      hours(two.code.totalMinutes),
      Math.round(two.codeCheaperQuarterShare * 100),
    ]);
    expect(grab(lesson, /worst rebuild by hand grows to (\d+) minutes, against (\d+) from the repository/)).toEqual([
      two.hand.worstRebuildMinutes,
      two.code.worstRebuildMinutes,
    ]);
  });
});

describe('the source-control facilitator guide’s expected numbers', () => {
  const text = guide.expected.join('\n');
  it('gives the model’s per-fix and quarter costs, and the share of quarters the configuration wins', () => {
    expect(grab(text, /takes ([\d.]+) minutes a fix against ([\d.]+) in the configuration/)).toEqual([n.hand.minutesPerFix, n.code.minutesPerFix]);
    expect(grab(text, /costs (\d+) minutes of team time in the quarter against (\d+)/)).toEqual([n.hand.totalMinutes, n.code.totalMinutes]);
    expect(grab(text, /The configuration is cheaper in (\d+)% of the quarters/)).toEqual([Math.round(n.codeCheaperQuarterShare * 100)]);
  });

  it('gives the model’s drift, incidents and rebuild times for both policies', () => {
    expect(grab(text, /with ([\d.]+) configurations on average, ([\d.]+) 'works on one server/)).toEqual([n.hand.configurations, n.hand.incidents]);
    expect(grab(text, /worst rebuild of (\d+) minutes/)).toEqual([n.hand.worstRebuildMinutes]);
    expect(grab(text, /In the configuration: (\d+) configuration, (\d+) incidents and (\d+) minutes/)).toEqual([
      n.code.configurations,
      n.code.incidents,
      n.code.worstRebuildMinutes,
    ]);
  });
});
