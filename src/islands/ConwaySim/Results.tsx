// After a run, loaded once the island is live (not counted in the page's first load): the review (headline tiles, the prediction beside what happened, why) and the same dice under another organisation.
import { useMemo, useState } from 'react';
import { runToEnd } from '../../sim-kit/core/model.ts';
import { percent } from '../../sim-kit/core/words.ts';
import { model, PRESETS, summarize, type ConwayState, type ConwaySummary, type OrgPreset } from '../../models/conway/index.ts';
import { conwayParams, type ConwayValues } from '../../schemas/conway-scenario.ts';
import { predictionCheck } from './run-words.ts';
import { PREDICTIONS } from './words.ts';

const tenth = (n: number | null) => (n === null ? '–' : (Math.round(n * 10) / 10).toLocaleString('en'));

/** The rows of the comparison and the review, measure by measure. */
const MEASURES: Array<[string, (s: ConwaySummary) => string]> = [
  ['Teams per feature', (s) => tenth(s.teamsPerFeature)],
  ['Days waiting on other teams, per feature', (s) => tenth(s.delayDays)],
  ['Days per feature', (s) => tenth(s.leadDays)],
  ['Incidents at the dev-ops seam', (s) => String(s.devopsIncidents)],
  ['Incidents at other seams', (s) => String(s.otherIncidents)],
  ['Modules', (s) => String(s.modules)],
  ['System in one-area modules', (s) => (s.verticalShare === null ? '–' : percent(s.verticalShare))],
];

interface ReviewProps {
  summary: ConwaySummary;
  values: ConwayValues;
  seed: number;
  prediction: string | null;
}

/** The review's body (the island draws its heading, so focus lands on it even before this part has loaded). */
export function Review({ summary: s, values, seed, prediction }: ReviewProps) {
  const check = useMemo(() => predictionCheck(values, seed), [values, seed]);
  const guessed = PREDICTIONS.find((p) => p.value === prediction);
  const answer = PREDICTIONS.find((p) => p.value === check.answer)!;
  const tiles: Array<[string, string, string]> = [
    ['teams', 'Teams per feature', tenth(s.teamsPerFeature)],
    ['wait', 'Waiting per feature', `${tenth(s.delayDays)} days`],
    ['lead', 'Days per feature', tenth(s.leadDays)],
    ['devops', 'Dev-ops incidents', String(s.devopsIncidents)],
    ['other', 'Other incidents', String(s.otherIncidents)],
    ['vertical', 'System in one-area modules', s.verticalShare === null ? '–' : percent(s.verticalShare)],
  ];
  return (
    <>
      <dl className="sim-stats sim-tiles">
        {tiles.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-tile={key}>{value}</dd>
          </div>
        ))}
      </dl>
      {guessed && (
        <p className="sim-prediction" data-prediction={check.answer === prediction ? 'right' : 'wrong'}>
          <strong>You predicted:</strong> most incidents start {guessed.label.charAt(0).toLowerCase() + guessed.label.slice(1)}. <strong>On your dice,</strong>{' '}
          with product teams and operations apart behind tickets: {check.devops} incidents where developers hand over to operations, {check.other} between
          product teams, so the answer is “{answer.label.toLowerCase()}”. In your run: {s.devopsIncidents} and {s.otherIncidents}.{' '}
          {check.answer === prediction ? 'Your guess was right.' : 'A surprise? Look at the seams list above and compare below.'}
        </p>
      )}
      <p>
        You ship your org chart. Each team’s work became a module, so the system split where the teams split. Where two teams talked every day the seam was an
        interface they agreed; through tickets or not at all, it was a place nobody owned, and the incidents gathered there, above all where developers handed
        over to operations. Melvin Conway observed this in 1968; the inverse Conway manoeuvre uses it on purpose, shaping the teams for the system you want.
      </p>
    </>
  );
}

const PRESET_KEYS = Object.keys(PRESETS) as OrgPreset[];

/** Same dice, another organisation: the same features, work and luck, built by other teams. Column A is the run just played. */
export function Compare({ values, seed, played }: { values: ConwayValues; seed: number; played: ConwayState }) {
  const [other, setOther] = useState<OrgPreset>(values.org === 'devops-teams' ? 'silos' : 'devops-teams');
  const b = useMemo(() => runToEnd(model, conwayParams({ ...values, org: other }), seed), [values, other, seed]);
  const a = summarize(played);
  const sb = summarize(b);
  return (
    <section className="sim-compare" aria-labelledby="compare-heading">
      <h4 id="compare-heading">Same dice, another organisation</h4>
      <p>
        B builds exactly your features, with the same work and the same luck at every seam (seed {seed}). Only the teams and who talks to whom differ, so any
        gap is the organisation, not luck.
      </p>
      <label className="compare-pick">
        Compare with{' '}
        <select value={other} onChange={(e) => setOther(e.target.value as OrgPreset)}>
          {PRESET_KEYS.map((p) => (
            <option key={p} value={p}>
              {PRESETS[p].label}
            </option>
          ))}
        </select>
      </label>
      <table className="scorecard" data-compare>
        <caption>Your run against {PRESETS[other].label.toLowerCase()}, on the same dice</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">A: your run</th>
            <th scope="col">B: {PRESETS[other].label}</th>
          </tr>
        </thead>
        <tbody>
          {MEASURES.map(([label, read]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{read(a)}</td>
              <td>{read(sb)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
