// Tests for the Conway sim's definition: registry entry, result codes the debrief decodes, the drawn organisation in the link, and quiet narration.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultScenario, defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { decodeResult, encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { scenarioToQuery } from '../../../src/sim-kit/core/fields.ts';
import { extraQuery, mergeExtra } from '../../../src/sim-kit/react/use-scenario-extra.ts';
import { init, model, orgToText, presetOrg, step, summarize } from '../../../src/models/conway/index.ts';
import { conwayFields, conwayParams, type ConwayValues } from '../../../src/schemas/conway-scenario.ts';
import { conwayCode, conwayExtra, conwayRun } from '../../../src/sims/conway.ts';
import { narrateConway, savedSummary } from '../../../src/islands/ConwaySim/narration.ts';
import { CODE_SPECS, simById, simForLesson } from '../../../src/sims/registry.ts';
import { readClassCodes } from '../../../src/lib/class-report.ts';

const values = (over: Partial<ConwayValues> = {}): ConwayValues => ({ ...defaultValues(conwayFields), ...over });

describe('the Conway sim', () => {
  it('is registered for the Conway lesson, with its own code letter and four missions', () => {
    expect(simForLesson('conway')?.id).toBe('conway');
    expect(simById('conway')?.missions).toBe(4);
    expect(CODE_SPECS.filter((s) => s.sim === 'c')).toHaveLength(1);
  });

  it('makes result codes that decode to the run’s numbers', () => {
    const v = values({ org: 'silos' });
    const s = summarize(runToEnd(model, conwayParams(v), 2026));
    const decoded = decodeResult(CODE_SPECS, encodeResult(conwayCode, 2026, v, s, 'ab12'));
    expect(decoded).toMatchObject({ ok: true, sim: 'c', version: 1, nonce: 'ab12' });
    if (!decoded.ok) return;
    expect(decoded.values).toEqual({
      org: 1,
      reorgs: 0,
      teams: Math.round(1 + s.teamsPerFeature! * 100),
      wait: Math.round(1 + s.delayDays! * 100),
      lead: Math.round(1 + s.leadDays! * 100),
      incidents: s.incidents,
      devops: s.devopsIncidents,
      vertical: 1,
    });
  });

  it('puts two learners on the same dice in one scenario on the debrief page and charts them by organisation', () => {
    const silos = values({ org: 'silos' });
    const devops = values({ org: 'devops-teams' });
    const a = encodeResult(conwayCode, 7, silos, summarize(runToEnd(model, conwayParams(silos), 7)), 'aaaa');
    const b = encodeResult(conwayCode, 7, devops, summarize(runToEnd(model, conwayParams(devops), 7)), 'bbbb');
    const report = readClassCodes(`Ana: ${a}\nBo: ${b}`);
    const group = report.sims.find((g) => g.sim.id === 'conway');
    expect(group?.scenarios).toHaveLength(1);
    const chart = simById('conway')!.chart!;
    const [ra, rb] = group!.scenarios[0]!.results;
    expect(chart.group(ra!.values)).toBe('Silos');
    expect(chart.group(rb!.values)).toBe('DevOps teams');
    expect(chart.y(rb!.values)).toBe(0);
    expect(chart.x(ra!.values)).toBeGreaterThan(chart.x(rb!.values)!);
  });

  it('never stops a run for a decision: one feature is one clock step', () => {
    let state = init(conwayParams(values()), 5);
    expect(conwayRun.needsDecision(state)).toBe(false);
    state = step(state, conwayRun.tick);
    expect(state.built).toBe(1);
  });

  it('keeps a saved summary of flat numbers', () => {
    const v = values({ org: 'devops-teams' });
    const saved = savedSummary(v, runToEnd(model, conwayParams(v), 3));
    expect(saved).toMatchObject({ org: 'devops-teams', features: 40, devopsIncidents: 0, verticalShare: 1, reorganisations: 0 });
  });
});

describe('the drawn organisation in the link', () => {
  const drawn = presetOrg('devops-teams');

  it('reads a custom organisation, writes it back only while org is custom, and owns the custom parameter when merging', () => {
    const query = new URLSearchParams('org=custom&custom=pADGJ.sBEHK.aCFIL_1d2.2d3');
    const scenario = { ...defaultScenario(conwayFields), values: values({ org: 'custom' }) };
    const read = conwayExtra.read(query, scenario);
    expect(read.problems).toEqual([]);
    expect(read.value && orgToText(read.value)).toBe(orgToText(drawn));
    const full = extraQuery(scenarioToQuery(conwayFields, scenario), conwayExtra, drawn, scenario);
    expect(full).toMatch(/org=custom.*&custom=pADGJ\.sBEHK\.aCFIL_1d2\.2d3$/);
    expect(conwayExtra.read(new URLSearchParams(full), scenario).value).toEqual(drawn);
    const preset = { ...scenario, values: values({ org: 'silos' }) };
    expect(extraQuery(`${scenarioToQuery(conwayFields, preset)}&custom=old`, conwayExtra, drawn, preset)).not.toContain('custom=');
    expect(mergeExtra('org=silos&custom=old&present=', {}, conwayExtra.params)).toBe('org=silos&present=');
    expect(mergeExtra('org=custom&present=', { custom: 'xABCDEFGHIJKL' }, conwayExtra.params)).toBe('org=custom&present=&custom=xABCDEFGHIJKL');
  });

  it('names a bad custom organisation and falls back, leaving the fields’ problems to the fields', () => {
    const scenario = { ...defaultScenario(conwayFields), values: values({ org: 'custom' }) };
    const read = conwayExtra.read(new URLSearchParams('org=custom&custom=pADG.sBEH&features=abc'), scenario);
    expect(read.value).toBeNull();
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ param: 'custom' });
    expect(read.problems[0]!.message).toMatch(/are in no team; every person needs a team/);
    expect(conwayParams(scenario.values, read.value).org).toEqual(presetOrg('dev-and-ops'));
  });
});

describe('the Conway narration', () => {
  it('tells one feature as the model does, and a jump over many in one short sentence', () => {
    const params = conwayParams(values());
    const s0 = init(params, 4);
    const s1 = step(s0, { type: 'feature' });
    expect(narrateConway(s0, s1)).toMatch(/^Feature 1 \(/);
    let end = s1;
    while (end.built < 40) end = step(end, { type: 'feature' });
    const text = narrateConway(s1, end)!;
    expect(text).toMatch(/^Built features 2 to 40: \d+ incidents?, \d+ at the dev-ops seam\. All 40 features built: /);
    expect(text.length).toBeLessThan(260);
    expect(narrateConway(end, s0)).toBeNull();
  });
});
