// The end of a run: headline numbers, the prediction beside what happened, caught and shipped defects by kind, the escape rate carried into the batch sim, and the same dice under every preset.
import type { RefObject } from 'react';
import { runToEnd } from '../../sim-kit/core/model.ts';
import { KINDS, model, summarize, table, type Kind, type TestsState, type TestsSummary } from '../../models/tests/index.ts';
import { PRESETS, testsParams, type TestsValues } from '../../schemas/tests-scenario.ts';
import { batchHref } from '../../sims/tests.ts';
import { percent, plural } from '../../sim-kit/core/words.ts';
import { DataTable } from '../../sim-kit/react/charts.tsx';
import { shortMinutes } from './Portfolio.tsx';
import { RunStats, CompareTable } from '../../sim-kit/react/SimParts.tsx';

export const PREDICTIONS = [
  { value: 'cone', label: 'The ice-cream cone: mostly user interface and system tests' },
  { value: 'pyramid', label: 'The pyramid: mostly unit tests' },
  { value: 'same', label: 'About the same' },
] as const;

export const PRESET_LABELS = { pyramid: 'Pyramid', 'ice-cream-cone': 'Ice-cream cone', hourglass: 'Hourglass' } as const;
type PresetName = keyof typeof PRESET_LABELS;

/** Every preset left to the team (reds trusted as recent reds earned), on the learner's dice and settings. */
export function presetRuns(values: TestsValues, seed: number): Record<PresetName, TestsSummary> {
  const names = Object.keys(PRESETS) as PresetName[];
  return Object.fromEntries(names.map((preset) => [preset, summarize(runToEnd(model, testsParams({ ...values, preset }), seed))])) as Record<
    PresetName,
    TestsSummary
  >;
}

/** The answer to the prediction on these dice: which of the cone and the pyramid shipped more defects (within one is about the same). */
export function predictionAnswer(runs: Record<PresetName, TestsSummary>): 'cone' | 'pyramid' | 'same' {
  const cone = runs['ice-cream-cone'].escaped;
  const pyramid = runs.pyramid.escaped;
  return Math.abs(cone - pyramid) <= 1 ? 'same' : cone > pyramid ? 'cone' : 'pyramid';
}

const KIND_WORDS: Record<Kind, string> = {
  logic: 'Logic (a wrong calculation)',
  contract: 'Contract between services',
  interface: 'Interface (a broken screen)',
  journey: 'Journey (the whole photo-sharing path)',
};
const cap = (k: Kind) => `${k[0]!.toUpperCase()}${k.slice(1)}` as Capitalize<Kind>;

const ROWS: Array<[string, (s: TestsSummary) => string]> = [
  ['Tests: unit, integration, interface, system', (s) => `${s.unitTests}, ${s.integrationTests}, ${s.uiTests}, ${s.systemTests}`],
  ['One run of the suite', (s) => shortMinutes(s.suiteMinutes)],
  ['Pipeline minutes, reruns included', (s) => String(Math.round(s.pipelineMinutes))],
  ['Flaky failures', (s) => String(s.flakyFailures)],
  ['Red builds ignored', (s) => String(s.ignoredReds)],
  ['Defects caught', (s) => String(s.caught)],
  ['Defects shipped', (s) => String(s.escaped)],
  ...KINDS.map((k): [string, (s: TestsSummary) => string] => [`… of them ${k}`, (s) => String(s[`escaped${cap(k)}`])]),
  ['Escape rate', (s) => percent(s.escapeRate, 1)],
];

interface Props {
  run: TestsState;
  summary: TestsSummary;
  values: TestsValues;
  seed: number;
  prediction: string | null;
  runs: Record<PresetName, TestsSummary>;
  base: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Review({ run, summary: s, values, seed, prediction, runs, base, headingRef }: Props) {
  const answer = predictionAnswer(runs);
  const guessed = PREDICTIONS.find((p) => p.value === prediction);
  const cone = runs['ice-cream-cone'];
  const pyramid = runs.pyramid;
  const tiles: Array<[string, string, string]> = [
    ['escape', 'Escape rate', percent(s.escapeRate, 1)],
    ['shipped', 'Defects shipped', `${s.escaped} of ${s.defects}`],
    ['suite', 'One run of the suite', shortMinutes(s.suiteMinutes)],
    ['pipeline', 'Pipeline minutes', String(Math.round(s.pipelineMinutes))],
    ['flaky', 'Flaky failures', String(s.flakyFailures)],
    ['ignored', 'Reds ignored', `${s.ignoredReds} (${s.ignoredDefects} real)`],
  ];
  const builds = table(run);
  const columns = [
    { label: 'Your run', summary: s },
    ...(Object.keys(PRESET_LABELS) as PresetName[]).map((p) => ({ label: PRESET_LABELS[p], summary: runs[p] })),
  ];
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        All {run.params.builds} builds done: {plural(s.escaped, 'defect')} shipped, {s.caught} caught
      </h3>
      <RunStats stats={tiles} tag="tile" />
      {guessed && (
        <p className="sim-prediction" data-prediction={answer === prediction ? 'right' : 'wrong'}>
          <strong>You predicted:</strong>{' '}
          {guessed.value === 'same'
            ? 'both portfolios would ship about as many defects'
            : `${guessed.label.split(':')[0]!.toLowerCase()} would ship more defects`}
          . <strong>On your dice,</strong> left to the team: the ice-cream cone shipped {plural(cone.escaped, 'defect')}, the pyramid {pyramid.escaped}.{' '}
          {answer === prediction ? 'Your guess was right.' : 'A surprise? The table below shows where they went.'}
        </p>
      )}
      <p data-explain>
        The same {values.effort} hours buy {cone.unitTests + cone.integrationTests + cone.uiTests + cone.systemTests} tests in the cone and{' '}
        {pyramid.unitTests + pyramid.integrationTests + pyramid.uiTests + pyramid.systemTests} in the pyramid. The cone’s slow tests make every build wait{' '}
        {shortMinutes(cone.suiteMinutes)} instead of {shortMinutes(pyramid.suiteMinutes)}, and they fail for no reason far more often ({cone.flakyFailures}{' '}
        false alarms against {pyramid.flakyFailures}). After a run of false alarms people stop believing reds, so real ones get waved through too. The tests at
        the top earn their place on one kind of defect, the broken journey, which lower tests barely see; a few aimed at the whole journey do that job, so the
        top of the pyramid stays small.
      </p>
      <div className="table-scroll">
        <table className="scorecard" data-kinds>
          <caption>Your run’s defects by kind</caption>
          <thead>
            <tr>
              <th scope="col">Kind of defect</th>
              <th scope="col">Caught</th>
              <th scope="col">Shipped</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((k) => (
              <tr key={k}>
                <th scope="row">{KIND_WORDS[k]}</th>
                <td>{s[`caught${cap(k)}`]}</td>
                <td>{s[`escaped${cap(k)}`]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="carry" data-carry>
        Your escape rate, {percent(s.escapeRate, 1)} of changes shipping with a defect, is what the batch-size simulation calls the chance that a change breaks
        production (its strong suite is 2%, its weak one 8%).{' '}
        <a href={batchHref(base, s)} data-batch-link>
          Play the batch-size simulation with {percent(Math.min(0.5, s.escapeRate), 1)} defective changes
        </a>
        .
      </p>
      <details>
        <summary>Every build as a table</summary>
        <DataTable
          caption="Each build: its defect, the levels that caught it or failed for no reason, and what was done"
          columns={builds.columns}
          rows={builds.rows}
        />
      </details>
      <section className="sim-compare" aria-labelledby="compare-heading">
        <h4 id="compare-heading">Same dice, every shape</h4>
        <p>
          The same {run.params.builds} changes, defects and dice (seed {seed}), tested by each preset portfolio with the same {values.effort} hours. The presets
          are left to the team, which waves reds through as often as recent reds were false; your column kept your own responses. Any gap is the portfolio, not
          luck.
        </p>
        <CompareTable caption="Your run beside the three preset shapes on the same dice" columns={columns} rows={ROWS} />
      </section>
    </section>
  );
}
