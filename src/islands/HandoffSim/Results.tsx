// The end of a run: headline numbers, the prediction beside the answer on the learner's dice, the lead-time histogram, the three ways on the same dice, and the sweep.
import { useMemo, type RefObject } from 'react';
import {
  WAYS,
  compareWays,
  histogram,
  leadTimes,
  simulate,
  summarize,
  type HandoffParams,
  type HandoffState,
  type HandoffSummary,
  type SweepPoint,
} from '../../models/handoff/index.ts';
import { percent } from '../../sim-kit/core/words.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { HandoffSweepRequest } from './handoff.worker.ts';
import { makeHandoffWorker } from './worker.ts';

export const PREDICTIONS = [
  { value: 'fast', label: 'Every team twice as fast' },
  { value: 'small', label: 'Handing off one item at a time' },
  { value: 'same', label: 'About the same' },
] as const;

const d = (n: number | null, none = 'none yet') => (n === null ? none : `${Math.round(n)}`);

/** Median lead time in waterfall on the learner's dice and other settings, for the two answers to the prediction, and which helps more (within 10% is "about the same"). */
export function predictionCheck(params: HandoffParams, seed: number) {
  const lead = (p: HandoffParams) => summarize(simulate(p, seed)).leadMedian ?? Infinity;
  const waterfall = { ...params, ...WAYS.waterfall, speed: 1 };
  const fast = lead({ ...waterfall, speed: 2 });
  const small = lead({ ...waterfall, batch: 1 });
  const answer = Math.abs(fast - small) <= 0.1 * Math.max(fast, small) ? 'same' : fast < small ? 'fast' : 'small';
  return { fast, small, answer };
}

/** The headline tiles of one summary, as label and value. */
export function tiles(s: HandoffSummary): Array<[string, string, string]> {
  return [
    ['lead', 'Lead time, median', `${d(s.leadMedian)} working days`],
    ['spread', 'Middle half of lead times', s.leadP25 === null ? 'none yet' : `${d(s.leadP25)} to ${d(s.leadP75)} days`],
    ['flow', 'Flow efficiency', s.flowEfficiency === null ? 'none yet' : percent(s.flowEfficiency)],
    ['first-live', 'First item live', s.firstLiveDay === null ? 'none yet' : `day ${d(s.firstLiveDay)}`],
    ['feedback', 'First production feedback', s.firstFeedbackDay === null ? 'none yet' : `day ${d(s.firstFeedbackDay)}`],
    ['laps', 'Rework laps (QA to Engineering)', String(s.reworkLaps)],
    ['door', 'Most finished items waiting at the door', String(s.doorPeak)],
    ['door-wait', 'Mean wait at the door', s.doorWaitMean === null ? 'none' : `${d(s.doorWaitMean)} days`],
  ];
}

function LeadHistogram({ run }: { run: HandoffState }) {
  const leads = leadTimes(run);
  const width = Math.max(5, Math.ceil(Math.max(1, ...leads) / 12 / 5) * 5);
  const bins = histogram(leads, width);
  const top = Math.max(1, ...bins.map((b) => b.count));
  const s = summarize(run);
  return (
    <Chart
      caption={`Lead times of your ${leads.length} items, in bins of ${width} working days: median ${d(s.leadMedian)}, middle half ${d(s.leadP25)} to ${d(s.leadP75)} days.`}
      xDomain={[0, bins.length * width]}
      yDomain={[0, top]}
      yTicks={top <= 5 ? Array.from({ length: top + 1 }, (_, i) => i) : undefined}
      xLabel="Lead time (working days, idea to live)"
      yLabel="items"
      height={200}
      table={<DataTable caption="Items per lead-time bin" columns={['Lead time (days)', 'Items']} rows={bins.map((b) => [`${b.from} to ${b.to}`, b.count])} />}
    >
      {({ x, y }) => (
        <>
          {bins.map((b) => (
            <rect key={b.from} x={x(b.from) + 1} width={Math.max(1, x(b.to) - x(b.from) - 2)} y={y(b.count)} height={y(0) - y(b.count)} fill="var(--accent)" />
          ))}
        </>
      )}
    </Chart>
  );
}

interface ReviewProps {
  run: HandoffState;
  params: HandoffParams;
  seed: number;
  heading: string;
  prediction: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Review({ run, params, seed, heading, prediction, headingRef }: ReviewProps) {
  const s = summarize(run);
  const check = useMemo(() => predictionCheck(params, seed), [params, seed]);
  const guessed = PREDICTIONS.find((p) => p.value === prediction);
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {run.capped && <p>The run stopped at its time limit with {s.items - s.live} items still not live: these numbers cover only the live ones.</p>}
      <dl className="sim-stats sim-tiles">
        {tiles(s).map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-tile={key}>{value}</dd>
          </div>
        ))}
      </dl>
      {guessed && (
        <p className="sim-prediction" data-prediction={check.answer === prediction ? 'right' : 'wrong'}>
          <strong>You predicted:</strong>{' '}
          {prediction === 'same' ? 'both would help lead time about the same' : `${guessed.label.toLowerCase()} would help lead time more`}.{' '}
          <strong>On your dice, in waterfall:</strong> with every team twice as fast, the median lead time is {d(check.fast)} working days; handing off one item
          at a time, {d(check.small)}.{' '}
          {check.answer === prediction ? 'Your guess was right.' : 'A surprise? The same dice under each way of working are below.'}
        </p>
      )}
      <p>
        Flow efficiency is the share of lead time in which someone was working on an item:{' '}
        {s.flowEfficiency === null ? 'none went live' : percent(s.flowEfficiency)} here. The rest was waiting: for a team busy with other work, for batch mates,
        and at the door to Release for the next release.
      </p>
      <LeadHistogram run={run} />
    </section>
  );
}

const WAY_LABELS = { waterfall: 'Waterfall', agile: 'Agile', devops: 'DevOps' } as const;

export function Compare({ params, seed }: { params: HandoffParams; seed: number }) {
  const ways = useMemo(() => compareWays(params, seed), [params, seed]);
  const entries = (Object.keys(WAY_LABELS) as Array<keyof typeof WAY_LABELS>).map((w) => [w, ways[w]] as const);
  return (
    <section className="sim-compare" aria-labelledby="compare-heading">
      <h4 id="compare-heading">Same dice, three ways of working</h4>
      <p>
        The same ideas, arriving on the same days with the same defects and misunderstandings (seed {seed}), and your other settings. Only the handoff batch and
        the release cadence change, so every difference is the way of working, not luck.
      </p>
      <p data-compare-verdict>
        {entries.map(([w, s]) => `${WAY_LABELS[w]}: median lead time ${d(s.leadMedian)} days, first feedback on day ${d(s.firstFeedbackDay)}.`).join(' ')}
      </p>
      <table className="scorecard" data-compare>
        <caption>The three ways of working on your dice</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {entries.map(([w]) => (
              <th scope="col" key={w}>
                {WAY_LABELS[w]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tiles(ways.waterfall).map(([key, label], row) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {entries.map(([w, s]) => (
                <td key={w}>{tiles(s)[row]![2]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export const SWEEP_SIZES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20];
export const SWEEP_SEEDS = 50;

export function Sweep({ params }: { params: HandoffParams }) {
  const request: HandoffSweepRequest = { params, sizes: SWEEP_SIZES, seeds: Array.from({ length: SWEEP_SEEDS }, (_, i) => i + 1) };
  const result = useWorkerQuery<HandoffSweepRequest, SweepPoint[]>(makeHandoffWorker, request, JSON.stringify(params), { timeout: 30_000 });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Running every handoff batch size on ${SWEEP_SEEDS} different sets of dice…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const points = result.data;
  const top = Math.max(1, ...points.map((p) => p.p75));
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Median lead time against the number of items handed on together, over ${SWEEP_SEEDS} sets of dice with your other settings: ${d(first.median)} working days one at a time, ${d(last.median)} in batches of ${last.batch}. The band spans the middle half of the runs.`}
        xDomain={[0, last.batch]}
        yDomain={[0, Math.ceil(top / 10) * 10]}
        xLabel="Items per handoff"
        yLabel="working days"
        table={
          <DataTable
            caption="Lead time at each handoff batch size, across the same dice"
            columns={['Items per handoff', 'Median lead time (days)', 'Middle half (days)']}
            rows={points.map((p) => [p.batch, d(p.median), `${d(p.p25)} to ${d(p.p75)}`])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <path
              d={`M${points.map((p) => `${x(p.batch)},${y(p.p75)}`).join('L')}L${points
                .slice()
                .reverse()
                .map((p) => `${x(p.batch)},${y(p.p25)}`)
                .join('L')}Z`}
              fill="var(--accent)"
              opacity="0.18"
            />
            <Line points={points.map((p) => [p.batch, p.median] as const)} x={x} y={y} />
            {points.map((p) => (
              <circle key={p.batch} cx={x(p.batch)} cy={y(p.median)} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
    </div>
  );
}
