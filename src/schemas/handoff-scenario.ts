// The handoff-pipeline scenario: its fields (a way of working as the preset, then the levers) and how they become model parameters.
import { defineFields, type Values } from '../sim-kit/core/fields.ts';
import { BASE_PARAMS, DEFAULT_EFFORT, QUARTER, WAYS } from '../models/handoff/model.ts';
import type { HandoffParams } from '../models/handoff/types.ts';

/** Release cadences a learner can pick, in working days (0 = whenever finished work reaches the door). */
export const CADENCES = { demand: 0, day: 1, week: 5, fortnight: 10, month: 21, quarter: QUARTER } as const;

export const handoffFields = defineFields({
  way: {
    kind: 'choice',
    options: [
      { value: 'waterfall', label: 'Waterfall' },
      { value: 'agile', label: 'Agile' },
      { value: 'devops', label: 'DevOps' },
    ],
    default: 'waterfall',
    label: 'Way of working',
    description:
      'The preset: waterfall hands on 10 items at a time and releases quarterly; agile hands on 2 at a time and still releases quarterly; DevOps hands on one item at a time and releases whenever work is ready.',
  },
  batch: {
    kind: 'number',
    min: 0,
    max: 30,
    step: 1,
    default: 0,
    unit: 'items',
    label: 'Items per handoff',
    description: 'How many items each team from Product to QA finishes before handing them on together; 0 keeps the way of working’s own size.',
  },
  cadence: {
    kind: 'choice',
    options: [
      { value: 'way', label: 'As the way of working does' },
      { value: 'demand', label: 'Whenever work is ready' },
      { value: 'day', label: 'Every day' },
      { value: 'week', label: 'Every week' },
      { value: 'fortnight', label: 'Every two weeks' },
      { value: 'month', label: 'Every month' },
      { value: 'quarter', label: 'Every quarter' },
    ],
    default: 'way',
    label: 'Release cadence',
    description: 'When Release packages the finished work waiting at its door and Operations deploys it.',
  },
  wip: {
    kind: 'number',
    min: 0,
    max: 40,
    step: 1,
    default: 0,
    unit: 'items',
    label: 'Work-in-progress limit',
    description: 'The most items allowed between Product starting them and going live; Product starts nothing new at the limit. 0 means no limit.',
  },
  fast: {
    kind: 'flag',
    default: false,
    label: 'Every team twice as fast',
    description: 'Halves the time every team needs for its work, and for the other work it is busy with.',
  },
  busy: {
    kind: 'number',
    min: 0,
    max: 95,
    step: 5,
    default: 50,
    unit: '%',
    label: 'How busy each team is with other work',
    description: 'The share of each team’s time taken by other projects; the wait for a team grows steeply as this nears 100%.',
  },
  rate: {
    kind: 'number',
    min: 0.25,
    max: 5,
    step: 0.25,
    default: 0.75,
    unit: 'ideas a week',
    label: 'New ideas a week',
    description: 'How many new ideas reach Product in a week, on average.',
    advanced: true,
  },
  weeks: {
    kind: 'number',
    min: 4,
    max: 52,
    step: 1,
    default: 26,
    unit: 'weeks',
    label: 'Weeks of new ideas',
    description: 'How long new ideas keep arriving; the run goes on until every one is live.',
    advanced: true,
  },
  mis: {
    kind: 'number',
    min: 0,
    max: 50,
    step: 1,
    default: 10,
    unit: '%',
    label: 'Misunderstandings at a batch handoff',
    description: 'The chance that an item handed on in a big batch is misunderstood by the next team, causing a defect; less in small batches, none alone.',
    advanced: true,
  },
  defect: {
    kind: 'number',
    min: 0,
    max: 60,
    step: 1,
    default: 20,
    unit: '%',
    label: 'Engineering defect rate',
    description: 'The chance that Engineering’s first build of an item has a defect for QA to find.',
    advanced: true,
  },
  observe: {
    kind: 'number',
    min: 0,
    max: 30,
    step: 1,
    default: 5,
    unit: 'working days',
    label: 'Days until production feedback',
    description: 'How long an item must be live before real use tells the team something about it.',
    advanced: true,
  },
});

export type HandoffValues = Values<typeof handoffFields>;

/** The model's parameters for a learner's values: the way of working fills in the batch and cadence the learner left to it. */
export function handoffParams(values: HandoffValues): HandoffParams {
  const way = WAYS[values.way];
  return {
    ...BASE_PARAMS,
    batch: values.batch === 0 ? way.batch : values.batch,
    cadence: values.cadence === 'way' ? way.cadence : CADENCES[values.cadence],
    wip: values.wip,
    speed: values.fast ? 2 : 1,
    busy: values.busy / 100,
    rate: values.rate / 5,
    intakeDays: values.weeks * 5,
    misunderstanding: values.mis / 100,
    defectRate: values.defect / 100,
    observeDays: values.observe,
    effort: DEFAULT_EFFORT,
  };
}
