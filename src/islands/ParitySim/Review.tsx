// The end of a quarter: headline numbers, the prediction beside what happened, production failures by family, the same dice played two other ways, and each failure's cost.
import { useMemo, type RefObject } from 'react';
import { sameDice } from '../../sim-kit/core/model.ts';
import { FAMILIES, FIX_COST, model, summarize, type ParityState, type ParitySummary } from '../../models/parity/index.ts';
import { parityParams, type ParityValues } from '../../schemas/parity-scenario.ts';
import { duration, hours, list, percent, plural } from '../../sim-kit/core/words.ts';
import { CATCHES_IN, FAMILY_LETTER, FAMILY_NAME, closedWhere, whereMost } from './view.ts';
import { RunStats, CompareTable } from '../../sim-kit/react/SimParts.tsx';

export const PREDICTIONS = [
  { value: 'development', label: "At a developer's desk" },
  { value: 'staging', label: 'In staging, before release' },
  { value: 'production', label: 'In production, after release' },
] as const;

const PLACE: Record<string, string> = { development: "at a developer's desk", staging: 'in staging', production: 'in production' };
const PROD_KEY = { colocation: 'prodColocation', security: 'prodSecurity', library: 'prodLibrary', neighbour: 'prodNeighbour', data: 'prodData' } as const;

/** The same dice played with no gap closed, and with the learner's fixes but a deploy every working day. */
export function sameDiceRuns(values: ParityValues, seed: number): { none: ParitySummary; daily: ParitySummary } {
  const params = parityParams(values);
  const [none, daily] = sameDice(model, { ...params, fixes: [] }, { ...params, every: 1 }, seed).map(summarize) as [ParitySummary, ParitySummary];
  return { none, daily };
}

const ROWS: Array<[string, (s: ParitySummary) => string]> = [
  ['Caught at a desk', (s) => String(s.failedDevelopment)],
  ['Caught in staging', (s) => String(s.failedStaging)],
  ['Failed in production', (s) => String(s.failedProduction)],
  ['Time finding failures', (s) => hours(s.findHours * 60)],
  ['Versions ahead, on average', (s) => s.versionGap.toFixed(1)],
  ['Most versions ahead', (s) => String(s.versionGapMax)],
  ['Deploys', (s) => String(s.deploys)],
  ['Waiting at the end', (s) => String(s.waiting)],
];

interface Props {
  run: ParityState;
  summary: ParitySummary;
  values: ParityValues;
  seed: number;
  prediction: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Review({ run, summary: s, values, seed, prediction, headingRef }: Props) {
  const other = useMemo(() => sameDiceRuns(values, seed), [values, seed]);
  const most = whereMost(s);
  const guessed = PREDICTIONS.find((p) => p.value === prediction);
  const fixes = run.params.fixes;
  const caughtEarly = s.failedDevelopment + s.failedStaging;
  const topFamily = Math.max(1, ...FAMILIES.map((f) => s[PROD_KEY[f]]));
  const failed = run.changes.slice(0, run.arrived).filter((c) => c.failedIn !== null);
  const tiles: Array<[string, string, string]> = [
    ['desk', 'Caught at a desk', String(s.failedDevelopment)],
    ['staging', 'Caught in staging', String(s.failedStaging)],
    ['production', 'Failed in production', String(s.failedProduction)],
    ['share', 'Shipped leaning changes that failed in production', s.productionShare === null ? 'none shipped' : percent(s.productionShare)],
    ['hours', 'Time finding failures', hours(s.findHours * 60)],
    ['gap', 'Versions ahead, on average', s.versionGap.toFixed(1)],
    ['spent', 'Engineer-days spent', `${s.spent} of ${values.budget}`],
  ];
  const columns = [
    { label: 'Your quarter', summary: s },
    { label: 'No gap closed', summary: other.none },
    { label: 'Your fixes, deploying daily', summary: other.daily },
  ];
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        Quarter over: {plural(s.failedProduction, 'failure')} in production, {caughtEarly} caught before
      </h3>
      <RunStats stats={tiles} tag="tile" />
      {guessed && (
        <p className="sim-prediction" data-prediction={most.includes(guessed.value) ? 'right' : 'wrong'}>
          <strong>You predicted:</strong> most changes that lean on a difference would break {PLACE[guessed.value]}. <strong>In your quarter:</strong>{' '}
          {s.failedDevelopment} at a desk, {s.failedStaging} in staging, {s.failedProduction} in production
          {most.length ? `, so most broke ${list(most.map((e) => PLACE[e]!))}` : ', so none broke anywhere'}.{' '}
          {most.includes(guessed.value) ? 'Your guess was right.' : 'A surprise? The board and the table below show why.'}
        </p>
      )}
      <p data-explain>
        A change breaks in the first place where the difference it leans on is gone. With a gap left open, development and staging share that difference with
        each other, so only production can reveal it, and there each find costs a night-time page plus a search through the whole deploy. Each fix you buy moves
        one family of failures earlier, to where a find costs minutes or an hour; the others are untouched. Deploying more often finds nothing earlier, but it
        keeps development close to production&rsquo;s versions and makes each deploy smaller to search.
      </p>
      <div className="table-scroll" role="region" aria-label="Production failures by family, scrollable" tabIndex={0}>
        <table className="scorecard family-table" data-families>
          <caption>Production failures by family of difference</caption>
          <thead>
            <tr>
              <th scope="col">Difference</th>
              <th scope="col">Gap</th>
              <th scope="col">In production</th>
            </tr>
          </thead>
          <tbody>
            {FAMILIES.map((f) => {
              const n = s[PROD_KEY[f]];
              const where = closedWhere(f, fixes);
              return (
                <tr key={f} data-family={f}>
                  <th scope="row">
                    <span className={`token token-${f}`} aria-hidden="true">
                      {FAMILY_LETTER[f]}
                    </span>{' '}
                    {FAMILY_NAME[f]}
                  </th>
                  <td>{where ? `closed: caught ${CATCHES_IN[where]}` : 'open'}</td>
                  <td className="family-count">
                    <span className="bar" aria-hidden="true" style={{ width: `${(n / topFamily) * 4}rem` }} /> {n}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section className="sim-compare" aria-labelledby="compare-heading">
        <h4 id="compare-heading">Same dice, three ways</h4>
        <p>
          The same changes and the same new versions (seed {seed}), played your way, with no gap closed, and with your{' '}
          {fixes.length
            ? `${plural(fixes.length, 'fix', 'fixes')} (${plural(
                fixes.reduce((n, f) => n + FIX_COST[f], 0),
                'engineer-day',
              )})`
            : 'choice of no fix'}{' '}
          but a deploy every working day. Those two deploy on the schedule alone. Any difference between them is the choice, not luck.
        </p>
        <CompareTable caption="Your quarter beside two other choices on the same dice" columns={columns} rows={ROWS} />
      </section>
      <details className="failure-list">
        <summary>Every failure, where it was found and what the find cost ({failed.length})</summary>
        <div className="table-scroll" role="region" aria-label="Every failure, scrollable" tabIndex={0}>
          <table className="scorecard" data-failures>
            <caption>Each change that broke, in the order it was written</caption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Written on day</th>
                <th scope="col">Leaned on</th>
                <th scope="col">Broke in</th>
                <th scope="col">Find cost</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.id + 1}</th>
                  <td>{Math.floor(c.readyAt) + 1}</td>
                  <td>{FAMILY_NAME[c.family]}</td>
                  <td>{c.failedIn}</td>
                  <td>{duration(c.findMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
