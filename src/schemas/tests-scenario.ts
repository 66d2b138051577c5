// The test-portfolio scenario: a preset or four custom shares of the test effort, with checks and the conversion to model params.
import { defineFields, type Values } from '../sim-kit/core/fields.ts';
import { CATCH_PER_TEST, FLAKE_PER_TEST, HOURS_PER_TEST, KIND_MIX, RUN_MINUTES } from '../models/tests/model.ts';
import type { PerLevel, TestsParams } from '../models/tests/types.ts';

export type Preset = 'pyramid' | 'ice-cream-cone' | 'hourglass' | 'custom';

/** Percent of the effort per level for each preset: unit, integration, user interface, system. */
export const PRESETS: Record<Exclude<Preset, 'custom'>, PerLevel<number>> = {
  pyramid: { unit: 60, integration: 25, ui: 10, system: 5 },
  'ice-cream-cone': { unit: 10, integration: 15, ui: 30, system: 45 },
  hourglass: { unit: 45, integration: 10, ui: 10, system: 35 },
};

const share = (label: string, description: string, fallback: number) =>
  ({ kind: 'number', label, description, min: 0, max: 100, step: 1, default: fallback, unit: '%' }) as const;

export const testsFields = defineFields({
  preset: {
    kind: 'choice',
    label: 'Portfolio shape',
    description:
      'How the test effort is spread: a pyramid (mostly unit tests), an ice-cream cone (mostly slow tests at the top), an hourglass, or your own shares.',
    options: [
      { value: 'ice-cream-cone', label: 'Ice-cream cone' },
      { value: 'pyramid', label: 'Pyramid' },
      { value: 'hourglass', label: 'Hourglass' },
      { value: 'custom', label: 'My own shares' },
    ],
    default: 'ice-cream-cone' as Preset,
  },
  unit: share('Unit tests', 'Percent of the test effort spent on unit tests (custom shape).', 25),
  integ: share('Integration tests', 'Percent of the test effort spent on integration tests (custom shape).', 25),
  ui: share('User interface tests', 'Percent of the test effort spent on user interface tests (custom shape).', 25),
  system: share('System tests', 'Percent of the test effort spent on system (end-to-end) tests of the photo-sharing journey (custom shape).', 25),
  effort: {
    kind: 'number',
    label: 'Test effort',
    description: 'Hours of test writing to spread over the four levels.',
    min: 20,
    max: 1000,
    step: 10,
    default: 200,
    unit: 'hours',
    advanced: true,
  },
  builds: {
    kind: 'number',
    label: 'Builds',
    description: 'Builds in the run, one per change.',
    min: 10,
    max: 500,
    step: 1,
    default: 120,
    advanced: true,
  },
  defect: {
    kind: 'number',
    label: 'Defective changes',
    description: 'Percent of changes that carry a defect into the pipeline.',
    min: 0,
    max: 100,
    step: 1,
    default: 20,
    unit: '%',
    advanced: true,
  },
  window: {
    kind: 'number',
    label: 'Red builds remembered',
    description: 'How many recent red builds people remember when deciding whether to believe a red one.',
    min: 1,
    max: 50,
    step: 1,
    default: 10,
    advanced: true,
  },
});

export type TestsValues = Values<typeof testsFields>;

/** The percent shares the values ask for: the preset's, or the four custom fields. */
export function sharePercents(values: TestsValues): PerLevel<number> {
  return values.preset === 'custom' ? { unit: values.unit, integration: values.integ, ui: values.ui, system: values.system } : PRESETS[values.preset];
}

/** Why custom shares are unusable, or null: they must add up to 100. Shown beside the inputs; the run waits until it is null. */
export function sharesMessage(values: TestsValues): string | null {
  const p = sharePercents(values);
  const total = p.unit + p.integration + p.ui + p.system;
  return total === 100
    ? null
    : `The four shares add up to ${total}% (unit ${p.unit}, integration ${p.integration}, user interface ${p.ui}, system ${p.system}); they must add up to 100%.`;
}

/** Model params from scenario values. Throws with the message of `sharesMessage` when custom shares do not add up to 100. */
export function testsParams(values: TestsValues): TestsParams {
  const problem = sharesMessage(values);
  if (problem) throw new RangeError(problem);
  const p = sharePercents(values);
  return {
    shares: { unit: p.unit / 100, integration: p.integration / 100, ui: p.ui / 100, system: p.system / 100 },
    effort: values.effort,
    hoursPerTest: HOURS_PER_TEST,
    runMinutes: RUN_MINUTES,
    catchPerTest: CATCH_PER_TEST,
    flakePerTest: FLAKE_PER_TEST,
    builds: values.builds,
    defectChance: values.defect / 100,
    kindMix: KIND_MIX,
    trustWindow: values.window,
  };
}
