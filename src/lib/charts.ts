// Pure chart geometry shared by the React charts and the static figures: scales, paths and ticks from d3-scale and d3-shape.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const RISK_FRAME: Frame = { width: 640, height: 320, margin: { top: 16, right: 16, bottom: 48, left: 56 } };

/** Scales for a risk curve: batch size 1..maxSize across, probability 0..1 up. */
export function riskScales(maxSize: number, frame: Frame = RISK_FRAME) {
  const x = scaleLinear()
    .domain([1, maxSize])
    .range([frame.margin.left, frame.width - frame.margin.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([frame.height - frame.margin.bottom, frame.margin.top]);
  return { x, y };
}

/** An SVG path through points, in the scales' space. */
export function pathThrough(points: ReadonlyArray<readonly [number, number]>, x: (v: number) => number, y: (v: number) => number): string {
  return (
    line<readonly [number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]))(points) ?? ''
  );
}

/** Whole-number ticks for an axis, at most `count` of them. */
export function ticks(scale: { ticks: (n?: number) => number[] }, count = 6): number[] {
  return scale.ticks(count).filter((t) => Number.isInteger(t * 100));
}

export function percent(p: number, digits = 0): string {
  return `${(p * 100).toFixed(digits)}%`;
}
