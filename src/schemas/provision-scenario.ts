// The provisioning scenario: the starting definition, the fleet, hand-patching slips and the safeguards, with the conversion to model params.
import { defineFields, type Values } from '../sim-kit/core/fields.ts';
import type { PatchHow, Port, ProvisionParams, Size } from '../models/provision/types.ts';

/** The port sets a starting definition may name in a link. */
export const PORT_SETS: Record<'web' | 'https' | 'web-ssh', Port[]> = {
  web: [80, 443],
  https: [443],
  'web-ssh': [22, 80, 443],
};

export const provisionFields = defineFields({
  count: {
    kind: 'number',
    label: 'Servers in the definition',
    description: 'How many web servers the starting definition declares.',
    min: 0,
    max: 10,
    step: 1,
    default: 3,
  },
  size: {
    kind: 'choice',
    label: 'Server size',
    description: 'The size the starting definition gives every server.',
    options: [
      { value: 'small', label: 'Small' },
      { value: 'medium', label: 'Medium' },
      { value: 'large', label: 'Large' },
    ],
    default: 'small' as Size,
  },
  ports: {
    kind: 'choice',
    label: 'Open ports',
    description: 'The ports the starting definition opens: web (80 and 443), https (443 only) or web-ssh (22, 80 and 443).',
    options: [
      { value: 'web', label: '80 and 443' },
      { value: 'https', label: '443 only' },
      { value: 'web-ssh', label: '22, 80 and 443' },
    ],
    default: 'web' as keyof typeof PORT_SETS,
  },
  fleet: {
    kind: 'number',
    label: 'Fleet size',
    description: 'Servers in the production fleet to patch.',
    min: 1,
    max: 500,
    step: 1,
    default: 40,
  },
  slip: {
    kind: 'number',
    label: 'Slip rate by hand',
    description: 'Percent chance of missing any one server when patching by hand.',
    min: 0,
    max: 20,
    step: 0.5,
    default: 3,
    unit: '%',
  },
  patch: {
    kind: 'choice',
    label: 'Patch the fleet',
    description: 'How the fleet is patched when you let the steps play: server by server by hand, or by changing the definition and applying it.',
    options: [
      { value: 'hand', label: 'By hand, server by server' },
      { value: 'definition', label: 'Through the definition' },
    ],
    default: 'hand' as PatchHow,
  },
  review: {
    kind: 'flag',
    label: 'Review changes',
    description: 'Whether a colleague reviews a change to the definition before it is applied.',
    default: false,
  },
  staging: {
    kind: 'flag',
    label: 'Run through staging',
    description: 'Whether a changed definition is applied to a staging copy first, where an open database port is found for sure.',
    default: false,
  },
  catch: {
    kind: 'number',
    label: 'Review catches',
    description: 'Percent chance that review spots the open database port.',
    min: 0,
    max: 100,
    step: 5,
    default: 50,
    unit: '%',
    advanced: true,
  },
  handmin: {
    kind: 'number',
    label: 'Minutes per server by hand',
    description: 'Minutes to patch one server by hand.',
    min: 1,
    max: 120,
    step: 1,
    default: 10,
    unit: 'minutes',
    advanced: true,
  },
  reviewmin: {
    kind: 'number',
    label: 'Minutes to review',
    description: 'Minutes for a colleague to review a change to the definition.',
    min: 0,
    max: 240,
    step: 1,
    default: 20,
    unit: 'minutes',
    advanced: true,
  },
  applymin: {
    kind: 'number',
    label: 'Minutes to apply',
    description: 'Minutes for the tool to apply a definition to the whole fleet.',
    min: 0,
    max: 240,
    step: 1,
    default: 10,
    unit: 'minutes',
    advanced: true,
  },
  stagemin: {
    kind: 'number',
    label: 'Minutes in staging',
    description: 'Minutes for a run through staging before production.',
    min: 0,
    max: 480,
    step: 1,
    default: 30,
    unit: 'minutes',
    advanced: true,
  },
});

export type ProvisionValues = Values<typeof provisionFields>;

/** Model params from scenario values (percents become chances). */
export function provisionParams(values: ProvisionValues): ProvisionParams {
  return {
    definition: { count: values.count, size: values.size, ports: PORT_SETS[values.ports] },
    fleet: values.fleet,
    slip: values.slip / 100,
    handMinutes: values.handmin,
    reviewMinutes: values.reviewmin,
    applyMinutes: values.applymin,
    stagingMinutes: values.stagemin,
    reviewCatch: values.catch / 100,
    patch: values.patch,
    review: values.review,
    staging: values.staging,
  };
}
