// Checks that the deployment lesson and its facilitator guide state the flags model's own figures (defaults, seeds 1 to 200), the dark launch's limits included.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { overSeeds } from '../../src/sim-kit/core/model.ts';
import {
  DARK_MINUTES,
  DEFAULT_PARAMS,
  KIND_CHANCES,
  SPIKE_FACTOR,
  SPIKE_MINUTES,
  blastRadius,
  expectedNumbers,
  model,
  type FlagsState,
} from '../../src/models/flags/index.ts';

const lesson = readFileSync(new URL('../../content/lessons/03-principles/04-deployment.mdx', import.meta.url), 'utf8');
const guide = parse(readFileSync(new URL('../../content/facilitator/deployment.yaml', import.meta.url), 'utf8')) as { expected: string[] };
const n = expectedNumbers(200);
const pc = (share: number) => Math.round(share * 1000) / 10;

/** The numbers a regular expression captures in a text, or a failure naming what was looked for. */
function grab(text: string, pattern: RegExp): number[] {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no match for ${pattern}`);
  return m.slice(1).map(Number);
}

const escaped = (e: FlagsState, kind: string) => e.commits.some((c) => c.stoppedAt === null && c.kind === kind);
/** Days with a load problem in production, played with a dark launch of `dark` left on all day and no rollout. */
const loadDays = (dark: number) => overSeeds(model, { ...DEFAULT_PARAMS, dark, rollout: 0 }, 200, (e) => e).filter((e) => escaped(e, 'performance'));

describe('the deployment lesson’s flags figures', () => {
  it('describes the model’s defaults: commits, chance of a problem, day, traffic, spike, dark hour and rollback', () => {
    expect(DEFAULT_PARAMS).toMatchObject({ commits: 8, minutes: 240, traffic: 200, rollbackMinutes: 20 });
    expect([KIND_CHANCES.none, SPIKE_FACTOR, SPIKE_MINUTES, DARK_MINUTES]).toEqual([0.5, 2, 60, 60]);
    expect(lesson).toContain('one feature made of 8 commits. Each commit has an even chance of hiding a problem');
    expect(lesson).toContain('a release day of 240 minutes begins, with about 200 users a minute and a traffic spike that doubles them for an hour');
    expect(lesson).toContain('a dark launch for the first hour');
    expect(lesson).toContain('a rollback takes 20 minutes');
  });

  it('states which stage catches what share of the hidden problems', () => {
    expect(grab(lesson, /there were ([\d.]+) hidden problems a day/)).toEqual([n.problemsPerDay]);
    expect(
      grab(lesson, /Unit tests caught ([\d.]+)% of them, integration tests ([\d.]+)%, staging ([\d.]+)% and pre-production ([\d.]+)%; the other ([\d.]+)%/),
    ).toEqual([
      pc(n.caughtShareByStage.unit),
      pc(n.caughtShareByStage.integration),
      pc(n.caughtShareByStage.staging),
      pc(n.caughtShareByStage.preprod),
      pc(n.escapedShare),
    ]);
  });

  it('gives users hurt for a full release, the flag to everyone and a 5% rollout, and the claims drawn from them', () => {
    const row = lesson.split('\n').find((l) => l.trim().startsWith('| Users hurt |'))!;
    const cells = row.split('|').slice(2, -1).map(Number);
    expect(cells).toEqual([n.usersHurt.fullRelease, n.usersHurt.defaults, n.usersHurt.fivePercent].map((x) => Math.round(x * 10) / 10));
    expect(lesson).toContain('A 5% rollout with a kill switch hurt fewer users than the flag opened to everyone, and under 1% as many as a full release');
    expect(n.usersHurt.fivePercent).toBeLessThan(n.usersHurt.defaults);
    expect(n.usersHurt.fivePercent).toBeLessThan(0.01 * n.usersHurt.fullRelease);
  });

  it('says the dark launch revealed the load problem on only about half the days, with the model’s counts and why', () => {
    const days = loadDays(0.05);
    const revealed = days.filter((e) => e.revealed.performance !== null);
    const alone = days.filter((e) => !escaped(e, 'logic') && !escaped(e, 'contract'));
    const crowded = days.filter((e) => escaped(e, 'logic') || escaped(e, 'contract'));
    expect(days).toHaveLength(n.daysWithLoadProblem);
    expect(revealed.length / days.length).toBe(n.darkRevealsLoad);
    expect(n.darkNoUserHurt).toBe(1);
    expect(grab(lesson, /On (\d+) of the 200 days a database load problem reached production/)).toEqual([days.length]);
    expect(grab(lesson, /hurt no user on any of those (\d+) days, and it revealed the load problem on (\d+) of them \(([\d.]+)%\)/)).toEqual([
      days.length,
      revealed.length,
      pc(n.darkRevealsLoad),
    ]);
    expect(grab(lesson, /On the (\d+) days where the load problem was the only server-side problem to escape, it revealed it every time/)).toEqual([
      alone.length,
    ]);
    expect(alone.every((e) => e.revealed.performance !== null)).toBe(true);
    const hiddenByErrors = crowded.filter(
      (e) => e.revealed.performance === null && e.killedAt !== null && e.alerts.some((a) => a.kind === 'errors' && a.minute <= e.killedAt!),
    );
    expect(grab(lesson, /On the other (\d+) days a logic or contract error escaped too. On (\d+) of them its errors tripped the alarm/)).toEqual([
      crowded.length,
      hiddenByErrors.length,
    ]);
    expect(grab(lesson, /over those (\d+) days it found the load problem only (\d+) times/)).toEqual([
      crowded.length,
      crowded.filter((e) => e.revealed.performance !== null).length,
    ]);
    expect(grab(lesson, /A full release of the same builds hurt users on ([\d.]+)% of the load-problem days/)).toEqual([pc(1 - n.fullNoUserHurtOnLoadDays)]);
    // The page never claims more than the model shows.
    expect(lesson).not.toMatch(/dark launch (always|reliably) (reveals|finds)/i);
  });

  it('says a bigger dark launch adds load that can hurt users, with the model’s count', () => {
    const days = loadDays(0.25);
    expect(
      grab(
        lesson,
        /At 25% instead of 5%, it pushed the database over capacity during the traffic spike and hurt users on (\d+) of the (\d+) load-problem days/,
      ),
    ).toEqual([days.filter((e) => blastRadius(e) >= 1).length, days.length]);
  });

  it('gives the gap’s error against the before-and-after comparison', () => {
    expect(
      grab(
        lesson,
        /On the (\d+) days when a 5% rollout ran through the spike, the gap between the new group and the control group missed the feature's true effect by ([\d.]+) points of conversion on average, while comparing with the time before the release missed it by ([\d.]+) points/,
      ),
    ).toEqual([n.gapDays, n.gapErrorPoints, n.naiveErrorPoints]);
  });
});

describe('the deployment facilitator guide’s expected numbers', () => {
  const text = guide.expected.join('\n');
  it('gives the model’s problems a day and the stages’ catch shares', () => {
    expect(grab(text, /a day holds ([\d.]+) hidden problems/)).toEqual([n.problemsPerDay]);
    expect(
      grab(text, /Unit tests catch ([\d.]+)% of them, integration tests ([\d.]+)%, staging ([\d.]+)% and pre-production ([\d.]+)%; ([\d.]+)% reach production/),
    ).toEqual([
      pc(n.caughtShareByStage.unit),
      pc(n.caughtShareByStage.integration),
      pc(n.caughtShareByStage.staging),
      pc(n.caughtShareByStage.preprod),
      pc(n.escapedShare),
    ]);
  });

  it('gives users hurt three ways, the dark launch’s reveal share and the gap’s error', () => {
    expect(grab(text, /([\d.]+) for a full release with no flag, ([\d.]+) for the flag opened to everyone, ([\d.]+) for a 5% rollout/)).toEqual([
      n.usersHurt.fullRelease,
      n.usersHurt.defaults,
      n.usersHurt.fivePercent,
    ]);
    expect(grab(text, /On (\d+) of the 200 days a load problem reaches production/)).toEqual([n.daysWithLoadProblem]);
    expect(grab(text, /reveals the load problem on ([\d.]+)% of them/)).toEqual([pc(n.darkRevealsLoad)]);
    expect(grab(text, /A full release hurts users on all but ([\d.]+)% of those days/)).toEqual([pc(n.fullNoUserHurtOnLoadDays)]);
    expect(
      grab(
        text,
        /On the (\d+) days when a 5% rollout runs through the traffic spike, the gap between the groups misses the feature's true effect by ([\d.]+) points of conversion on average, against ([\d.]+) points/,
      ),
    ).toEqual([n.gapDays, n.gapErrorPoints, n.naiveErrorPoints]);
  });
});
