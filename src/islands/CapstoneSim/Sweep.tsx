// The top rung: keys in the elite band against how many levers are pulled, every combination over many quarters, computed in the worker, with its table.
import type { sweep } from '../../models/capstone/expected.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import { percent } from '../../sim-kit/core/words.ts';
import type { CapstoneWorkerRequest } from './sweep.worker.ts';
import { makeCapstoneWorker } from './worker.ts';

export const SWEEP_SEEDS = 20;
type Row = ReturnType<typeof sweep>[number];

export function Sweep() {
  const result = useWorkerQuery<CapstoneWorkerRequest, Row[]>(makeCapstoneWorker, { seeds: SWEEP_SEEDS }, String(SWEEP_SEEDS), { timeout: 60_000 });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Playing all 64 combinations of levers on ${SWEEP_SEEDS} quarters each…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const rows = result.data;
  const one = rows[1]!;
  const all = rows[rows.length - 1]!;
  const firstAll = rows.find((r) => r.allEliteShare > 0);
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Keys in the elite band against the number of levers pulled, averaged over every combination and ${SWEEP_SEEDS} quarters at the default pace: ${one.eliteKeys.toFixed(1)} with one lever, ${all.eliteKeys.toFixed(1)} with all six. The first combinations elite on every key have ${firstAll ? firstAll.levers : 'no number of'} levers.`}
        xDomain={[0, 6]}
        yDomain={[0, 4]}
        xTicks={[0, 1, 2, 3, 4, 5, 6]}
        yTicks={[0, 1, 2, 3, 4]}
        yLabel="elite keys (of 4)"
        xLabel="Levers pulled to their strongest choice"
        table={
          <DataTable
            caption="Each number of levers, over every combination of that many"
            columns={['Levers pulled', 'Combinations', 'Elite keys (mean)', 'Quarters elite on all four', 'Downtime (minutes)', 'Features live']}
            rows={rows.map((r) => [
              r.levers,
              r.combinations,
              r.eliteKeys.toFixed(2),
              percent(r.allEliteShare),
              Math.round(r.downtimeMinutes),
              Math.round(r.featuresLive),
            ])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <Line points={rows.map((r) => [r.levers, r.eliteKeys] as const)} x={x} y={y} />
            {rows.map((r) => (
              <circle key={r.levers} cx={x(r.levers)} cy={y(r.eliteKeys)} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
    </div>
  );
}
