// The batch-size scenario table: every parameter defined once, and how its values become the model's params.
import { defineFields, type Scenario, type Values } from '../sim-kit/core/fields.ts';
import type { BatchParams, Policy } from '../models/batch/types.ts';

export const POLICY_OPTIONS = [
  { value: 'continuous', label: 'Continuously: each change ships alone when it is ready' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week' },
  { value: 'monthly', label: 'Every month' },
  { value: 'quarterly', label: 'Once a quarter' },
  { value: 'windows', label: 'In maintenance windows, after a change board' },
  { value: 'manual', label: 'Only when I press Ship' },
] as const;
export type PolicyChoice = (typeof POLICY_OPTIONS)[number]['value'];

/** The test suite presets, as the percent of changes that break production. */
export const SUITES = { strong: 2, weak: 8 } as const;

export const batchFields = defineFields({
  policy: { kind: 'choice', options: POLICY_OPTIONS, default: 'monthly', label: 'When do you deploy?', description: 'The deploy policy.' },
  defect: {
    kind: 'number',
    min: 0,
    max: 50,
    step: 0.5,
    default: SUITES.strong,
    unit: '%',
    label: 'Chance a change breaks production',
    description: 'Percent chance that one change carries a defect that breaks production (2 = strong tests, 8 = weak).',
  },
  rate: {
    kind: 'number',
    min: 0.5,
    max: 20,
    step: 0.5,
    default: 4,
    label: 'Changes ready per day',
    description: 'Changes that become ready to ship each working day, on average.',
    advanced: true,
  },
  days: {
    kind: 'number',
    min: 5,
    max: 130,
    step: 1,
    default: 65,
    label: 'Working days',
    description: 'Working days simulated (65 is a quarter).',
    advanced: true,
  },
  recovery: {
    kind: 'choice',
    options: [
      { value: 'rollback', label: 'Roll back' },
      { value: 'fix-forward', label: 'Fix forward' },
    ],
    default: 'rollback',
    label: 'Automatic runs recover by',
    description:
      'How runs nobody plays (the comparison, the sweep, "finish") recover from an outage: rollback, or fix-forward. A batch with a migration is always fixed forward.',
    advanced: true,
  },
  diagnosis: {
    kind: 'choice',
    options: [
      { value: 'bisect', label: 'Bisect: halve the batch until the bad change is left' },
      { value: 'read', label: 'Read the changes one by one' },
    ],
    default: 'bisect',
    label: 'How the team finds the bad change',
    description: 'Bisect (log2 of the batch size in steps) or read change by change.',
    advanced: true,
  },
  migration: {
    kind: 'number',
    min: 0,
    max: 100,
    step: 0.5,
    default: 2,
    unit: '%',
    label: 'Changes with a migration that cannot be undone',
    description: 'Percent of changes that hold a schema or data migration; a deploy holding one cannot be rolled back.',
    advanced: true,
  },
  detect: {
    kind: 'number',
    min: 0,
    max: 1440,
    step: 1,
    default: 30,
    unit: 'minutes',
    label: 'Minutes to notice an outage',
    description: 'Minutes from a bad deploy to someone noticing.',
    advanced: true,
  },
  rollback: {
    kind: 'number',
    min: 0,
    max: 1440,
    step: 1,
    default: 20,
    unit: 'minutes',
    label: 'Minutes to roll back',
    description: 'Minutes to roll a deploy back.',
    advanced: true,
  },
  read: {
    kind: 'number',
    min: 0,
    max: 240,
    step: 1,
    default: 10,
    unit: 'minutes',
    label: 'Minutes to read one change',
    description: 'Minutes to read one change when reading change by change.',
    advanced: true,
  },
  bisect: {
    kind: 'number',
    min: 0,
    max: 480,
    step: 1,
    default: 15,
    unit: 'minutes',
    label: 'Minutes per bisection step',
    description: 'Minutes for one bisection step: build half the batch, deploy it to a test environment, check.',
    advanced: true,
  },
  fix: {
    kind: 'number',
    min: 0,
    max: 1440,
    step: 1,
    default: 45,
    unit: 'minutes',
    label: 'Minutes to fix one bad change',
    description: 'Minutes to write and ship a fix once the bad change is found.',
    advanced: true,
  },
  window: {
    kind: 'number',
    min: 2,
    max: 65,
    step: 1,
    default: 15,
    label: 'Working days between maintenance windows',
    description: 'With maintenance windows: working days from one window to the next.',
    advanced: true,
  },
  board: {
    kind: 'number',
    min: 0,
    max: 30,
    step: 1,
    default: 5,
    label: 'Change-board lead, in working days',
    description: 'With maintenance windows: a change must be approved this many working days before a window to go in it.',
    advanced: true,
  },
  freeze: {
    kind: 'number',
    min: 0,
    max: 65,
    step: 1,
    default: 10,
    label: 'Freeze at the end, in working days',
    description: 'With maintenance windows: no window opens in this many working days at the end of the run.',
    advanced: true,
  },
  vs: {
    kind: 'choice',
    options: [{ value: 'auto', label: 'Chosen for you' }, ...POLICY_OPTIONS.filter((o) => o.value !== 'manual')],
    default: 'auto',
    label: 'Second policy in “Same dice, two policies”',
    description: 'The policy your run is compared with; auto picks continuous after a batchy run and once a quarter after a small-batch one.',
  },
});

export type BatchValues = Values<typeof batchFields>;
export type BatchScenario = Scenario<typeof batchFields>;

/** A policy choice as the model's policy; windows take their calendar from the window fields. */
export function policyOf(choice: PolicyChoice, v: Pick<BatchValues, 'window' | 'board' | 'freeze'>): Policy {
  switch (choice) {
    case 'continuous':
      return { kind: 'continuous' };
    case 'daily':
      return { kind: 'every', days: 1 };
    case 'weekly':
      return { kind: 'every', days: 5 };
    case 'monthly':
      return { kind: 'every', days: 21 };
    case 'quarterly':
      return { kind: 'every', days: 65 };
    case 'windows':
      return { kind: 'windows', every: v.window, boardDays: v.board, freezeDays: v.freeze };
    case 'manual':
      return { kind: 'manual' };
  }
}

export function batchParams(v: BatchValues): BatchParams {
  return {
    days: v.days,
    changesPerDay: v.rate,
    defectRate: v.defect / 100,
    migrationRate: v.migration / 100,
    policy: policyOf(v.policy, v),
    recovery: v.recovery,
    diagnosis: v.diagnosis,
    detectMinutes: v.detect,
    rollbackMinutes: v.rollback,
    readMinutesPerChange: v.read,
    bisectStepMinutes: v.bisect,
    fixMinutes: v.fix,
  };
}

/** The policy the learner's run is compared with: the scenario's `vs`, or the other end of the scale from the played policy. */
export function comparisonPolicy(v: BatchValues): PolicyChoice {
  if (v.vs !== 'auto') return v.vs;
  return v.policy === 'continuous' || v.policy === 'daily' ? 'quarterly' : 'continuous';
}

/** A policy choice in words, for headings and sentences ("deploy every month"). */
export function describePolicy(choice: PolicyChoice): string {
  switch (choice) {
    case 'continuous':
      return 'continuous deployment';
    case 'daily':
      return 'deploy every day';
    case 'weekly':
      return 'deploy every week';
    case 'monthly':
      return 'deploy every month';
    case 'quarterly':
      return 'deploy once a quarter';
    case 'windows':
      return 'maintenance windows';
    case 'manual':
      return 'deploy when you press Ship';
  }
}
