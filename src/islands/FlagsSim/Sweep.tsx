// The top rung: users hurt against the rollout share behind a flag, over many seeds, with a full release of the same builds for reference, computed in the worker.
import type { FlagsParams, sweep } from '../../models/flags/index.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { FlagsSweepRequest } from './sweep.worker.ts';
import { makeFlagsWorker } from './worker.ts';

export const SWEEP_SEEDS = 100;
type Result = ReturnType<typeof sweep>;

export function Sweep({ params }: { params: FlagsParams }) {
  const request: FlagsSweepRequest = { params, seeds: SWEEP_SEEDS };
  const result = useWorkerQuery<FlagsSweepRequest, Result>(makeFlagsWorker, request, JSON.stringify(params), { timeout: 60_000 });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Playing every rollout share on ${SWEEP_SEEDS} different days…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const { rows, fullRelease } = result.data;
  const top = Math.max(1, fullRelease, ...rows.map((r) => r.meanUsersHurt)) * 1.1;
  const five = rows.find((r) => r.percent === 5)!;
  const all = rows.find((r) => r.percent === 100)!;
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Users hurt in a day against the share the flag opens to, averaged over ${SWEEP_SEEDS} days with the kill switch pressed at the first alert: ${five.meanUsersHurt.toFixed(1)} at 5%, ${all.meanUsersHurt.toFixed(1)} at 100%, and ${fullRelease.toFixed(1)} for a full release with no flag (dashed line).`}
        xDomain={[0, 100]}
        yDomain={[0, Math.ceil(top)]}
        xTicks={[0, 25, 50, 75, 100]}
        formatX={(v) => `${v}%`}
        xLabel="Rollout share behind the flag"
        yLabel="users hurt (mean)"
        margin={{ top: 26 }}
        table={
          <DataTable
            caption={`Each rollout share over the same ${SWEEP_SEEDS} days`}
            columns={['Rollout', 'Users hurt (mean)', 'Users who saw it (mean)']}
            rows={[
              ...rows.map((r) => [`${r.percent}%`, r.meanUsersHurt.toFixed(1), r.meanUsersExposed.toFixed(0)]),
              ['Full release, no flag', fullRelease.toFixed(1), 'everyone'],
            ]}
          />
        }
      >
        {({ x, y }) => (
          <>
            <Line
              points={[
                [0, fullRelease],
                [100, fullRelease],
              ]}
              x={x}
              y={y}
              stroke="var(--bad)"
              width={2}
              dash="6 4"
            />
            <Line points={rows.map((r) => [r.percent, r.meanUsersHurt] as const)} x={x} y={y} />
            {rows.map((r) => (
              <circle key={r.percent} cx={x(r.percent)} cy={y(r.meanUsersHurt)} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
    </div>
  );
}
