// The top rung: servers missed by hand against fleet size over many seeds, beside fleet size times slip rate, computed in the worker, with its table.
import type { ProvisionParams, ProvisionSweepRow } from '../../models/provision/index.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { ProvisionWorkerRequest } from './sweep.worker.ts';
import { makeProvisionWorker } from './worker.ts';

export const SWEEP_SEEDS = 200;
const pct = (share: number) => `${Math.round(share * 100)}%`;

export function Sweep({ params }: { params: ProvisionParams }) {
  const request: ProvisionWorkerRequest = { params, seeds: SWEEP_SEEDS };
  const result = useWorkerQuery<ProvisionWorkerRequest, ProvisionSweepRow[]>(makeProvisionWorker, request, JSON.stringify(params), { timeout: 30_000 });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Patching fleets of every size by hand on ${SWEEP_SEEDS} sets of dice…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const rows = result.data;
  const last = rows[rows.length - 1]!;
  const top = Math.max(1, ...rows.map((r) => Math.max(r.meanMissed, r.expectedMissed)));
  const slip = Math.round(params.slip * 1000) / 10;
  const always = rows.find((r) => r.noneMissedShare === 0);
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Servers missed when patching by hand against the size of the fleet, averaged over ${SWEEP_SEEDS} sets of dice at a ${slip}% slip rate: ${last.meanMissed} of ${last.fleet} servers, where fleet size times slip rate (the dashed line) expects ${last.expectedMissed}. ${always ? `From ${always.fleet} servers up, every run missed at least one.` : ''}`}
        xDomain={[0, last.fleet]}
        yDomain={[0, Math.ceil(top)]}
        yLabel="servers missed"
        xLabel="Servers in the fleet"
        legend={
          <>
            <span className="key key-line" aria-hidden="true" /> fleet size × slip rate (dashed) <span className="key key-square" aria-hidden="true" /> mean
            missed over {SWEEP_SEEDS} runs (squares)
          </>
        }
        table={
          <DataTable
            caption="Servers missed by hand for each fleet size"
            columns={['Fleet', 'Fleet × slip rate', 'Mean missed', 'Runs with none missed', 'Hours by hand']}
            rows={rows.map((r) => [r.fleet, r.expectedMissed, r.meanMissed, pct(r.noneMissedShare), Math.round(r.handMinutes / 6) / 10])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <Line points={rows.map((r) => [r.fleet, r.expectedMissed] as const)} x={x} y={y} dash="6 4" />
            {rows.map((r) => (
              <rect key={r.fleet} x={x(r.fleet) - 4} y={y(r.meanMissed) - 4} width="8" height="8" fill="var(--fg)" />
            ))}
          </>
        )}
      </Chart>
    </div>
  );
}
