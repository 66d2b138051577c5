// The top rung: the version gap and the cost of finding failures against the deploy interval, over many seeds, computed in the worker, with its table.
import type { ParitySweepRow } from '../../models/parity/index.ts';
import type { ParityValues } from '../../schemas/parity-scenario.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { ParityWorkerRequest } from './sweep.worker.ts';
import { makeParityWorker } from './worker.ts';

export const SWEEP_SEEDS = 100;
export const INTERVALS = [1, 2, 5, 10, 20, 65];
const every = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export function Sweep({ values }: { values: ParityValues }) {
  const request: ParityWorkerRequest = { values, intervals: INTERVALS, seeds: SWEEP_SEEDS };
  const result = useWorkerQuery<ParityWorkerRequest, ParitySweepRow[]>(makeParityWorker, request, JSON.stringify(values), { timeout: 30_000 });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Playing every deploy interval on ${SWEEP_SEEDS} different quarters…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const rows = result.data;
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const top = Math.max(1, ...rows.map((r) => r.versionGap));
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Versions development runs ahead of production, on average, against how often the team deploys, over ${SWEEP_SEEDS} quarters with your fixes: ${first.versionGap.toFixed(1)} deploying every day, ${last.versionGap.toFixed(1)} every ${last.every} days. Failures in production: ${first.productionFailures.toFixed(1)} against ${last.productionFailures.toFixed(1)}; hours spent finding failures: ${first.findHours.toFixed(0)} against ${last.findHours.toFixed(0)}.`}
        xDomain={[0, rows.length - 1]}
        yDomain={[0, Math.ceil(top)]}
        xTicks={rows.map((_, i) => i)}
        formatX={(i) => every(rows[i]?.every ?? 0)}
        xLabel="Deploy every…"
        margin={{ left: 40, right: 36 }}
        yLabel="versions ahead"
        table={
          <DataTable
            caption="Each deploy interval over the same quarters"
            columns={['Deploy every', 'Versions ahead (mean)', 'Failures in production', 'Hours finding failures', 'Waiting at the end']}
            rows={rows.map((r) => [every(r.every), r.versionGap.toFixed(2), r.productionFailures.toFixed(1), r.findHours.toFixed(0), r.waiting.toFixed(1)])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <Line points={rows.map((r, i) => [i, r.versionGap] as const)} x={x} y={y} />
            {rows.map((r, i) => (
              <circle key={r.every} cx={x(i)} cy={y(r.versionGap)} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
    </div>
  );
}
