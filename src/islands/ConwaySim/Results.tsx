// After a run: the review (headline tiles, the prediction beside what happened, why), the same dice under another organisation, and the sweep over many seeds.
import { useMemo, useState, type RefObject } from 'react';
import { runToEnd } from '../../sim-kit/core/model.ts';
import { percent } from '../../sim-kit/core/words.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import { model, PRESETS, summarize, type ConwayState, type ConwaySummary, type ConwaySweepRow, type Org, type OrgPreset } from '../../models/conway/index.ts';
import { conwayParams, type ConwayValues } from '../../schemas/conway-scenario.ts';
import type { ConwayWorkerRequest } from './sweep.worker.ts';
import { makeConwayWorker } from './worker.ts';
import { predictionCheck, PREDICTIONS } from './words.ts';

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
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Review({ summary: s, values, seed, prediction, heading, headingRef }: ReviewProps) {
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
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
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
          <strong>You predicted:</strong> most incidents start {guessed.label.charAt(0).toLowerCase() + guessed.label.slice(1)}.{' '}
          <strong>On your dice,</strong> with product teams and operations apart behind tickets: {check.devops} incidents where developers hand over to
          operations, {check.other} between product teams, so the answer is “{answer.label.toLowerCase()}”. In your run: {s.devopsIncidents} and{' '}
          {s.otherIncidents}. {check.answer === prediction ? 'Your guess was right.' : 'A surprise? Look at the seams list above and compare below.'}
        </p>
      )}
      <p>
        You ship your org chart. Each team’s work became a module, so the system split where the teams split. Where two teams talked every day the seam was an
        interface they agreed; through tickets or not at all, it was a place nobody owned, and the incidents gathered there, above all where developers handed
        over to operations. Melvin Conway observed this in 1968; the inverse Conway manoeuvre uses it on purpose, shaping the teams for the system you want.
      </p>
    </section>
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

export const SWEEP_SEEDS = 100;

/** The top rung: for the learner's teams, incidents as more pairs of teams talk daily; and each named organisation; over many seeds, in a worker. */
export function Sweep({ values, org }: { values: ConwayValues; org: Org }) {
  const request: ConwayWorkerRequest = { values, org, seeds: SWEEP_SEEDS };
  const result = useWorkerQuery<ConwayWorkerRequest, { talk: ConwaySweepRow[]; orgs: ConwaySweepRow[] }>(makeConwayWorker, request, JSON.stringify(request), {
    timeout: 30_000,
  });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Building the same features on ${SWEEP_SEEDS} sets of dice for every organisation…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const { talk, orgs } = result.data;
  const top = Math.ceil(Math.max(1, ...talk.map((r) => r.incidents)));
  const last = talk.length - 1;
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Your teams at the start, with more and more pairs of them talking every day (the rest not at all), averaged over ${SWEEP_SEEDS} sets of dice: ${tenth(talk[0]!.incidents)} incidents when no pair talks, ${tenth(talk[last]!.incidents)} when all ${last} pairs do.`}
        xDomain={[0, last]}
        yDomain={[0, top]}
        xTicks={talk.map((_, i) => i)}
        xLabel="Pairs of teams that talk every day"
        yLabel="incidents per run (mean)"
        table={
          <DataTable
            caption="Incidents and waiting as more pairs talk"
            columns={['Pairs talking daily', 'Incidents', 'Dev-ops incidents', 'Seams with no conversation', 'Days waiting per feature']}
            rows={talk.map((r) => [r.talkingPairs, tenth(r.incidents), tenth(r.devopsIncidents), tenth(r.silentSeams), tenth(r.delayDays)])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <Line points={talk.map((r, i) => [i, r.incidents] as const)} x={x} y={y} />
            {talk.map((r, i) => (
              <circle key={i} cx={x(i)} cy={y(r.incidents)} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
      <DataTable
        caption={`Each named organisation on the same ${SWEEP_SEEDS} sets of dice (means per run)`}
        columns={['Organisation', 'Teams per feature', 'Days waiting per feature', 'Incidents', 'Dev-ops incidents']}
        rows={orgs.map((r) => [r.label, tenth(r.teamsPerFeature), tenth(r.delayDays), tenth(r.incidents), tenth(r.devopsIncidents)])}
      />
    </div>
  );
}
