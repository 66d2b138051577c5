// Checks that the production lesson and its facilitator guide state the parity model's own figures (defaults, seeds 1 to 200).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/sim-kit/core/fields.ts';
import { expectedNumbers, FIX_COST, FIXES, meanSummary } from '../../src/models/parity/index.ts';
import { parityFields, type ParityValues } from '../../src/schemas/parity-scenario.ts';

const lesson = readFileSync(new URL('../../content/lessons/02-dilemma/03-production.mdx', import.meta.url), 'utf8');
const guide = parse(readFileSync(new URL('../../content/facilitator/production.yaml', import.meta.url), 'utf8')) as { expected: string[] };
const defaults: ParityValues = defaultValues(parityFields);
const n = expectedNumbers();
const one = (x: number) => x.toFixed(1);
const whole = (x: number) => String(Math.round(x));
/** A share as the lesson rounds it: "about 40%". */
const about = (share: number) => Math.round(share * 10) * 10;

/** The numbers a regular expression captures in a text, or a failure naming what was looked for. */
function grab(text: string, pattern: RegExp): string[] {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no match for ${pattern}`);
  return m.slice(1);
}

/** The cells of the lesson's table row that starts with `label`. */
function row(label: string): string[] {
  const line = lesson.split('\n').find((l) => l.trim().startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/02-dilemma/03-production.mdx: no table row for “${label}”`);
  return line
    .split('|')
    .slice(2, -1)
    .map((cell) => cell.trim());
}

describe('the production lesson’s parity figures', () => {
  const none = meanSummary(defaults);
  const two = meanSummary({ ...defaults, containers: true, lockfile: true });
  const three = meanSummary({ ...defaults, containers: true, lockfile: true, pin: true });

  it('states the model’s defaults: the quarter, the changes, the costs of a find, the budget and each fix', () => {
    expect(lesson).toContain(`a quarter of ${defaults.days} working days`);
    expect(lesson).toContain(`about ${defaults.rate} changes a day, and about ${defaults.depend}% of them`);
    expect(lesson).toContain(
      `costs ${defaults.devmin} minutes, one in staging an hour, and one in production a night-time page of ${defaults.pagemin / 60} hours plus ${defaults.findmin} minutes`,
    );
    expect(defaults.stagemin).toBe(60);
    expect(lesson).toContain(`You have ${defaults.budget} engineer-days`);
    expect(grab(lesson, /containers \((\d) days\) and one lock file with one promoted build \((\d) day\)/).map(Number)).toEqual([
      FIX_COST.containers,
      FIX_COST.lockfile,
    ]);
    expect(
      grab(lesson, /pinned neighbour versions \((\d) days\), production's network rules \((\d) days\) and production-sized data \((\d) days\)/).map(Number),
    ).toEqual([FIX_COST.pin, FIX_COST.network, FIX_COST.data]);
    expect(lesson).toContain(`deploys every ${defaults.every} working days unless you choose otherwise`);
  });

  it('gives the model’s averages with no gap, two gaps and three gaps closed', () => {
    expect(row('Caught at a desk')).toEqual([none, two, three].map((s) => (s.failedDevelopment === 0 ? '0' : one(s.failedDevelopment))));
    expect(row('Caught in staging')).toEqual([none, two, three].map((s) => (s.failedStaging === 0 ? '0' : one(s.failedStaging))));
    expect(row('Failed in production')).toEqual([none, two, three].map((s) => one(s.failedProduction)));
    expect(row('Hours spent finding failures')).toEqual([none, two, three].map((s) => whole(s.findHours)));
    expect(FIX_COST.containers + FIX_COST.lockfile).toBe(3);
    expect(lesson).toContain("The two gaps are containers and the lock file (3 engineer-days); the third is staging pinned to production's versions (2 more).");
  });

  it('says that any two of the five gaps remove about 40% of production failures, not most, as every pair does in the model', () => {
    const [shown, from, to] = grab(lesson, /closing any two of the five gaps removes about (\d+)% of them \(from ([\d.]+) to ([\d.]+) a quarter/);
    expect([from, to]).toEqual([one(none.failedProduction), one(two.failedProduction)]);
    for (let i = 0; i < FIXES.length; i++)
      for (let j = i + 1; j < FIXES.length; j++) {
        const pair = meanSummary({ ...defaults, budget: 12, [FIXES[i]!]: true, [FIXES[j]!]: true });
        const removed = 1 - pair.failedProduction / none.failedProduction;
        expect(removed, `${FIXES[i]} and ${FIXES[j]}`).toBeLessThan(0.5);
        expect(about(removed), `${FIXES[i]} and ${FIXES[j]}`).toBe(Number(shown));
      }
    expect(lesson).toContain(`The three cheapest fixes fit the budget and remove about ${about(1 - three.failedProduction / none.failedProduction)}%.`);
  });

  it('gives the model’s version gaps for daily, fortnightly and quarterly deploys, and the hours daily deploys save', () => {
    expect(grab(lesson, /on average ([\d.]+) versions ahead when the team deploys every day, ([\d.]+) every 10 days and ([\d.]+) once a quarter/)).toEqual([
      one(n.dailyVersionGap),
      one(n.versionGap),
      one(n.quarterlyVersionGap),
    ]);
    const daily = meanSummary({ ...defaults, every: 1 });
    expect(grab(lesson, /fall from (\d+) \(every 10 days\) to (\d+) \(every day\)/)).toEqual([whole(n.findHours), whole(daily.findHours)]);
  });
});

describe('the production facilitator guide’s expected numbers', () => {
  const text = guide.expected.join('\n');
  it('gives the model’s production failures and finding time at the defaults', () => {
    expect(grab(text, /averaged over seeds 1 to 200\), ([\d.]+) changes fail in production and none earlier/)).toEqual([one(n.productionFailures)]);
    expect(grab(text, /Finding them costs (\d+) hours/)).toEqual([whole(n.findHours)]);
  });

  it('gives the model’s figures for the three cheapest fixes, for any two, and for daily deploys', () => {
    expect(grab(text, /cuts production failures to ([\d.]+), with ([\d.]+) caught at a desk and ([\d.]+) in staging/)).toEqual([
      one(n.threeFixesProductionFailures),
      one(n.threeFixesDevelopment),
      one(n.threeFixesStaging),
    ]);
    const two = meanSummary({ ...defaults, containers: true, lockfile: true });
    expect(grab(text, /Any two gaps cut them by about (\d+)%, not most/)).toEqual([String(about(1 - two.failedProduction / n.productionFailures))]);
    expect(grab(text, /keeps development ([\d.]+) versions ahead instead of ([\d.]+) \(([\d.]+) once a quarter\)/)).toEqual([
      one(n.dailyVersionGap),
      one(n.versionGap),
      one(n.quarterlyVersionGap),
    ]);
    expect(grab(text, /cuts finding time from (\d+) to (\d+) hours/)).toEqual([whole(n.threeFixesFindHours), whole(n.threeFixesDailyFindHours)]);
  });
});
