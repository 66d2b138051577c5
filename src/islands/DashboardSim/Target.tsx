// Target one number: the team is told to raise deployment frequency and splits every deploy; the number climbs its bands while the work reaching users stays flat.
import { useEffect, useRef, type RefObject } from 'react';
import type { GameRow } from '../../models/dashboard/index.ts';
import { BANDS_YEAR } from '../../models/dora/bands.ts';
import { dashboardFields, TARGET_ANSWER, TARGET_PREDICTIONS } from '../../sims/dashboard.ts';
import { percent } from '../../sim-kit/core/words.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { FieldInput } from '../../sim-kit/react/FieldInput.tsx';
import { Predict } from '../../sim-kit/react/Predict.tsx';
import { BandBadge } from './Wall.tsx';

const per = (n: number) => (Math.round(n * 100) / 100).toLocaleString('en');

interface Props {
  rows: readonly GameRow[] | null;
  split: number;
  splitLocked: boolean;
  sample: boolean;
  guess: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onGuess: (guess: string) => void;
  onSplit: (split: number) => void;
  onClose: () => void;
}

export function Target({ rows, split, splitLocked, sample, guess, headingRef, onGuess, onSplit, onClose }: Props) {
  const base = rows?.[0];
  const now = rows?.[split - 1];
  const guessed = TARGET_PREDICTIONS.find((p) => p.value === guess);
  // The guess's radio buttons leave the page once it is made: the split slider takes the focus, so a keyboard learner goes on from there.
  const box = useRef<HTMLElement>(null);
  const hadGuess = useRef(guess !== null);
  useEffect(() => {
    if (guess !== null && !hadGuess.current) box.current?.querySelector<HTMLInputElement>('input[type="range"]')?.focus();
    hadGuess.current = guess !== null;
  }, [guess]);
  return (
    <section className="wall-target" ref={box} aria-labelledby="target-heading" data-target={guess ? 'splitting' : 'predicting'}>
      <h3 id="target-heading" ref={headingRef} tabIndex={-1}>
        Target one number: deployment frequency
      </h3>
      <p>
        A manager puts one number on the team’s objectives: raise deployment frequency. The team finds the quick way. It splits every deploy into smaller
        deploys of the same work: the same changes, shipped in more pieces.{' '}
        {sample ? 'This starts from the sample data’s numbers.' : 'This starts from your own runs.'}
      </p>
      {!base || !now ? (
        <p data-no-deploys>Your runs have no deploys to split yet. Play a simulation that deploys, such as batch size, and come back.</p>
      ) : guess === null ? (
        <Predict
          question="if every deploy is split into ten, what happens to the changes that reach users each day?"
          options={TARGET_PREDICTIONS}
          value={null}
          onChange={onGuess}
        />
      ) : (
        <>
          <FieldInput name="split" field={dashboardFields.split} as="slider" value={split} locked={splitLocked} onChange={(v) => onSplit(v as number)} />
          <dl className="sim-stats">
            <div>
              <dt>Deploys a working day</dt>
              <dd data-game="deploys">
                {per(now.deploysPerDay)} <BandBadge band={now.deploymentFrequencyBand} />
              </dd>
            </div>
            <div>
              <dt>Change failure rate</dt>
              <dd data-game="cfr">
                {percent(now.changeFailureRate, 1)} <BandBadge band={now.changeFailureRateBand} />
              </dd>
            </div>
            <div>
              <dt>Changes reaching users a day</dt>
              <dd data-game="changes">{per(now.changesToUsersPerDay)}</dd>
            </div>
          </dl>
          {guessed && (
            <p className="sim-prediction" data-prediction={guess === TARGET_ANSWER ? 'right' : 'wrong'}>
              <strong>You predicted:</strong> {guessed.label.toLowerCase()}. <strong>What happens:</strong> split into {split}, deploys go from{' '}
              {per(base.deploysPerDay)} to {per(now.deploysPerDay)} a working day, and the changes reaching users stay at {per(now.changesToUsersPerDay)} a day.{' '}
              {guess === TARGET_ANSWER ? 'Your guess was right.' : 'A surprise? Splitting changes how the work is counted, not how much of it there is.'}
            </p>
          )}
          <p data-gamed>
            {split === 1 ? (
              'Nothing is split yet: move the slider and watch the two lines.'
            ) : (
              <>
                Deploys a working day rose from {per(base.deploysPerDay)} to {per(now.deploysPerDay)}
                {base.deploymentFrequencyBand !== now.deploymentFrequencyBand && (
                  <>
                    , lifting deployment frequency from the <BandBadge band={base.deploymentFrequencyBand} /> band to the{' '}
                    <BandBadge band={now.deploymentFrequencyBand} /> band
                  </>
                )}
                , and the change failure rate fell from {percent(base.changeFailureRate, 1)} to {percent(now.changeFailureRate, 1)}
                {base.changeFailureRateBand !== now.changeFailureRateBand && (
                  <>
                    {' '}
                    (from the <BandBadge band={base.changeFailureRateBand} /> band to the <BandBadge band={now.changeFailureRateBand} /> band of DORA’s{' '}
                    {BANDS_YEAR} report)
                  </>
                )}
                , because the same failed deploys are now shared among more deploys. Nothing more reached users. Once the number became the target, it stopped
                measuring the work: watch it beside the changes that reach users, and measure teams, not individuals.
              </>
            )}
          </p>
          <Chart
            caption={`Deploys a working day against changes reaching users a day, splitting each deploy into 1 to ${rows!.length}: deploys climb, the work stays flat at ${per(base.changesToUsersPerDay)}.`}
            xDomain={[1, rows!.length]}
            yDomain={[0, Math.max(rows!.at(-1)!.deploysPerDay, base.changesToUsersPerDay) * 1.1 || 1]}
            xLabel="each deploy split into"
            yLabel="a working day"
            height={220}
            legend={
              <>
                <span className="key key-line" aria-hidden="true" /> deploys a working day <span className="key key-line key-dashed" aria-hidden="true" />{' '}
                changes reaching users a day
              </>
            }
            table={
              <DataTable
                caption="What each split gives"
                columns={['Split into', 'Deploys a day', 'Deployment frequency band', 'Change failure rate', 'Changes to users a day']}
                rows={rows!.map((r) => [
                  r.split,
                  per(r.deploysPerDay),
                  r.deploymentFrequencyBand,
                  percent(r.changeFailureRate, 1),
                  per(r.changesToUsersPerDay),
                ])}
              />
            }
          >
            {({ x, y, margin, height }) => (
              <>
                <Line points={rows!.map((r) => [r.split, r.deploysPerDay] as const)} x={x} y={y} />
                <Line points={rows!.map((r) => [r.split, r.changesToUsersPerDay] as const)} x={x} y={y} stroke="var(--fg)" dash="6 4" />
                <line x1={x(split)} x2={x(split)} y1={margin.top} y2={height - margin.bottom} stroke="var(--muted)" strokeDasharray="2 3" />
                <circle cx={x(split)} cy={y(now.deploysPerDay)} r={5} fill="var(--accent)" />
              </>
            )}
          </Chart>
        </>
      )}
      <button type="button" className="button secondary" onClick={onClose}>
        Back to the wall
      </button>
    </section>
  );
}
