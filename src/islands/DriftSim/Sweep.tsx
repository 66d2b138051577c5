// The top rung: team time over the quarter against the share of events fixed by hand, over many seeds, computed in the worker, with its table.
import type { DriftParams, DriftSweepRow } from '../../models/drift/index.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { DriftWorkerRequest } from './sweep.worker.ts';
import { makeDriftWorker } from './worker.ts';

export const SWEEP_SEEDS = 100;
const pct = (share: number) => `${Math.round(share * 100)}%`;

export function Sweep({ params }: { params: DriftParams }) {
  const request: DriftWorkerRequest = { params, seeds: SWEEP_SEEDS };
  const result = useWorkerQuery<DriftWorkerRequest, DriftSweepRow[]>(makeDriftWorker, request, JSON.stringify(params), { timeout: 30_000 });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Playing every share of hand fixes on ${SWEEP_SEEDS} different quarters…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const rows = result.data;
  const hoursOf = (r: DriftSweepRow) => r.meanTotalMinutes / 60;
  const top = Math.max(1, ...rows.map(hoursOf));
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Team time over a quarter against the share of events fixed by hand, averaged over ${SWEEP_SEEDS} quarters: ${hoursOf(first).toFixed(1)} hours with none by hand, ${hoursOf(last).toFixed(1)} hours with all by hand, although each hand fix takes ${Math.round(last.meanMinutesPerFix)} minutes against ${Math.round(first.meanMinutesPerFix)}.`}
        xDomain={[0, 1]}
        yDomain={[0, Math.ceil(top)]}
        xTicks={[0, 0.25, 0.5, 0.75, 1]}
        formatX={pct}
        yLabel="hours of team time"
        xLabel="Share of events fixed by hand"
        table={
          <DataTable
            caption="Each share of hand fixes over the same quarters"
            columns={['Fixed by hand', 'Team time (hours)', 'Minutes per fix', 'Mismatch incidents', 'Configurations at the end']}
            rows={rows.map((r) => [
              pct(r.handShare),
              hoursOf(r).toFixed(1),
              r.meanMinutesPerFix.toFixed(1),
              r.meanIncidents.toFixed(1),
              r.meanConfigurations.toFixed(1),
            ])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <Line points={rows.map((r) => [r.handShare, hoursOf(r)] as const)} x={x} y={y} />
            {rows.map((r) => (
              <circle key={r.handShare} cx={x(r.handShare)} cy={y(hoursOf(r))} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
    </div>
  );
}
