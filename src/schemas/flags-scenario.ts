// The feature-flag scenario: every parameter of the release day once, with bounds, words and defaults, and the model's params from it.
import { defineFields, type Values } from '../sim-kit/core/fields.ts';
import type { FlagsParams, Plan, Release } from '../models/flags/types.ts';

const SHARES = [
  { value: '0', label: '0%' },
  { value: '1', label: '1%' },
  { value: '5', label: '5%' },
  { value: '25', label: '25%' },
  { value: '50', label: '50%' },
  { value: '100', label: '100%' },
] as const;

export const flagsFields = defineFields({
  release: {
    kind: 'choice',
    options: [
      { value: 'flag', label: 'Behind a feature flag' },
      { value: 'full', label: 'Full release, no flag' },
    ],
    default: 'flag',
    label: 'How the feature ships',
    description: 'Behind a flag you choose who sees it and have a kill switch; a full release shows it to everyone at once and recovers by rolling back.',
  },
  dark: {
    kind: 'choice',
    options: SHARES,
    default: '0',
    label: 'Dark launch share',
    description: 'Share of requests sent through the new code in the first hour while nobody sees it (behind a flag only).',
  },
  rollout: {
    kind: 'choice',
    options: SHARES,
    default: '100',
    label: 'Rollout',
    description: 'Share of users who see the feature once the first hour is over.',
  },
  plan: {
    kind: 'choice',
    options: [
      { value: 'hold', label: 'Hold the rollout' },
      { value: 'ramp', label: 'Step up every half hour' },
    ],
    default: 'hold',
    label: 'Rollout plan',
    description: 'Hold the first rollout share all day, or step it up (1, 5, 25, 50, 100%) after each healthy half hour.',
  },
  loadtest: {
    kind: 'number',
    min: 0,
    max: 100,
    step: 5,
    default: 30,
    unit: '%',
    label: 'Load test catch chance',
    description: 'Chance that the pre-production load test catches a database load problem.',
    advanced: true,
  },
  commits: {
    kind: 'number',
    min: 1,
    max: 30,
    step: 1,
    default: 8,
    label: 'Commits',
    description: 'Commits that make up the feature, each with a chance of a hidden problem.',
    advanced: true,
  },
  minutes: {
    kind: 'number',
    min: 180,
    max: 600,
    step: 10,
    default: 240,
    unit: 'minutes',
    label: 'Release day',
    description: 'Minutes of real traffic after the pipeline has run.',
    advanced: true,
  },
  traffic: {
    kind: 'number',
    min: 10,
    max: 5000,
    step: 10,
    default: 200,
    unit: 'users a minute',
    label: 'Traffic',
    description: 'Users a minute at normal traffic; the spike doubles it for an hour.',
    advanced: true,
  },
  rollback: {
    kind: 'number',
    min: 1,
    max: 240,
    step: 1,
    default: 20,
    unit: 'minutes',
    label: 'Rollback time',
    description: 'Minutes a rollback redeploy takes in a full release.',
    advanced: true,
  },
});

export type FlagsScenarioValues = Values<typeof flagsFields>;

/** The model's parameters from the scenario's values. */
export function flagsParams(values: FlagsScenarioValues): FlagsParams {
  return {
    commits: values.commits,
    minutes: values.minutes,
    traffic: values.traffic,
    loadTestChance: values.loadtest / 100,
    release: values.release as Release,
    dark: Number(values.dark) / 100,
    rollout: Number(values.rollout) / 100,
    plan: values.plan as Plan,
    rollbackMinutes: values.rollback,
  };
}
