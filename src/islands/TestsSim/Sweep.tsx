// The top rung: the escape rate against the unit share of the effort (the rest split as in the learner's portfolio), over many seeds, computed in the worker, with its table.
import type { TestsParams, TestsSweepRow } from '../../models/tests/index.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { TestsWorkerRequest } from './sweep.worker.ts';
import { makeTestsWorker } from './worker.ts';

export const SWEEP_SEEDS = 100;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const rate = (r: TestsSweepRow) => r.meanEscapeRate * 100;

export function Sweep({ params }: { params: TestsParams }) {
  const request: TestsWorkerRequest = { params, seeds: SWEEP_SEEDS };
  const result = useWorkerQuery<TestsWorkerRequest, TestsSweepRow[]>(makeTestsWorker, request, JSON.stringify(params), { timeout: 30_000 });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Testing every unit share on ${SWEEP_SEEDS} different sets of builds…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const rows = result.data;
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const top = Math.ceil(Math.max(...rows.map(rate)) / 5) * 5;
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Escape rate against the share of the ${params.effort} hours spent on unit tests, the rest split as in your portfolio, averaged over ${SWEEP_SEEDS} runs: ${rate(first).toFixed(1)}% with no unit tests (a suite run of ${first.suiteMinutes} minutes), ${rate(last).toFixed(1)}% with only unit tests (${last.suiteMinutes} minutes). The dashed line marks your share.`}
        xDomain={[0, 1]}
        yDomain={[0, top]}
        xTicks={[0, 0.25, 0.5, 0.75, 1]}
        formatX={pct}
        formatY={(v) => `${v}%`}
        yLabel="defects shipped per change"
        xLabel="Share of the effort on unit tests"
        table={
          <DataTable
            caption="Each unit share over the same sets of builds"
            columns={['Unit share', 'Escape rate', 'Defects shipped', 'One suite run (minutes)', 'Pipeline minutes', 'Flaky failures', 'Reds ignored']}
            rows={rows.map((r) => [
              pct(r.unitShare),
              `${rate(r).toFixed(1)}%`,
              r.meanEscaped.toFixed(1),
              r.suiteMinutes,
              r.meanPipelineMinutes,
              r.meanFlakyFailures.toFixed(1),
              r.meanIgnoredReds.toFixed(1),
            ])}
          />
        }
      >
        {({ x, y, margin, height }) => (
          <>
            <line
              x1={x(params.shares.unit)}
              x2={x(params.shares.unit)}
              y1={margin.top}
              y2={height - margin.bottom}
              stroke="var(--fg)"
              strokeDasharray="4 4"
              strokeWidth={1.5}
            />
            <Line points={rows.map((r) => [r.unitShare, rate(r)] as const)} x={x} y={y} />
            {rows.map((r) => (
              <circle key={r.unitShare} cx={x(r.unitShare)} cy={y(rate(r))} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
    </div>
  );
}
