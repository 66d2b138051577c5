// The top rung: downtime against the deploy interval over many seeds, computed in the worker, with its table.
import { SWEEP_POLICIES, type BatchParams, type SweepPoint } from '../../models/batch/index.ts';
import { percent, workingDays } from '../../sim-kit/core/words.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { BatchWorkerRequest } from './risk.worker.ts';
import { makeBatchWorker } from './worker.ts';

export const SWEEP_SEEDS = 100;

export function Sweep({ params }: { params: BatchParams }) {
  const request: BatchWorkerRequest = { kind: 'sweep', params, seeds: SWEEP_SEEDS, firstSeed: 1 };
  const result = useWorkerQuery<BatchWorkerRequest, SweepPoint[]>(makeBatchWorker, request, JSON.stringify(params), { timeout: 30_000 });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Running every deploy interval on ${SWEEP_SEEDS} different sets of dice…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const points = result.data;
  const top = Math.max(1, ...points.map((p) => p.downtime[2]));
  const best = points.reduce((a, p) => (p.downtime[1] < a.downtime[1] ? p : a));
  const worst = points.reduce((a, p) => (p.downtime[1] > a.downtime[1] ? p : a));
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Downtime in a quarter against how often the team deploys, over ${SWEEP_SEEDS} sets of dice: median ${best.downtime[1].toFixed(1)} hours for ${best.label} against ${worst.downtime[1].toFixed(1)} hours for ${worst.label}. The band spans the middle half of the runs.`}
        xDomain={[0, points.length - 1]}
        yDomain={[0, Math.ceil(top)]}
        xTicks={points.map((_, i) => i)}
        formatX={(i) => SWEEP_POLICIES[i]?.label ?? ''}
        yLabel="hours down"
        xLabel="Deploy every…"
        margin={{ bottom: 52 }}
        table={
          <DataTable
            caption="Each deploy interval over the same dice"
            columns={['Deploy every', 'Downtime, median (hours)', 'Middle half (hours)', 'Lead time, median', 'Change failure rate']}
            rows={points.map((p) => [
              p.label,
              p.downtime[1].toFixed(1),
              `${p.downtime[0].toFixed(1)} to ${p.downtime[2].toFixed(1)}`,
              workingDays(p.leadDays),
              percent(p.changeFailureRate),
            ])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <path
              d={`M${points.map((p, i) => `${x(i)},${y(p.downtime[2])}`).join('L')}L${[...points.keys()]
                .reverse()
                .map((i) => `${x(i)},${y(points[i]!.downtime[0])}`)
                .join('L')}Z`}
              fill="var(--accent)"
              opacity="0.18"
            />
            <Line points={points.map((p, i) => [i, p.downtime[1]] as const)} x={x} y={y} />
            {points.map((p, i) => (
              <circle key={p.label} cx={x(i)} cy={y(p.downtime[1])} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
    </div>
  );
}
