// Chart primitives for islands and static Astro output: an SVG frame drawn at its shown width (text stays 13 px), axes, lines, points and bars, each with a caption.
import { useId, useRef, type ReactNode } from 'react';
import { ticks } from 'd3-array';
import { useWidth } from './hooks.ts';

/** Text size in CSS pixels as rendered: the SVG is drawn at its shown width, so this is what the reader sees. */
export const CHART_TEXT = 13;

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A linear scale from a domain to a range, with d3's nice round ticks (d3-scale's scaleLinear weighs 9 KB; this is the part the charts use). */
export function linear([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) {
  const span = d1 - d0 || 1;
  const scale = (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
  scale.ticks = (count: number) => ticks(d0, d1, count);
  return scale;
}

export interface Scales {
  x: (v: number) => number;
  y: (v: number) => number;
  width: number;
  height: number;
  margin: Margin;
}

interface FrameProps {
  /** A one-sentence summary: the caption and the chart's accessible name. */
  caption: ReactNode;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  height?: number;
  margin?: Partial<Margin>;
  xLabel: string;
  yLabel?: string;
  xTicks?: number[];
  yTicks?: number[];
  formatX?: (v: number) => string;
  formatY?: (v: number) => string;
  /** The data as a table (the text alternative), shown under a disclosure. */
  table?: ReactNode;
  legend?: ReactNode;
  children: (scales: Scales) => ReactNode;
}

export function Chart({
  caption,
  xDomain,
  yDomain,
  height = 240,
  margin: m = {},
  xLabel,
  yLabel,
  xTicks,
  yTicks,
  formatX = String,
  formatY = String,
  table,
  legend,
  children,
}: FrameProps) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const width = useWidth(box, 640);
  const margin = { top: 14, right: 16, bottom: 46, left: 56, ...m };
  const x = linear(xDomain, [margin.left, Math.max(margin.left + 10, width - margin.right)]);
  const y = linear(yDomain, [height - margin.bottom, margin.top]);
  const xs = xTicks ?? x.ticks(width < 480 ? 4 : 7);
  const ys = yTicks ?? y.ticks(4);
  return (
    <figure className="sim-chart" ref={box}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-caption`} fontSize={CHART_TEXT}>
        <g aria-hidden="true">
          {ys.map((t) => (
            <g key={`y${t}`}>
              <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="var(--border)" />
              <text x={margin.left - 6} y={y(t) + 4} textAnchor="end" fill="var(--muted)">
                {formatY(t)}
              </text>
            </g>
          ))}
          {xs.map((t) => (
            <text key={`x${t}`} x={x(t)} y={height - margin.bottom + 18} textAnchor="middle" fill="var(--muted)">
              {formatX(t)}
            </text>
          ))}
          <text x={(margin.left + width - margin.right) / 2} y={height - 8} textAnchor="middle" fill="var(--fg)">
            {xLabel}
          </text>
          {yLabel && (
            <text x={margin.left} y={margin.top - 2} textAnchor="start" fill="var(--fg)">
              {yLabel}
            </text>
          )}
          {children({ x, y, width, height, margin })}
        </g>
      </svg>
      {legend && <p className="chart-legend">{legend}</p>}
      {table && (
        <details>
          <summary>The data as a table</summary>
          {table}
        </details>
      )}
    </figure>
  );
}

export function Line({
  points,
  x,
  y,
  stroke = 'var(--accent)',
  width = 3,
  dash,
}: {
  points: ReadonlyArray<readonly [number, number]>;
  x: Scales['x'];
  y: Scales['y'];
  stroke?: string;
  width?: number;
  dash?: string;
}) {
  const d = points.map(([px, py], i) => `${i ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join('');
  return <path d={d} fill="none" stroke={stroke} strokeWidth={width} strokeDasharray={dash} />;
}

/** A simple table from rows, for a chart's text alternative. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th scope="col" key={i}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th scope="row" key={i}>
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
