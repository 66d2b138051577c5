// The end of a quarter: headline numbers, the prediction beside what happened, what it means, and the same dice fixed all by hand or all in the configuration.
import { useMemo, type RefObject } from 'react';
import { sameDice } from '../../sim-kit/core/model.ts';
import { formatMinutes, model, summarize, type DriftSummary } from '../../models/drift/index.ts';
import { driftParams, type DriftValues } from '../../schemas/drift-scenario.ts';
import { hours, plural } from '../../sim-kit/core/words.ts';
import { RunStats, CompareTable } from '../../sim-kit/react/SimParts.tsx';

export const PREDICTIONS = [
  { value: 'hand', label: 'Fixing every event by hand on its one server' },
  { value: 'code', label: 'Changing the versioned configuration every time' },
  { value: 'same', label: 'About the same' },
] as const;

/** The same quarter played all by hand and all in the configuration: the answer to the prediction (which costs more in all). */
export function predictionCheck(values: DriftValues, seed: number) {
  const params = driftParams(values);
  const [hand, code] = sameDice(model, { ...params, policy: 'hand' }, { ...params, policy: 'code' }, seed).map(summarize) as [DriftSummary, DriftSummary];
  const answer =
    Math.abs(hand.totalMinutes - code.totalMinutes) <= 0.15 * Math.max(hand.totalMinutes, code.totalMinutes)
      ? 'same'
      : hand.totalMinutes > code.totalMinutes
        ? 'hand'
        : 'code';
  return { hand, code, answer };
}

const ROWS: Array<[string, (s: DriftSummary) => string]> = [
  ['Fixes by hand / in the configuration', (s) => `${s.handFixes} / ${s.codeFixes}`],
  ['Minutes per fix (mean)', (s) => (s.minutesPerFix === null ? 'no fix' : String(Math.round(s.minutesPerFix)))],
  ['Configurations at the end', (s) => String(s.configurations)],
  ['“Works here, fails there” incidents', (s) => String(s.incidents)],
  ['Rebuilds after a dead disk', (s) => `${s.rebuilds} (${formatMinutes(s.rebuildMinutes)})`],
  ['Worst rebuild now', (s) => formatMinutes(s.worstRebuildMinutes)],
  ['Faulty fixes found', (s) => `${s.faults} (${formatMinutes(s.faultMinutes)})`],
  ['Team time in all', (s) => hours(s.totalMinutes)],
];

interface Props {
  summary: DriftSummary;
  values: DriftValues;
  seed: number;
  prediction: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Review({ summary: s, values, seed, prediction, headingRef }: Props) {
  const check = useMemo(() => predictionCheck(values, seed), [values, seed]);
  const guessed = PREDICTIONS.find((p) => p.value === prediction);
  const tiles: Array<[string, string, string]> = [
    ['minutes', 'Team time', hours(s.totalMinutes)],
    ['per-fix', 'Minutes per fix', s.minutesPerFix === null ? 'no fix' : String(Math.round(s.minutesPerFix))],
    ['configs', 'Configurations', `${s.configurations} (most ${s.maxConfigurations})`],
    ['incidents', '“Works here, fails there”', String(s.incidents)],
    ['rebuild', 'Worst rebuild', formatMinutes(s.worstRebuildMinutes)],
    ['reverts', 'Reverts', String(s.reverts)],
  ];
  const columns = [
    { label: 'Your quarter', summary: s },
    { label: 'All by hand', summary: check.hand },
    { label: 'All in the configuration', summary: check.code },
  ];
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        Quarter over: {plural(s.handFixes, 'fix', 'fixes')} by hand, {s.codeFixes} in the configuration
      </h3>
      <RunStats stats={tiles} tag="tile" />
      {guessed && (
        <p className="sim-prediction" data-prediction={check.answer === prediction ? 'right' : 'wrong'}>
          <strong>You predicted:</strong>{' '}
          {guessed.value === 'same'
            ? 'both ways would cost about the same over the quarter'
            : `${guessed.label.toLowerCase()} would cost more over the quarter`}
          . <strong>On your dice:</strong> all by hand, {hours(check.hand.totalMinutes)} of team time; all in the configuration,{' '}
          {hours(check.code.totalMinutes)}. {check.answer === prediction ? 'Your guess was right.' : 'A surprise? The table below shows where the time went.'}
        </p>
      )}
      <p data-explain>
        Each hand fix was quicker on the day ({check.hand.minutesPerFix === null ? '' : `${Math.round(check.hand.minutesPerFix)} minutes`} against{' '}
        {check.code.minutesPerFix === null ? '' : `${Math.round(check.code.minutesPerFix)}`}), but it left one server different and unrecorded. Those
        differences came back as “works on one server, fails on another” incidents, slower rebuilds after a dead disk, and faulty fixes undone by hand. The
        reviewed change costs more each time and nothing afterwards, and a faulty one goes back in one step. That is what “source control everything” buys.
      </p>
      <section className="sim-compare" aria-labelledby="compare-heading">
        <h4 id="compare-heading">Same dice, three ways</h4>
        <p>The same events, fix times and faults (seed {seed}), fixed your way, all by hand and all in the configuration. Any gap is the choice, not luck.</p>
        <CompareTable caption="Your quarter beside both policies on the same dice" columns={columns} rows={ROWS} />
      </section>
    </section>
  );
}
