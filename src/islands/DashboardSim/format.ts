// How the dashboard writes each metric's value, and the sims' names for "where the numbers come from".
import type { MetricId } from '../../models/dashboard/index.ts';
import { duration, percent, workingDays } from '../../sim-kit/core/words.ts';

const perDay = (v: number) => `${v.toFixed(v < 1 ? 2 : 1)} a working day`;
const perRun = (v: number) => `${(Math.round(v * 10) / 10).toLocaleString('en')} a run`;

/** A metric's value in words with its unit ("1.5 a working day", "2 hours 5 minutes", "12%"). */
export const FORMAT: Record<MetricId, (v: number) => string> = {
  buildsPerDay: perDay,
  rollbacks: perRun,
  coverage: (v) => `${Math.round(v)}%`,
  pages: perRun,
  outages: perRun,
  performance: (v) => `${Math.round(v)}% of capacity`,
  mttr: duration,
  deploymentFrequency: perDay,
  leadTime: workingDays,
  changeFailureRate: (v) => percent(v),
  recoveryTime: duration,
};

/** Short, unitless numbers for a chart's axis and table. */
export const AXIS: Record<MetricId, (v: number) => string> = {
  buildsPerDay: (v) => String(Math.round(v * 100) / 100),
  rollbacks: (v) => String(Math.round(v * 10) / 10),
  coverage: (v) => `${Math.round(v)}%`,
  pages: (v) => String(Math.round(v * 10) / 10),
  outages: (v) => String(Math.round(v * 10) / 10),
  performance: (v) => `${Math.round(v)}%`,
  mttr: (v) => String(Math.round(v)),
  deploymentFrequency: (v) => String(Math.round(v * 100) / 100),
  leadTime: (v) => String(Math.round(v * 10) / 10),
  changeFailureRate: (v) => `${Math.round(v * 100)}%`,
  recoveryTime: (v) => String(Math.round(v)),
};

/** The chart's y-axis words for each metric. */
export const AXIS_LABEL: Record<MetricId, string> = {
  buildsPerDay: 'deploys a working day',
  rollbacks: 'rollbacks a run',
  coverage: 'coverage',
  pages: 'pages a run',
  outages: 'outages a run',
  performance: 'peak load, % of capacity',
  mttr: 'minutes',
  deploymentFrequency: 'deploys a working day',
  leadTime: 'working days',
  changeFailureRate: 'failed deploys',
  recoveryTime: 'minutes',
};

/** The course's sims by id, for "from your runs of …"; an id the page does not know is shown as it is. */
const SIM_NAMES: Record<string, string> = {
  batch: 'batch size',
  handoff: 'handoff pipeline',
  parity: 'environment parity',
  conway: 'Conway’s law',
  drift: 'configuration drift',
  tests: 'test portfolio',
  provision: 'provisioning',
  flags: 'feature flags',
  capstone: 'capstone quarter',
};

export function simName(id: string): string {
  return SIM_NAMES[id] ?? id;
}
