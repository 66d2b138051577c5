// The release day in two charts, each with a table: database load against capacity (dark launch and spike marked), and the gap between the groups with its 95% band.
import { records, type FlagsState, type MinuteRecord } from '../../models/flags/index.ts';
import { Chart, DataTable, Line, type Scales } from '../../sim-kit/react/charts.tsx';
import { gapSeries } from './analysis.ts';

const EVERY = 15;
const pts = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}`;

/** Shaded spans of minutes where `on` holds, drawn behind a chart's lines. */
function Spans({ rows, on, fill, s }: { rows: MinuteRecord[]; on: (r: MinuteRecord) => boolean; fill: string; s: Scales }) {
  const spans: Array<[number, number]> = [];
  for (const r of rows) {
    const last = spans.at(-1);
    if (!on(r)) continue;
    if (last && last[1] === r.minute) last[1] = r.minute + 1;
    else spans.push([r.minute, r.minute + 1]);
  }
  return (
    <>
      {spans.map(([a, b]) => (
        <rect key={a} x={s.x(a)} width={Math.max(1, s.x(b) - s.x(a))} y={s.margin.top} height={s.height - s.margin.top - s.margin.bottom} fill={fill} />
      ))}
    </>
  );
}

export function LoadChart({ run }: { run: FlagsState }) {
  const rows = records(run);
  const now = rows.at(-1);
  const top = Math.max(120, Math.ceil((run.totals.peakDbLoad * 100) / 20) * 20 + 20);
  return (
    <Chart
      caption={`Database load as a share of its capacity, minute by minute${now ? `: ${Math.round(now.dbLoad * 100)}% now, peak ${Math.round(run.totals.peakDbLoad * 100)}%` : ''}. Above 100% requests fail for everyone. Blue bands: dark launch running; grey bands: traffic spike.`}
      xDomain={[0, run.params.minutes]}
      yDomain={[0, top]}
      xLabel="Minute of the release day"
      yLabel="% of database capacity"
      height={210}
      margin={{ top: 26 }}
      table={
        <DataTable
          caption={`Every ${EVERY} minutes: traffic, dark requests and database load`}
          columns={['Minute', 'Users', 'Dark requests', 'Database load']}
          rows={rows.filter((r) => r.minute % EVERY === 0).map((r) => [r.minute, r.users, r.darkRequests, `${Math.round(r.dbLoad * 100)}%`])}
        />
      }
    >
      {(s) => (
        <>
          <Spans rows={rows} on={(r) => r.spike} fill="var(--surface-2)" s={s} />
          <Spans rows={rows} on={(r) => r.darkRequests > 0} fill="color-mix(in srgb, var(--accent) 18%, transparent)" s={s} />
          <Line
            points={[
              [0, 100],
              [run.params.minutes, 100],
            ]}
            x={s.x}
            y={s.y}
            stroke="var(--bad)"
            width={2}
            dash="6 4"
          />
          <Line points={rows.map((r) => [r.minute, r.dbLoad * 100] as const)} x={s.x} y={s.y} width={2} />
        </>
      )}
    </Chart>
  );
}

export function GapChart({ run }: { run: FlagsState }) {
  const series = gapSeries(run);
  const last = series.at(-1);
  if (!last) {
    return (
      <p className="muted" data-gap="none">
        {run.totals.newUsers > 0 && run.totals.liveControlUsers === 0
          ? 'No control group: with everyone on the new code there is nobody to compare with, so the monitoring can only compare with the time before the release.'
          : 'The new group against the control group appears here once each group has at least 100 users.'}
      </p>
    );
  }
  const bound = Math.max(0.01, ...series.slice(Math.floor(series.length / 5)).map((p) => Math.abs(p.gap) + p.half));
  const clip = (v: number) => Math.max(-bound, Math.min(bound, v)) * 100;
  return (
    <Chart
      caption={`Conversion of the new group minus the control group so far: ${pts(last.gap)} points, 95% band ±${(last.half * 100).toFixed(2)}, from ${last.newUsers.toLocaleString('en')} users with the feature and ${last.controlUsers.toLocaleString('en')} without. The band narrows as more users join the new group.`}
      xDomain={[0, run.params.minutes]}
      yDomain={[-bound * 100, bound * 100]}
      xLabel="Minute of the release day"
      yLabel="gap in conversion (points)"
      formatY={(v) => (v > 0 ? `+${v}` : String(v))}
      height={210}
      margin={{ top: 26 }}
      table={
        <DataTable
          caption={`Every ${EVERY} minutes: the gap between the groups and its 95% band`}
          columns={['Minute', 'Gap (points)', '95% band (±)', 'Users with the feature']}
          rows={series
            .filter((p, i) => p.minute % EVERY === 0 || i === series.length - 1)
            .map((p) => [p.minute, pts(p.gap), (p.half * 100).toFixed(2), p.newUsers])}
        />
      }
    >
      {(s) => (
        <>
          <path
            d={`M${series.map((p) => `${s.x(p.minute).toFixed(1)},${s.y(clip(p.gap + p.half)).toFixed(1)}`).join('L')}L${series
              .slice()
              .reverse()
              .map((p) => `${s.x(p.minute).toFixed(1)},${s.y(clip(p.gap - p.half)).toFixed(1)}`)
              .join('L')}Z`}
            fill="var(--accent)"
            opacity="0.2"
          />
          <Line
            points={[
              [0, 0],
              [run.params.minutes, 0],
            ]}
            x={s.x}
            y={s.y}
            stroke="var(--muted)"
            width={1}
          />
          <Line points={series.map((p) => [p.minute, clip(p.gap)] as const)} x={s.x} y={s.y} width={2} />
        </>
      )}
    </Chart>
  );
}
