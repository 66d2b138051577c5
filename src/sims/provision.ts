// The provisioning sim's definition: its fields, model, run controls (every guided step waits for the learner) and result code.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import {
  isOver,
  model as provisionModel,
  summarize,
  type PatchHow,
  type ProvisionAction,
  type ProvisionState,
  type ProvisionSummary,
} from '../models/provision/index.ts';
import { provisionFields, type ProvisionValues } from '../schemas/provision-scenario.ts';

export { provisionFields, provisionModel };

/**
 * Plan and apply has no clock: each guided step (apply, run the commands, patch, release) is the learner's to take, so the
 * run waits for them until the end. The tick is the model's first guided step, apply; the run machine never plays it on its
 * own, because a run that always waits never ticks.
 */
export const provisionRun: RunMachineOptions<ProvisionState, ProvisionAction> = {
  id: 'provision',
  tick: { type: 'apply' },
  needsDecision: (state) => !isOver(state),
};

/** The model's summary plus the choices the learner made on the way (how the fleet was patched, which safeguards the release had). */
export interface ProvisionOutcome extends ProvisionSummary {
  patchedBy: PatchHow | null;
  reviewed: boolean | null;
  staged: boolean | null;
  caughtBy: 'review' | 'staging' | null;
}

export function provisionOutcome(state: ProvisionState): ProvisionOutcome {
  return {
    ...summarize(state),
    patchedBy: state.patch?.how ?? null,
    reviewed: state.release?.review ?? null,
    staged: state.release?.staging ?? null,
    caughtBy: state.release?.caughtBy ?? null,
  };
}

/** The flat headline numbers kept in saved progress. */
export function savedSummary(values: ProvisionValues, run: ProvisionState) {
  const s = provisionOutcome(run);
  return {
    fleet: values.fleet,
    declaredServers: s.declaredServers,
    scriptedServers: s.scriptedServers,
    lastPlanSteps: s.lastPlanSteps,
    patchedBy: s.patchedBy,
    missed: s.missed,
    patchMinutes: s.patchMinutes,
    exposed: s.exposed,
    releaseMinutes: s.releaseMinutes,
  };
}

const flag = (b: boolean | null) => (b ? 1 : 0);

/** What a provisioning result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const provisionCode: CodeSpec<ProvisionValues, ProvisionOutcome> = {
  sim: 'pv',
  version: 1,
  world: ['count', 'size', 'ports', 'fleet', 'slip', 'catch', 'handmin', 'reviewmin', 'applymin', 'stagemin'],
  parts: [
    { key: 'fleet', label: 'Servers in the fleet', read: (v) => v.fleet },
    { key: 'slip', label: 'Slip rate by hand (tenths of a percent)', read: (v) => Math.round(v.slip * 10) },
    { key: 'defined', label: 'Servers the definition left', read: (_, s) => s.declaredServers },
    { key: 'commands', label: 'Servers the commands left', read: (_, s) => s.scriptedServers },
    { key: 'applies', label: 'Times the definition was applied', read: (_, s) => s.applies },
    { key: 'last', label: 'Steps in the last plan (0: nothing left to do)', read: (_, s) => s.lastPlanSteps ?? 0 },
    { key: 'patch', label: 'Patched (0 by hand, 1 through the definition)', read: (_, s) => (s.patchedBy === 'definition' ? 1 : 0) },
    { key: 'missed', label: 'Servers the patch missed', read: (_, s) => s.missed ?? 0 },
    { key: 'pmin', label: 'Patch time (minutes)', read: (_, s) => s.patchMinutes ?? 0 },
    { key: 'guard', label: 'Safeguards (0 none, 1 review, 2 staging, 3 both)', read: (_, s) => flag(s.reviewed) + 2 * flag(s.staged) },
    { key: 'exposed', label: 'Servers exposing the database port', read: (_, s) => s.exposed ?? 0 },
    {
      key: 'caught',
      label: 'Bad change caught by (0 nothing, 1 review, 2 staging)',
      read: (_, s) => (s.caughtBy === 'review' ? 1 : s.caughtBy === 'staging' ? 2 : 0),
    },
    { key: 'rmin', label: 'Release time (minutes)', read: (_, s) => s.releaseMinutes ?? 0 },
  ],
};
