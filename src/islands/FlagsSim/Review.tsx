// The end of the day: headline numbers, the prediction beside the answer on the learner's dice, which stage caught which kind, the gap against before-and-after, and the same dice shipped four ways.
import { useEffect, useMemo, type RefObject } from 'react';
import { blastRadius, catchTable, estimates, summarize, trueEffect, type FlagsParams, type FlagsState, type FlagsSummary } from '../../models/flags/index.ts';
import { PREDICTIONS, predictionAnswer } from './analysis.ts';
import { COMPARE_ROWS, WAYS, loadFound, sameDiceWays } from './compare.ts';
import { RunStats, CompareTable } from '../../sim-kit/react/SimParts.tsx';

const pts = (x: number | null) => (x === null ? 'no data' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} points`);
const KIND_WORDS: Record<string, string> = { logic: 'Logic', contract: 'Contract', performance: 'Load', ux: 'User experience' };

interface Props {
  run: FlagsState;
  params: FlagsParams;
  seed: number;
  prediction: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Review({ run, params, seed, prediction, headingRef }: Props) {
  // Loaded on demand, the review may arrive after the review began: its heading takes focus as it appears.
  useEffect(() => headingRef.current?.focus(), [headingRef]);
  const s = summarize(run);
  const ways = useMemo(() => sameDiceWays(params, seed), [params, seed]);
  const fullHurt = blastRadius(ways.full);
  const fiveHurt = blastRadius(ways.five);
  const answer = predictionAnswer(fiveHurt, fullHurt);
  const guessed = PREDICTIONS.find((p) => p.value === prediction);
  const { gap, gapSE, naive } = estimates(run);
  const effect = trueEffect(run);
  const catches = catchTable(run);
  const hurt = Math.round(blastRadius(run));
  const tiles: Array<[string, string, string]> = [
    ['hurt', 'Users hurt (blast radius)', String(hurt)],
    ['exposed', 'Users who saw the feature', (s.usersExposed ?? 0).toLocaleString('en')],
    ['load', 'Peak database load', `${Math.round(s.peakDbLoadPercent ?? 0)}%`],
    ['escaped', 'Problems past the pipeline', `${s.escaped} of ${s.problems}`],
    ['found', 'Load problem found', loadFound(run, s)],
    ['alerts', 'Alerts (false alarms)', `${run.alerts.length} (${s.falseAlarms})`],
  ];
  const columns: Array<{ label: string; end: FlagsState; summary: FlagsSummary }> = [
    { label: 'Your day', end: run, summary: s },
    ...WAYS.map((w) => ({ label: w.label, end: ways[w.key], summary: summarize(ways[w.key]) })),
  ];
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        Day over: {hurt === 1 ? '1 user' : `${hurt} users`} hurt, feature on for {s.finalRolloutPercent}%
      </h3>
      <RunStats stats={tiles} tag="tile" />
      {guessed && (
        <p className="sim-prediction" data-prediction={answer === null ? 'none' : answer === prediction ? 'right' : 'wrong'}>
          <strong>You predicted:</strong> a 5% rollout with a kill switch hurts {guessed.label.charAt(0).toLowerCase() + guessed.label.slice(1)}, compared with
          a full release. <strong>On your dice:</strong> the full release hurt {Math.round(fullHurt)} users and the 5% rollout {Math.round(fiveHurt)}.{' '}
          {answer === null
            ? 'Nothing that reached production hurt users in a full release today, so the dice cannot settle it: try New dice or seed 2026.'
            : answer === prediction
              ? 'Your guess was right.'
              : 'A surprise? The small group trips the alarms while few people are on the new code, and the kill switch acts before the database fills up.'}
        </p>
      )}
      <p data-explain>
        Deploying is not releasing: every commit that passed the pipeline was in production all day, and the flag decided who met it. A small rollout or a dark
        launch puts the new code under real traffic while few or no users depend on it, so monitoring can see a problem before it reaches everyone, and the kill
        switch ends it within the minute. A dark launch does not always find the load problem: on a day that also hides a logic or contract error, that error
        usually trips the alarm first, and the kill switch ends the dark launch before enough requests have shown the load.
      </p>
      <div className="table-scroll">
        <table className="scorecard" data-catches>
          <caption>Which stage caught which kind of problem today</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {catches.columns.slice(1).map((k) => (
                <th scope="col" key={k}>
                  {KIND_WORDS[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {catches.rows.slice(1).map((row) => (
              <tr key={row[0]}>
                <th scope="row">{row[0]}</th>
                {row.slice(1).map((n, i) => (
                  <td key={i}>{n}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-gap-verdict>
        <strong>Only the gap belongs to the feature.</strong>{' '}
        {gap === null || gapSE === null
          ? 'Today had no control group running beside the feature, so nothing isolates its effect: any before-and-after change mixes the feature with the spike and everything else that moved.'
          : `The new group converted ${pts(gap)} against the control group (95% band ±${(1.96 * gapSE * 100).toFixed(2)}). Comparing with the time before the release instead says ${pts(naive)}, because the traffic spike moved both groups. The feature's true effect on these dice was ${pts(effect)}.`}
      </p>
      <section className="sim-compare" aria-labelledby="compare-heading">
        <h4 id="compare-heading">Same dice, four ways to ship</h4>
        <p>
          The same commits, the same hidden problems, the same spike and the same users (seed {seed}), shipped four ways by an on-call who presses the kill
          switch (or rolls back) at the first alert. Any difference is the way of shipping, not luck.
        </p>
        <CompareTable
          caption="Your day beside four ways of shipping the same build"
          columns={columns.map((c) => ({ label: c.label, summary: c }))}
          rows={COMPARE_ROWS.map(([label, read]) => [label, (c: (typeof columns)[number]) => read(c.end, c.summary)] as const)}
        />
      </section>
    </section>
  );
}
