// Checks that the together lesson and its facilitator guide state the capstone model's own figures (defaults, seeds 1 to 200), and the property the lesson teaches: which levers elite needs.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { overSeeds } from '../../src/sim-kit/core/model.ts';
import { allElite } from '../../src/models/dora/bands.ts';
import { DEFAULT_PARAMS, LEVER_NAMES, expectedNumbers, model, outcome, placement, pulled, type LeverName } from '../../src/models/capstone/index.ts';

const lesson = readFileSync(new URL('../../content/lessons/03-principles/06-together.mdx', import.meta.url), 'utf8');
const guide = parse(readFileSync(new URL('../../content/facilitator/together.yaml', import.meta.url), 'utf8')) as { expected: string[] };
const n = expectedNumbers(200);
const TRIO: LeverName[] = ['team', 'tests', 'deploy'];
const trio = outcome(pulled(TRIO));
const trioFlags = outcome(pulled([...TRIO, 'flags']));
const trioIac = outcome(pulled([...TRIO, 'iac']));
const hours = (minutes: number) => Math.round(minutes / 6) / 10;
const pct = (share: number) => Math.round(share * 100);
const one = (x: number) => Math.round(x * 10) / 10;

/** The numbers a regular expression captures in a text, or a failure naming what was looked for. */
function grab(text: string, pattern: RegExp): number[] {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no match for ${pattern}`);
  return m.slice(1).map(Number);
}

/** The numbers in the lesson's table row that starts with `label`. */
function row(label: string): number[] {
  const line = lesson.split('\n').find((l) => l.trim().startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/03-principles/06-together.mdx: no table row for “${label}”`);
  return line
    .split('|')
    .slice(2, -1)
    .map((cell) => Number(/-?[\d.]+/.exec(cell)![0]));
}

const rowOf = (o: ReturnType<typeof outcome>) => [
  o.eliteKeys,
  pct(o.allEliteShare),
  hours(o.downtimeMinutes),
  Math.round(o.featuresLive),
  one(o.nightPages),
  o.spend,
];

describe('what the property test shows at the default settings (seeds 1 to 200)', () => {
  const eliteShare = (levers: LeverName[]) => {
    const ends = overSeeds(model, pulled(levers), 200, (e) => allElite(placement(e)));
    return ends.filter(Boolean).length / ends.length;
  };

  it('team shape, tests and deploy policy alone are never elite on every key: recovery stays just outside the band', () => {
    expect(eliteShare(TRIO)).toBe(0);
    expect(trio.eliteKeys).toBeGreaterThan(2.5);
    expect(trio.recoveryMinutes).toBeGreaterThanOrEqual(60);
  });

  it('those three and one quick way back (flags, or infrastructure as code) are elite on every key in most quarters', () => {
    expect(eliteShare([...TRIO, 'flags'])).toBeGreaterThanOrEqual(0.95);
    expect(eliteShare([...TRIO, 'iac'])).toBeGreaterThanOrEqual(0.85);
  });

  it('leaving out any one of team shape, tests or deploy policy, even with the other five pulled, is never elite on every key', () => {
    for (const missing of TRIO) expect(eliteShare(LEVER_NAMES.filter((l) => l !== missing))).toBe(0);
  });

  it('the levers the keys hardly need still cut downtime the keys never count', () => {
    expect(n.allLevers.downtimeMinutes).toBeLessThan(trioFlags.downtimeMinutes / 10);
  });
});

describe('the together lesson’s capstone figures', () => {
  it('states the default quarter', () => {
    expect(lesson).toContain(`The simulation plays a quarter of ${DEFAULT_PARAMS.days} working days for a team of six.`);
  });

  it('gives the model’s averages in its table', () => {
    expect(row('The company at the start')).toEqual(rowOf(n.defaults));
    expect(row('Best deploy policy alone')).toEqual(rowOf(n.singleLever.deploy!));
    expect(row('Team shape, tests and deploy policy')).toEqual(rowOf(trio));
    expect(row('Those three and feature flags')).toEqual(rowOf(trioFlags));
    expect(row('Those three and infrastructure as code')).toEqual(rowOf(trioIac));
    expect(row('All six levers')).toEqual(rowOf(n.allLevers));
    expect(row('All six, every managed service')).toEqual(rowOf(n.allLeversManaged));
  });

  it('says what the property test shows, with the model’s numbers', () => {
    expect(lesson).toContain('No single lever reaches the elite band on all four keys in any of them, and all six together do in every one.');
    expect(n.allLevers.allEliteShare).toBe(1);
    for (const lever of LEVER_NAMES) expect(n.singleLever[lever]!.allEliteShare).toBe(0);
    expect(grab(lesson, /together put ([\d.]+) keys in the elite band on average and leave recovery just outside it, at (\d+) minutes/)).toEqual([
      trio.eliteKeys,
      trio.recoveryMinutes,
    ]);
    expect(
      grab(
        lesson,
        /with feature flags and their kill switch, (\d+)% of the quarters are elite on every key; with infrastructure as code and its quick rollback instead, (\d+)% are/,
      ),
    ).toEqual([pct(trioFlags.allEliteShare), pct(trioIac.allEliteShare)]);
    expect(grab(lesson, /all six levers leave ([\d.]+) hours of downtime in a quarter against ([\d.]+) hours with the three and flags/)).toEqual([
      hours(n.allLevers.downtimeMinutes),
      hours(trioFlags.downtimeMinutes),
    ]);
    expect(grab(lesson, /still takes developers and operations apart (\d+) minutes/)).toEqual([n.singleLever.deploy!.recoveryMinutes]);
    expect(n.singleLever.deploy!.downtimeMinutes).toBeGreaterThan(n.defaults.downtimeMinutes);
  });

  it('never claims that every lever is needed', () => {
    expect(lesson).not.toMatch(/only all six|needs? every lever|all six are needed/i);
  });
});

describe('the together facilitator guide’s expected numbers', () => {
  const text = guide.expected.join('\n');
  it('gives the start, the best single lever and all six', () => {
    expect(grab(text, /the company at the start has (\d+) keys elite, ([\d.]+) hours of downtime and ([\d.]+) night-time pages/)).toEqual([
      n.defaults.eliteKeys,
      hours(n.defaults.downtimeMinutes),
      one(n.defaults.nightPages),
    ]);
    expect(grab(text, /The best deploy policy alone has ([\d.]+) keys elite/)).toEqual([n.singleLever.deploy!.eliteKeys]);
    expect(
      grab(text, /All six levers are elite on all four in (\d+)% of the quarters, with ([\d.]+) hours of downtime, (\d+) features live and \$(\d+) spent/),
    ).toEqual([pct(n.allLevers.allEliteShare), hours(n.allLevers.downtimeMinutes), Math.round(n.allLevers.featuresLive), n.allLevers.spend]);
  });

  it('gives the three levers, the fourth that completes them, and what managed services buy', () => {
    expect(grab(text, /team shape, tests and deploy policy have ([\d.]+) keys elite, with recovery at (\d+) minutes/)).toEqual([
      trio.eliteKeys,
      trio.recoveryMinutes,
    ]);
    expect(grab(text, /add feature flags and (\d+)% of the quarters are elite on every key, add infrastructure as code instead and (\d+)% are/)).toEqual([
      pct(trioFlags.allEliteShare),
      pct(trioIac.allEliteShare),
    ]);
    expect(grab(text, /raises features live from (\d+) to (\d+) for \$(\d+) instead of \$(\d+)/)).toEqual([
      Math.round(n.allLevers.featuresLive),
      Math.round(n.allLeversManaged.featuresLive),
      n.allLeversManaged.spend,
      n.allLevers.spend,
    ]);
  });
});
