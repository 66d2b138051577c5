// The quarter's timeline: one bar per deploy (height: changes shipped), outages in red, on a y-scale the caller can share between runs.
import type { BatchState } from '../../models/batch/index.ts';
import { dayOf, table } from '../../models/batch/index.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { Chart, DataTable } from '../../sim-kit/react/charts.tsx';

interface Props {
  run: BatchState;
  title: string;
  /** The largest batch the y-axis must hold (share it between side-by-side timelines so they compare). */
  yMax?: number;
}

export function Timeline({ run, title, yMax }: Props) {
  const { deploys, params } = run;
  const biggest = yMax ?? Math.max(10, ...deploys.map((d) => d.changeIds.length));
  const failed = deploys.filter((d) => d.failed);
  const rows = table(run).rows;
  return (
    <Chart
      caption={
        deploys.length
          ? `${title}: ${plural(deploys.length, 'deploy')} by day ${dayOf(run)} of ${params.days}, ${plural(failed.length, 'outage')}, largest deploy ${plural(Math.max(...deploys.map((d) => d.changeIds.length)), 'change')}.`
          : `${title}: no deploys yet (day ${dayOf(run)} of ${params.days}).`
      }
      height={190}
      xDomain={[0, params.days]}
      yDomain={[0, biggest]}
      xLabel="Working day (bars: changes shipped; red: outage)"
      table={
        <DataTable
          caption={`${title}: every deploy`}
          columns={['Deploy', 'Day', 'Changes', 'Failed', 'Recovery', 'Downtime (minutes)']}
          rows={rows.map((r) => [r[0]!, Math.floor(Number(r[1])) + 1, r[3]!, r[4]!, r[7] || '—', r[8]!])}
        />
      }
    >
      {({ x, y }) => (
        <>
          <rect
            x={x(0)}
            y={y(biggest)}
            width={Math.max(0, x(Math.min(run.time, params.days)) - x(0))}
            height={y(0) - y(biggest)}
            fill="var(--surface-2)"
            opacity="0.6"
          />
          {deploys.map((d) => (
            <rect
              key={d.id}
              x={x(d.at) - 2}
              y={y(d.changeIds.length)}
              width={4}
              height={Math.max(1, y(0) - y(d.changeIds.length))}
              fill={d.failed ? 'var(--bad)' : 'var(--accent)'}
            />
          ))}
        </>
      )}
    </Chart>
  );
}
