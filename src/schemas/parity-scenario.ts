// The environment-parity scenario: its fields (deploy interval, budget, the five fixes, rates and costs) and the params they give the model.
import { defineFields, defaultValues, type Problem, type Values } from '../sim-kit/core/fields.ts';
import { budgetCheck, FIX_COST, FIXES } from '../models/parity/model.ts';
import type { Fix, ParityParams } from '../models/parity/types.ts';

const fix = (label: string, what: string, cost: number) =>
  ({ kind: 'flag', default: false, label, description: `${what} Costs ${cost} engineer-day${cost === 1 ? '' : 's'} of the budget.` }) as const;

export const parityFields = defineFields({
  every: {
    kind: 'number',
    min: 1,
    max: 65,
    step: 1,
    default: 10,
    unit: 'working days',
    label: 'Deploy every',
    description: 'Working days between deploys to production; development keeps picking up new versions in between.',
  },
  budget: {
    kind: 'number',
    min: 0,
    max: 12,
    step: 1,
    default: 6,
    unit: 'engineer-days',
    label: 'Budget',
    description: 'Engineer-days you can spend closing gaps between development and production.',
  },
  containers: fix(
    'Containers for every service',
    'Runs every service in its own container in development and staging, split as in production.',
    FIX_COST.containers,
  ),
  network: fix(
    'Production network rules in staging',
    'Applies the same network rules to staging as to production, so forbidden calls fail there.',
    FIX_COST.network,
  ),
  lockfile: fix(
    'One lock file, one promoted build',
    'Pins library versions in one lock file and promotes the same build through every environment.',
    FIX_COST.lockfile,
  ),
  pin: fix("Staging pinned to production's versions", 'Runs the neighbouring services in staging at the versions production runs.', FIX_COST.pin),
  data: fix('Production-sized anonymised data', 'Loads staging with a data set as large as production, anonymised.', FIX_COST.data),
  days: {
    kind: 'number',
    min: 5,
    max: 130,
    step: 1,
    default: 65,
    unit: 'working days',
    label: 'Days',
    description: 'Working days simulated (65 is a quarter).',
    advanced: true,
  },
  rate: {
    kind: 'number',
    min: 0.5,
    max: 20,
    step: 0.5,
    default: 3,
    unit: 'changes a day',
    label: 'Changes a day',
    description: 'Changes written each working day, on average.',
    advanced: true,
  },
  depend: {
    kind: 'number',
    min: 0,
    max: 100,
    step: 1,
    default: 30,
    unit: '%',
    label: 'Changes leaning on a difference',
    description: 'Percent of changes that rely, without anyone noticing, on one way development differs from production.',
    advanced: true,
  },
  versions: {
    kind: 'number',
    min: 0,
    max: 5,
    step: 0.1,
    default: 0.4,
    unit: 'versions a day',
    label: 'New versions a day',
    description: 'New library or neighbouring-service versions development picks up each working day, on average.',
    advanced: true,
  },
  devmin: {
    kind: 'number',
    min: 0,
    max: 480,
    step: 1,
    default: 15,
    unit: 'minutes',
    label: 'Cost of a find at a desk',
    description: 'Minutes to find and fix a failure on a developer machine.',
    advanced: true,
  },
  stagemin: {
    kind: 'number',
    min: 0,
    max: 960,
    step: 1,
    default: 60,
    unit: 'minutes',
    label: 'Cost of a find in staging',
    description: 'Minutes to find and fix a failure in staging.',
    advanced: true,
  },
  pagemin: {
    kind: 'number',
    min: 0,
    max: 1440,
    step: 1,
    default: 180,
    unit: 'minutes',
    label: 'Cost of a night-time page',
    description: 'Minutes a production failure costs before the search for its cause: the page, waking up, restoring service.',
    advanced: true,
  },
  findmin: {
    kind: 'number',
    min: 0,
    max: 120,
    step: 1,
    default: 5,
    unit: 'minutes',
    label: 'Search per change in a deploy',
    description: 'Minutes per change in the deploy to find which one broke production.',
    advanced: true,
  },
});

export type ParityValues = Values<typeof parityFields>;

/** The fixes a set of values turns on, in table order. */
export function fixesOf(values: ParityValues): Fix[] {
  return FIXES.filter((f) => values[f]);
}

/** The model's params from valid values. Call `checkParityValues` first: params over the budget make the model refuse to start. */
export function parityParams(values: ParityValues): ParityParams {
  return {
    days: values.days,
    changesPerDay: values.rate,
    dependShare: values.depend / 100,
    every: values.every,
    versionsPerDay: values.versions,
    fixes: fixesOf(values),
    budget: values.budget,
    devMinutes: values.devmin,
    stagingMinutes: values.stagemin,
    pageMinutes: values.pagemin,
    findMinutesPerChange: values.findmin,
  };
}

/** Values checked across fields: fixes that cost more than the budget are all turned off, with a message naming them. */
export function checkParityValues(values: ParityValues): { values: ParityValues; problems: Problem[] } {
  const result = budgetCheck(fixesOf(values), values.budget);
  if (result.fits) return { values, problems: [] };
  const defaults = defaultValues(parityFields);
  const reset = { ...values };
  for (const f of FIXES) reset[f] = defaults[f];
  return { values: reset, problems: [{ param: 'budget', message: `${result.message} No fix is applied; choose fixes that fit.` }] };
}
