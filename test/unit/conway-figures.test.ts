// Checks that the Conway lesson and its facilitator guide state the Conway model's own figures (defaults, seeds 1 to 200).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/sim-kit/core/fields.ts';
import { expectedNumbers, PRESETS } from '../../src/models/conway/index.ts';
import { conwayFields } from '../../src/schemas/conway-scenario.ts';

const lesson = readFileSync(new URL('../../content/lessons/02-dilemma/04-conway.mdx', import.meta.url), 'utf8');
const guide = parse(readFileSync(new URL('../../content/facilitator/conway.yaml', import.meta.url), 'utf8')) as { expected: string[] };
const defaults = defaultValues(conwayFields);
const n = expectedNumbers();
const r1 = (x: number) => Math.round(x * 10) / 10;
const pc = (x: number) => Math.round(x * 100);
const ORGS = ['silos', 'devAndOps', 'streamAligned', 'devopsTeams'] as const;

function grab(text: string, pattern: RegExp): number[] {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no match for ${pattern}`);
  return m.slice(1).map(Number);
}

/** The numbers in the lesson's table row that starts with `label`. */
function row(label: string): number[] {
  const line = lesson.split('\n').find((l) => l.trim().startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/02-dilemma/04-conway.mdx: no table row for “${label}”`);
  return line
    .split('|')
    .slice(2, -1)
    .map((cell) => Number(/-?[\d.]+/.exec(cell)![0]));
}

describe('the Conway lesson’s figures', () => {
  it('names the four organisations in the table in the model’s order, with its defaults', () => {
    expect(lesson).toContain(
      `| Per run of ${defaults.features} features, on average | ${[PRESETS.silos, PRESETS['dev-and-ops'], PRESETS['stream-aligned'], PRESETS['devops-teams']].map((p) => p.label).join(' | ')} |`,
    );
    expect(lesson).toContain(`as they build ${defaults.features} features`);
  });

  it('gives the model’s means for every organisation', () => {
    expect(row('Teams per feature')).toEqual(ORGS.map((o) => r1(n[`${o}TeamsPerFeature`]!)));
    expect(row('Days waiting on other teams, per feature')).toEqual(ORGS.map((o) => r1(n[`${o}DelayDays`]!)));
    expect(row('Days per feature')).toEqual(ORGS.map((o) => r1(n[`${o}LeadDays`]!)));
    expect(row('Incidents')).toEqual(ORGS.map((o) => r1(n[`${o}Incidents`]!)));
    expect(row('Incidents at the dev-ops seam')).toEqual(ORGS.map((o) => r1(n[`${o}DevopsIncidents`]!)));
    expect(row('System in modules that serve one product area')).toEqual(ORGS.map((o) => pc(n[`${o}VerticalShare`]!)));
  });

  it('gives the model’s pace of change after a reorganisation', () => {
    expect(
      grab(lesson, /about (\d+)% of the system sits in one-area modules a feature after the move, (\d+)% after five features and (\d+)% after ten/),
    ).toEqual([pc(n.reorganisedVerticalAfter1!), pc(n.reorganisedVerticalAfter5!), pc(n.reorganisedVerticalAfter10!)]);
  });
});

describe('the Conway facilitator guide’s expected numbers', () => {
  const text = guide.expected.join('\n');
  it('gives the default organisation’s teams, waiting and incidents', () => {
    expect(
      grab(text, /operations apart need ([\d.]+) teams per feature and wait ([\d.]+) days per feature on other teams; ([\d.]+) of their ([\d.]+) incidents/),
    ).toEqual([r1(n.devAndOpsTeamsPerFeature!), r1(n.devAndOpsDelayDays!), r1(n.devAndOpsDevopsIncidents!), r1(n.devAndOpsIncidents!)]);
  });

  it('gives silos, DevOps teams and the platform team', () => {
    expect(grab(text, /Silos by skill need ([\d.]+) teams per feature, wait ([\d.]+) days and have ([\d.]+) incidents/)).toEqual([
      r1(n.silosTeamsPerFeature!),
      r1(n.silosDelayDays!),
      r1(n.silosIncidents!),
    ]);
    expect(grab(text, /DevOps product teams need ([\d.]+) teams, wait ([\d.]+) days and have ([\d.]+) incidents, none at the dev-ops seam/)).toEqual([
      r1(n.devopsTeamsTeamsPerFeature!),
      r1(n.devopsTeamsDelayDays!),
      r1(n.devopsTeamsIncidents!),
    ]);
    expect(n.devopsTeamsDevopsIncidents).toBe(0);
    expect(grab(text, /cuts the dev-ops incidents to (\d+(?:\.\d+)?)/)).toEqual([r1(n.streamAlignedDevopsIncidents!)]);
  });

  it('gives the pace of change after a reorganisation', () => {
    expect(grab(text, /(\d+)% of the system sits in one-area modules a feature later, (\d+)% after 5 features and (\d+)% after 10/)).toEqual([
      pc(n.reorganisedVerticalAfter1!),
      pc(n.reorganisedVerticalAfter5!),
      pc(n.reorganisedVerticalAfter10!),
    ]);
  });
});
