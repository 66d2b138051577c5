// The capstone scenario: one choice per lever, a managed service per lever, and the quarter's size, with the model's params from them.
import { defineFields, type Values } from '../sim-kit/core/fields.ts';
import { DEPLOY, FLAGS, IAC, PARITY, SERVICES, TEAM, TESTS } from '../models/capstone/levers.ts';
import type { CapstoneParams, Levers } from '../models/capstone/types.ts';

const options = <T extends string>(table: Record<T, { label: string }>) => (Object.keys(table) as T[]).map((value) => ({ value, label: table[value].label }));

const managed = (lever: keyof typeof SERVICES) =>
  ({
    kind: 'flag',
    default: false,
    label: `Managed: ${SERVICES[lever].kind.toLowerCase()}`,
    description: `Pay for a managed service (on AWS today: ${SERVICES[lever].aws}, checked ${SERVICES[lever].checked}) to take over this lever's upkeep; it needs ${SERVICES[lever].needs ?? 'nothing else'}.`,
  }) as const;

export const capstoneFields = defineFields({
  team: { kind: 'choice', options: options(TEAM), default: 'silos', label: 'Team shape', description: 'Who builds the software and who runs it.' },
  parity: {
    kind: 'choice',
    options: options(PARITY),
    default: 'none',
    label: 'Parity spending',
    description: 'How much you spend making development and staging like production.',
  },
  tests: { kind: 'choice', options: options(TESTS), default: 'manual', label: 'Test portfolio', description: 'How changes are tested before they ship.' },
  iac: {
    kind: 'choice',
    options: options(IAC),
    default: 'hand',
    label: 'Infrastructure',
    description: 'Whether servers are changed by hand or defined as reviewed code.',
  },
  deploy: { kind: 'choice', options: options(DEPLOY), default: 'monthly', label: 'Deploy policy', description: 'How often changes go to production.' },
  flags: {
    kind: 'choice',
    options: options(FLAGS),
    default: 'off',
    label: 'Feature flags',
    description: 'Whether changes ship behind flags with dark launches and a kill switch.',
  },
  mparity: managed('parity'),
  mtests: managed('tests'),
  miac: managed('iac'),
  mdeploy: managed('deploy'),
  mflags: managed('flags'),
  days: {
    kind: 'number',
    min: 10,
    max: 130,
    step: 1,
    default: 65,
    unit: 'working days',
    label: 'Quarter length',
    description: 'Working days played (65 is a quarter).',
    advanced: true,
  },
  rate: {
    kind: 'number',
    min: 0.5,
    max: 20,
    step: 0.5,
    default: 5,
    unit: 'changes a day',
    label: 'Changes a day',
    description: 'Changes the team could make ready each working day if it had no upkeep at all.',
    advanced: true,
  },
});

export type CapstoneScenarioValues = Values<typeof capstoneFields>;

/** The model's parameters from the scenario's values. */
export function capstoneParams(v: CapstoneScenarioValues): CapstoneParams {
  const levers: Levers = { team: v.team, parity: v.parity, tests: v.tests, iac: v.iac, deploy: v.deploy, flags: v.flags };
  return {
    levers,
    managed: { parity: v.mparity, tests: v.mtests, iac: v.miac, deploy: v.mdeploy, flags: v.mflags },
    days: v.days,
    changesPerDay: v.rate,
  };
}
