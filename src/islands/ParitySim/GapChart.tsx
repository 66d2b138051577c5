// The version gap as it grows and falls: how many versions development is ahead of production each day, dropping to zero at each deploy, with its table.
import { deployTable, meanVersionGap, type ParityState } from '../../models/parity/index.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { plural } from '../../sim-kit/core/words.ts';
import { gapSteps } from './view.ts';

export function GapChart({ run }: { run: ParityState }) {
  const points = gapSteps(run);
  const top = Math.max(3, ...points.map(([, g]) => g));
  const days = run.params.days;
  const t = deployTable(run);
  const highest = Math.max(0, ...points.map(([, g]) => g));
  return (
    <Chart
      caption={`How many versions development ran ahead of production, day by day: ${plural(run.deploys.length, 'deploy')} so far, ${highest ? `at most ${plural(highest, 'version')} ahead, ${meanVersionGap(run).toFixed(1)} on average` : 'never ahead yet'}. Each deploy brings production level again.`}
      xDomain={[0, days]}
      yDomain={[0, top]}
      yTicks={top <= 6 ? Array.from({ length: top + 1 }, (_, i) => i) : undefined}
      xLabel="Working day"
      yLabel="versions ahead"
      height={200}
      table={<DataTable caption="Each deploy: its size, what it caught and the gap it closed" columns={t.columns} rows={t.rows} />}
    >
      {({ x, y, margin, height }) => (
        <>
          {run.deploys.map((d) => (
            <line key={d.id} x1={x(d.at)} x2={x(d.at)} y1={margin.top} y2={height - margin.bottom} stroke="var(--muted)" strokeDasharray="3 3" />
          ))}
          <Line points={points} x={x} y={y} />
        </>
      )}
    </Chart>
  );
}
