// The provisioning model: plan and apply a declarative definition, run imperative commands, patch a fleet, and release a bad change.
import { streams } from '../../sim-kit/core/random.ts';
import type { SimModel } from '../../sim-kit/core/model.ts';
import {
  DATABASE_PORT,
  PORTS,
  SIZES,
  type Definition,
  type PlanStep,
  type Port,
  type ProvisionAction,
  type ProvisionParams,
  type ProvisionState,
  type ProvisionSummary,
  type Server,
  type Stage,
} from './types.ts';

/** Most servers a definition may declare here (enough to see the idea, few enough to draw). */
export const MAX_COUNT = 10;

export const serverName = (index: number) => `web-${index + 1}`;
const numberOf = (name: string) => Number(name.slice(4));
const samePorts = (a: readonly Port[], b: readonly Port[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** Why a definition is unusable, or null. */
export function definitionProblem(definition: Definition): string | null {
  if (!Number.isInteger(definition.count) || definition.count < 0 || definition.count > MAX_COUNT)
    return `count must be a whole number from 0 to ${MAX_COUNT} (got ${definition.count})`;
  if (!(SIZES as readonly string[]).includes(definition.size)) return `size must be one of ${SIZES.join(', ')} (got ${String(definition.size)})`;
  const unknown = definition.ports.find((p) => !(PORTS as readonly number[]).includes(p));
  if (unknown !== undefined) return `port ${unknown} is not one this definition may open (use ${PORTS.join(', ')})`;
  if (new Set(definition.ports).size !== definition.ports.length) return 'each port may appear only once';
  return null;
}

/** The definition with its ports in ascending order. */
export function normalise(definition: Definition): Definition {
  return { ...definition, ports: [...definition.ports].sort((a, b) => a - b) };
}

/**
 * What the tool would do to make `current` match `definition`: create each declared server that is missing, update each
 * one whose size or ports differ, delete each one the definition no longer declares. An empty plan means nothing to do.
 */
export function plan(current: readonly Server[], definition: Definition): PlanStep[] {
  const wanted = normalise(definition);
  const byName = new Map(current.map((s) => [s.name, s]));
  const steps: PlanStep[] = [];
  for (let i = 0; i < wanted.count; i++) {
    const name = serverName(i);
    const have = byName.get(name);
    if (!have) steps.push({ op: 'create', name, size: wanted.size, ports: wanted.ports });
    else if (have.size !== wanted.size || !samePorts(have.ports, wanted.ports))
      steps.push({ op: 'update', name, from: { size: have.size, ports: have.ports }, to: { size: wanted.size, ports: wanted.ports } });
  }
  const declared = new Set(Array.from({ length: wanted.count }, (_, i) => serverName(i)));
  for (const s of current) if (!declared.has(s.name)) steps.push({ op: 'delete', name: s.name });
  return steps;
}

/** Carries out a plan's steps on a set of servers (sorted by number). */
export function applyPlan(current: readonly Server[], steps: readonly PlanStep[]): Server[] {
  const servers = new Map(current.map((s) => [s.name, s]));
  for (const step of steps) {
    if (step.op === 'create') servers.set(step.name, { name: step.name, size: step.size, ports: step.ports });
    else if (step.op === 'update') servers.set(step.name, { name: step.name, ...step.to });
    else servers.delete(step.name);
  }
  return [...servers.values()].sort((a, b) => numberOf(a.name) - numberOf(b.name));
}

/** Plans and applies in one go: the servers as the definition declares them. Applying again changes nothing. */
export function apply(current: readonly Server[], definition: Definition): Server[] {
  return applyPlan(current, plan(current, definition));
}

/** The imperative script for the same intent: create each server and open each port, one command at a time, numbering after `existing` servers. */
export function commandsFor(definition: Definition, existing: number): string[] {
  const wanted = normalise(definition);
  const lines: string[] = [];
  for (let i = 0; i < wanted.count; i++) {
    const name = serverName(existing + i);
    lines.push(`create-server ${name} --size ${wanted.size}`);
    for (const port of wanted.ports) lines.push(`open-port ${name} ${port}`);
  }
  return lines;
}

/** Runs the commands: they do what they say, again, whatever exists already. */
export function runCommands(current: readonly Server[], definition: Definition): Server[] {
  const wanted = normalise(definition);
  const fresh = Array.from({ length: wanted.count }, (_, i) => ({ name: serverName(current.length + i), size: wanted.size, ports: wanted.ports }));
  return [...current, ...fresh];
}

export function init(params: ProvisionParams, seed: number): ProvisionState {
  const problem = definitionProblem(params.definition);
  if (problem) throw new RangeError(`Provisioning: the starting definition's ${problem}.`);
  const dice = streams(seed);
  const slips = dice('slips');
  return {
    params,
    definition: normalise(params.definition),
    declared: [],
    scripted: [],
    applies: [],
    commandRuns: 0,
    patch: null,
    release: null,
    slipDraws: Array.from({ length: params.fleet }, () => slips.float()),
    reviewDraw: dice('review').float(),
  };
}

/** The guided step the learner is on: apply twice, run the commands twice, patch the fleet, release the colleague's change. */
export function stage(state: ProvisionState): Stage {
  if (state.applies.length < 2) return 'plan-apply';
  if (state.commandRuns < 2) return 'commands';
  if (state.patch === null) return 'patch';
  if (state.release === null) return 'release';
  return 'done';
}

export function isOver(state: ProvisionState): boolean {
  return stage(state) === 'done';
}

/** Fleet servers a hand patch misses: each one whose seeded draw falls below the slip rate (a Binomial(fleet, slip) count). */
export function missedByHand(state: ProvisionState): number[] {
  return state.slipDraws.flatMap((u, i) => (u < state.params.slip ? [i] : []));
}

function release(state: ProvisionState, review: boolean, staging: boolean): ProvisionState {
  const { params } = state;
  const caughtBy = review && state.reviewDraw < params.reviewCatch ? 'review' : staging ? 'staging' : null;
  const minutes = (review ? params.reviewMinutes : 0) + (staging && caughtBy !== 'review' ? params.stagingMinutes : 0) + params.applyMinutes;
  return { ...state, release: { review, staging, caughtBy, exposed: caughtBy === null ? params.fleet : 0, minutes } };
}

/** The one transition. Every action is a no-op once the guided steps are done; `patch` and `release` happen once each. */
export function step(state: ProvisionState, action: ProvisionAction): ProvisionState {
  if (isOver(state)) return state;
  switch (action.type) {
    case 'edit':
      return definitionProblem(action.definition) ? state : { ...state, definition: normalise(action.definition) };
    case 'apply': {
      const steps = plan(state.declared, state.definition);
      const declared = applyPlan(state.declared, steps);
      return { ...state, declared, applies: [...state.applies, { definition: state.definition, plan: steps, servers: declared.length }] };
    }
    case 'run-commands':
      return { ...state, scripted: runCommands(state.scripted, state.definition), commandRuns: state.commandRuns + 1 };
    case 'patch': {
      if (state.patch !== null) return state;
      const { params } = state;
      return {
        ...state,
        patch:
          action.how === 'hand'
            ? { how: 'hand', missed: missedByHand(state), minutes: params.fleet * params.handMinutes }
            : { how: 'definition', missed: [], minutes: params.reviewMinutes + params.applyMinutes },
      };
    }
    case 'release':
      return state.release !== null ? state : release(state, action.review, action.staging);
  }
}

/** A learner who makes no choices follows the guided steps with the scenario's settings. */
export function autoplay(state: ProvisionState): ProvisionAction {
  switch (stage(state)) {
    case 'plan-apply':
    case 'done':
      return { type: 'apply' };
    case 'commands':
      return { type: 'run-commands' };
    case 'patch':
      return { type: 'patch', how: state.params.patch };
    case 'release':
      return { type: 'release', review: state.params.review, staging: state.params.staging };
  }
}

/** The colleague's change: the current definition with the database port opened too. */
export function badDefinition(definition: Definition): Definition {
  return normalise({ ...definition, ports: definition.ports.includes(DATABASE_PORT) ? definition.ports : [...definition.ports, DATABASE_PORT] });
}

export function summarize(state: ProvisionState): ProvisionSummary {
  const { params } = state;
  const flag = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0);
  return {
    applies: state.applies.length,
    firstPlanSteps: state.applies[0]?.plan.length ?? null,
    lastPlanSteps: state.applies.at(-1)?.plan.length ?? null,
    declaredCount: state.definition.count,
    declaredServers: state.declared.length,
    commandRuns: state.commandRuns,
    scriptedServers: state.scripted.length,
    extraServers: Math.max(0, state.scripted.length - state.definition.count),
    fleet: params.fleet,
    missed: state.patch ? state.patch.missed.length : null,
    expectedMissedByHand: params.fleet * params.slip,
    patchMinutes: state.patch?.minutes ?? null,
    exposed: state.release?.exposed ?? null,
    caughtAtReview: flag(state.release ? state.release.caughtBy === 'review' : undefined),
    caughtAtStaging: flag(state.release ? state.release.caughtBy === 'staging' : undefined),
    releaseMinutes: state.release?.minutes ?? null,
  };
}

export const model: SimModel<ProvisionParams, ProvisionState, ProvisionAction> = { init, step, isOver, autoplay };
