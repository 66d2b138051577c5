// Checks that the provisioning lesson and its facilitator guide state the provisioning model's own figures (defaults, seeds 1 to 200).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/sim-kit/core/fields.ts';
import { expectedNumbers } from '../../src/models/provision/index.ts';
import { PORT_SETS, provisionFields, provisionParams, type ProvisionValues } from '../../src/schemas/provision-scenario.ts';

const lesson = readFileSync(new URL('../../content/lessons/03-principles/03-provisioning.mdx', import.meta.url), 'utf8');
const guide = parse(readFileSync(new URL('../../content/facilitator/provisioning.yaml', import.meta.url), 'utf8')) as { expected: string[] };
const defaults: ProvisionValues = defaultValues(provisionFields);
const n = expectedNumbers(provisionParams(defaults));
const pct = (share: number) => Math.round(share * 100);

/** The numbers a regular expression captures in a text, or a failure naming what was looked for. */
function grab(text: string, pattern: RegExp): number[] {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no match for ${pattern}`);
  return m.slice(1).map(Number);
}

/** The numbers in the lesson's table row that starts with `label`. */
function row(label: string): number[] {
  const line = lesson.split('\n').find((l) => l.trim().startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/03-principles/03-provisioning.mdx: no table row for “${label}”`);
  return [
    ...line
      .split('|')
      .slice(2, -1)
      .join('|')
      .matchAll(/[\d.]+/g),
  ].map((m) => Number(m[0]));
}

describe('the provisioning lesson’s figures', () => {
  it('states the model’s default definition, fleet and slip rate', () => {
    expect(PORT_SETS[defaults.ports]).toEqual([80, 443]);
    expect(lesson).toContain(`a definition of ${defaults.count} ${defaults.size} web servers with ports 80 and 443 open`);
    expect(lesson).toContain(`the plan has ${n.firstPlanSteps} steps, one to create each server`);
    expect(lesson).toContain(`The commands for the same ${n.declaredCount} servers, run twice, leave ${n.scriptedServers}.`);
    expect(lesson).toContain(`patch a fleet of ${defaults.fleet} servers, where each server patched by hand has a ${defaults.slip}% chance of being missed`);
  });

  it('gives the model’s averages in its table', () => {
    expect(row('Plan steps on the first apply, then the second')).toEqual([n.firstPlanSteps, n.secondPlanSteps]);
    expect(row('Servers after running the commands twice')).toEqual([n.scriptedServers]);
    expect(row(`Servers missed when patching ${defaults.fleet} by hand`)).toEqual([n.handMissedMean]);
    expect(row('Runs where the hand patch missed none')).toEqual([pct(n.handNoneMissedShare)]);
    expect(row('Minutes to patch by hand, then through the definition')).toEqual([n.handMinutes, n.definitionMinutes]);
    expect(row('Servers exposing the database port: no safeguard, review only, staging')).toEqual([
      n.exposedUnguarded,
      n.exposedWithReview,
      n.exposedWithStaging,
    ]);
  });

  it('states fleet size times slip rate, the mean beside it, and the fleet of 300', () => {
    expect(grab(lesson, /Fleet size times slip rate, (\d+) × ([\d.]+)% = ([\d.]+)/)).toEqual([defaults.fleet, defaults.slip, n.handMissedExpected]);
    expect(grab(lesson, /The mean of ([\d.]+) servers sits a little under the ([\d.]+)/)).toEqual([n.handMissedMean, n.handMissedExpected]);
    expect(n.handMissedMean).toBeLessThan(n.handMissedExpected);
    expect(grab(lesson, /a fleet of 300 servers patched by hand misses ([\d.]+) on average/)).toEqual([n.missedOf300]);
    expect(grab(lesson, /the patch still takes (\d+) minutes against (\d+)/)).toEqual([n.handMinutes, n.definitionMinutes]);
  });
});

describe('the provisioning facilitator guide’s expected numbers', () => {
  const text = guide.expected.join('\n');
  it('gives the model’s plans, command servers and hand patch', () => {
    expect(grab(text, /a fleet of (\d+), a ([\d.]+)% slip rate/)).toEqual([defaults.fleet, defaults.slip]);
    expect(grab(text, /the first apply plans (\d+) steps and the second plans (\d+), while the commands run twice leave (\d+) servers/)).toEqual([
      n.firstPlanSteps,
      n.secondPlanSteps,
      n.scriptedServers,
    ]);
    expect(grab(text, /by hand takes (\d+) minutes and misses ([\d.]+) servers on average, against ([\d.]+)/)).toEqual([
      n.handMinutes,
      n.handMissedMean,
      n.handMissedExpected,
    ]);
    expect(grab(text, /(\d+)% of runs miss none/)).toEqual([pct(n.handNoneMissedShare)]);
    expect(grab(text, /Through the definition the patch takes (\d+) minutes/)).toEqual([n.definitionMinutes]);
  });

  it('gives the model’s exposed servers for each safeguard and the fleet of 300', () => {
    expect(
      grab(text, /leaves (\d+) servers exposing the database port with no safeguard, ([\d.]+) on average with review only, and (\d+) with a staging run/),
    ).toEqual([n.exposedUnguarded, n.exposedWithReview, n.exposedWithStaging]);
    expect(grab(text, /misses ([\d.]+) servers on average in a fleet of 300/)).toEqual([n.missedOf300]);
  });
});
