// The quarter's timeline: one bar per deploy (height = changes shipped), outages in red with their downtime, and a deploy log table.
import { useId } from 'react';
import { scaleLinear } from 'd3-scale';
import { formatMinutes, type BatchState } from '../../models/batch/index.ts';

const W = 640;
const H = 180;
const M = { top: 12, right: 12, bottom: 40, left: 44 };

interface Props {
  run: BatchState;
  title: string;
}

export function Timeline({ run, title }: Props) {
  const id = useId();
  const { deploys, params } = run;
  const biggest = Math.max(10, ...deploys.map((d) => d.changeIds.length));
  const x = scaleLinear()
    .domain([0, params.days])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, biggest])
    .range([H - M.bottom, M.top])
    .nice();
  const barWidth = Math.max(3, Math.min(14, (W - M.left - M.right) / params.days - 2));
  const failed = deploys.filter((d) => d.failed);
  const summary = deploys.length
    ? `${title}: ${deploys.length} deploy${deploys.length === 1 ? '' : 's'} by day ${run.day} of ${params.days}, ${failed.length} outage${failed.length === 1 ? '' : 's'}, largest deploy ${Math.max(...deploys.map((d) => d.changeIds.length))} changes.`
    : `${title}: no deploys yet (day ${run.day} of ${params.days}).`;
  return (
    <figure className="sim-chart">
      <figcaption id={`${id}-caption`}>{summary}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-caption`}>
        <g aria-hidden="true">
          {y.ticks(4).map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="var(--border)" />
              <text x={M.left - 6} y={y(t) + 5} textAnchor="end" fontSize="13" fill="var(--muted)">
                {t}
              </text>
            </g>
          ))}
          {x.ticks(6).map((t) => (
            <text key={t} x={x(t)} y={H - M.bottom + 18} textAnchor="middle" fontSize="13" fill="var(--muted)">
              {t}
            </text>
          ))}
          <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" fontSize="14" fill="var(--fg)">
            Working day (bar height: changes shipped; red: outage, with its downtime)
          </text>
          <rect x={M.left} y={M.top} width={Math.max(0, x(run.day) - M.left)} height={H - M.top - M.bottom} fill="var(--surface-2)" opacity="0.6" />
          {failed.length <= 25 &&
            failed
              .filter((d) => d.recovery)
              .map((d) => (
                <text key={`t${d.id}`} x={x(d.at)} y={y(d.changeIds.length) - 4} textAnchor="middle" fontSize="12" fill="var(--bad)">
                  {d.downtimeMinutes >= 60 ? `${Math.round(d.downtimeMinutes / 60)}h` : `${d.downtimeMinutes}m`}
                </text>
              ))}
          {deploys.map((d) => (
            <rect
              key={d.id}
              x={x(d.at) - barWidth / 2}
              y={y(d.changeIds.length)}
              width={barWidth}
              height={Math.max(1, y(0) - y(d.changeIds.length))}
              fill={d.failed ? 'var(--bad)' : 'var(--ok)'}
            />
          ))}
        </g>
      </svg>
      <details>
        <summary>Deploy log as a table</summary>
        <table>
          <caption>{title}: every deploy</caption>
          <thead>
            <tr>
              <th scope="col">Deploy</th>
              <th scope="col">Day</th>
              <th scope="col">Changes</th>
              <th scope="col">Result</th>
              <th scope="col">Recovery</th>
              <th scope="col">Downtime</th>
            </tr>
          </thead>
          <tbody>
            {deploys.length === 0 && (
              <tr>
                <td colSpan={6}>No deploys yet.</td>
              </tr>
            )}
            {deploys.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.id + 1}</th>
                <td>{Math.round(d.at * 10) / 10}</td>
                <td>{d.changeIds.length}</td>
                <td>{d.failed ? `outage (${d.defectIds.length} bad change${d.defectIds.length === 1 ? '' : 's'})` : 'fine'}</td>
                <td>{d.recovery === 'rollback' ? 'rolled back' : d.recovery === 'fix-forward' ? 'fixed forward' : d.failed ? 'waiting for you' : '—'}</td>
                <td>{d.failed && d.recovery ? formatMinutes(d.downtimeMinutes) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
