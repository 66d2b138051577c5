// The end of a quarter: headline tiles, the prediction beside what happened, the four keys in their bands, and what to try next.
import { useEffect, useMemo, type RefObject } from 'react';
import { runToEnd } from '../../sim-kit/core/model.ts';
import { adviceFor, batchModel, type BatchState, type RunSummary } from '../../models/batch/index.ts';
import { batchParams, describePolicy, type BatchValues } from '../../schemas/batch-scenario.ts';
import { BANDS_YEAR, KEY_INFO } from '../../models/dora/bands.ts';
import { duration, hours, percent, workingDays } from '../../sim-kit/core/words.ts';
import { learnerRecovery } from './Compare.tsx';
import { BandBadge, Scorecard } from './Scorecard.tsx';
import { PREDICTIONS } from './predictions.ts';

interface Props {
  run: BatchState;
  summary: RunSummary;
  values: BatchValues;
  seed: number;
  prediction: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** Downtime for daily and quarterly deploys on the learner's dice, recovering as the learner did: the answer to the prediction. */
export function predictionCheck(values: BatchValues, seed: number, run: BatchState) {
  const recovery = learnerRecovery(run);
  const down = (policy: 'daily' | 'quarterly') =>
    runToEnd(batchModel, { ...batchParams({ ...values, policy }), recovery }, seed).deploys.reduce((m, d) => m + d.downtimeMinutes, 0);
  const daily = down('daily');
  const quarterly = down('quarterly');
  const answer = Math.abs(daily - quarterly) <= 0.15 * Math.max(daily, quarterly) ? 'same' : daily > quarterly ? 'daily' : 'quarterly';
  return { daily, quarterly, answer };
}

export function Review({ run, summary: s, values, seed, prediction, headingRef }: Props) {
  // The review loads after the run's end can be reached, so it takes focus itself when it appears.
  useEffect(() => headingRef.current?.focus(), [headingRef]);
  const check = useMemo(() => predictionCheck(values, seed, run), [values, seed, run]);
  const guessed = PREDICTIONS.find((p) => p.value === prediction);
  const tiles: Array<[string, string, string]> = [
    ['live', 'Changes in production', `${s.changesDeployed} of ${s.changesReady}`],
    ['lead', 'Lead time (median)', s.medianLeadTimeDays === null ? 'nothing shipped' : workingDays(s.medianLeadTimeDays)],
    ['outages', 'Outages', String(s.failedDeploys)],
    ['downtime', 'Downtime', hours(s.downtimeMinutes)],
    ['restore', 'Time to restore (mean)', s.meanRestoreMinutes === null ? 'no outage' : duration(s.meanRestoreMinutes)],
    ['cfr', 'Deploys that failed', percent(s.changeFailureRate)],
  ];
  const weakest = s.placement.weakest;
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        Quarter over: {describePolicy(values.policy)}
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
          <strong>You predicted:</strong> {guessed.label.toLowerCase()} would spend more hours with production down. <strong>On your dice:</strong> deploying
          every day, {hours(check.daily)} down; once a quarter, {hours(check.quarterly)} down.{' '}
          {check.answer === prediction ? 'Your guess was right.' : 'A surprise? Compare the two policies below.'}
        </p>
      )}
      <p data-weakest>
        {weakest ? (
          <>
            Your weakest key is <strong>{KEY_INFO[weakest].label.toLowerCase()}</strong>, in the <BandBadge band={s.placement.band} /> band of DORA’s{' '}
            {BANDS_YEAR} report: a team is as strong as its weakest key, since the report’s clusters were teams good at all four at once.
          </>
        ) : (
          'Nothing was deployed, so no key can be placed.'
        )}
      </p>
      <Scorecard caption="Your quarter, key by key" summaries={[{ label: 'Your run', summary: s }]} />
      <h4>What to try next</h4>
      <ul>
        {adviceFor(s, run.params).map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </section>
  );
}
