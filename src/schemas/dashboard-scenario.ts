// The dashboard's settings, kept in the URL like a sim's scenario: how many recent runs each tile is taken over, and the split in target mode.
import { defineFields, type Values } from '../sim-kit/core/fields.ts';

export const dashboardFields = defineFields({
  window: {
    kind: 'number',
    min: 1,
    max: 60,
    step: 1,
    default: 10,
    unit: 'runs',
    label: 'Recent runs',
    description: 'How many of your most recent runs each number on the wall is taken over.',
  },
  split: {
    kind: 'number',
    min: 1,
    max: 20,
    step: 1,
    default: 1,
    label: 'Split each deploy into',
    description: 'Target mode: how many smaller deploys each deploy is split into to push deployment frequency up.',
    advanced: true,
  },
});

export type DashboardScenarioValues = Values<typeof dashboardFields>;
