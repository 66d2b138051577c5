// The risk curve: the closed form, Monte Carlo estimates from the worker (with an error and the formula as fallback), and the learner's deploys on it.
import { closedFormCurve, failureProbability, type Deploy, type RiskPoint } from '../../models/batch/index.ts';
import { percent, plural } from '../../sim-kit/core/words.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { BatchWorkerRequest } from './risk.worker.ts';
import { makeBatchWorker } from './worker.ts';

export const MONTE_CARLO_TRIALS = 10_000;

interface Props {
  p: number;
  seed: number;
  deploys: readonly Deploy[];
}

export function RiskChart({ p, seed, deploys }: Props) {
  const largest = deploys.reduce((m, d) => Math.max(m, d.changeIds.length), 0);
  const maxSize = Math.max(100, Math.ceil(largest / 50) * 50);
  const request: BatchWorkerRequest = { kind: 'risk', p, maxSize: Math.min(maxSize, 100), trials: MONTE_CARLO_TRIALS, seed };
  const result = useWorkerQuery<BatchWorkerRequest, RiskPoint[]>(makeBatchWorker, request, `${p}/${request.maxSize}/${seed}`);
  const monteCarlo = result.status === 'done' ? result.data : null;
  const sample = [1, 5, 20, 60, 100];
  const mine = deploys.length
    ? `Your ${plural(deploys.length, 'deploy')} carried ${Math.min(...deploys.map((d) => d.changeIds.length))} to ${largest} changes; ${deploys.filter((d) => d.failed).length} failed.`
    : 'Your deploys appear on the curve as you ship.';
  return (
    <Chart
      caption={
        <>
          <strong>Chance that a deploy breaks production, by its size.</strong> With {percent(p, 1)} of changes defective:{' '}
          {sample.map((n) => `${plural(n, 'change')} ${percent(failureProbability(p, n), 1)}`).join(', ')}. {mine}
        </>
      }
      xDomain={[1, maxSize]}
      yDomain={[0, 1]}
      formatY={(t) => percent(t)}
      xLabel="Changes in one deploy"
      legend={
        <>
          <span className="key key-line" aria-hidden="true" /> the formula 1 − (1 − p)<sup>n</sup> <span className="key key-square" aria-hidden="true" />{' '}
          <span data-monte-carlo={result.status}>
            {result.status === 'done'
              ? `simulated: ${MONTE_CARLO_TRIALS.toLocaleString('en')} deploys per size`
              : result.status === 'pending'
                ? 'simulating…'
                : `the simulated points could not be computed (${result.reason}); the line is the exact formula`}
          </span>{' '}
          <span className="key key-ok" aria-hidden="true" /> your deploy, fine <span className="key key-bad" aria-hidden="true" /> your deploy, outage
        </>
      }
      table={
        <DataTable
          caption="Chance that a deploy fails, by size"
          columns={['Changes', 'Formula', 'Simulated']}
          rows={[1, 2, 5, 10, 20, 40, 60, 80, 100].map((n) => [
            n,
            percent(failureProbability(p, n), 1),
            monteCarlo?.[n - 1] ? percent(monteCarlo[n - 1]!.monteCarlo, 1) : result.status === 'failed' ? 'not available' : '…',
          ])}
        />
      }
    >
      {({ x, y }) => (
        <>
          <Line points={closedFormCurve(p, maxSize)} x={x} y={y} />
          {monteCarlo
            ?.filter((pt) => pt.size % 3 === 1)
            .map((pt) => (
              <rect key={pt.size} x={x(pt.size) - 3} y={y(pt.monteCarlo) - 3} width="6" height="6" fill="var(--fg)" />
            ))}
          {deploys.map((d) => {
            const cx = x(d.changeIds.length);
            const cy = y(failureProbability(p, d.changeIds.length));
            return d.failed ? (
              <path key={d.id} d={`M${cx},${cy - 8} L${cx + 7},${cy + 5} L${cx - 7},${cy + 5} Z`} fill="var(--bad)" stroke="var(--surface)" />
            ) : (
              <circle key={d.id} cx={cx} cy={cy} r="6" fill="none" stroke="var(--ok)" strokeWidth="2.5" />
            );
          })}
        </>
      )}
    </Chart>
  );
}
