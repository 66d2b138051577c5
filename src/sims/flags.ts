// The feature-flag sim's definition: its fields, model, run controls (the pipeline, the release plan's steps and an alert wait for the learner) and result code.
import type { CodeSpec } from '../sim-kit/core/result-code.ts';
import type { RunMachineOptions } from '../sim-kit/machine/run.machine.ts';
import { autoplay, isOver, model as flagsModel, summarize, type FlagsAction, type FlagsState, type FlagsSummary } from '../models/flags/index.ts';
import { flagsFields, type FlagsScenarioValues } from '../schemas/flags-scenario.ts';

export { flagsFields, flagsModel };

/** The next step of the release plan the learner set up (dark launch on or off, rollout opened or stepped up), or null when none is due. */
export function planStep(state: FlagsState): Extract<FlagsAction, { type: 'dark' | 'rollout' }> | null {
  if (state.phase !== 'release' || isOver(state)) return null;
  const next = autoplay(state);
  return next.type === 'dark' || next.type === 'rollout' ? next : null;
}

/** Whether the new code is running (seen or dark) and can still be stopped: by the kill switch, or by a rollback not yet started. */
export function canStop(state: FlagsState): boolean {
  if (state.params.release === 'full') return state.rollout > 0 && state.rollbackDoneAt === null;
  return state.rollout > 0 || state.dark > 0;
}

/** Whether an alert fired in the minute just played while the new code was running: the on-call must choose now. */
export function alertWaiting(state: FlagsState): boolean {
  const last = state.alerts.at(-1);
  return !isOver(state) && state.pending && last !== undefined && last.minute === state.minute - 1 && canStop(state);
}

/**
 * The run waits for an action while the pipeline runs (the clock's tick does not move commits), when the release plan has a
 * step due (the island applies it at once, so every step is logged), and when a fresh alert asks the on-call to choose.
 */
export const flagsRun: RunMachineOptions<FlagsState, FlagsAction> = {
  id: 'flags',
  tick: { type: 'tick' },
  needsDecision: (state) => state.phase === 'pipeline' || planStep(state) !== null || alertWaiting(state),
};

const SHARE_VALUES = ['0', '1', '5', '25', '50', '100'] as const;
const plus1 = (n: number | null) => (n === null ? 0 : n + 1);

/** What a feature-flag result code holds. Bump `version` whenever a part is added, removed or changes meaning. */
export const flagsCode: CodeSpec<FlagsScenarioValues, FlagsSummary> = {
  sim: 'f',
  version: 1,
  world: ['commits', 'minutes', 'traffic', 'loadtest', 'rollback'],
  parts: [
    { key: 'release', label: 'How it shipped (0 behind a flag, 1 full release)', read: (v) => (v.release === 'full' ? 1 : 0) },
    { key: 'dark', label: 'Dark launch share in the plan (%)', read: (v) => Number(v.dark) },
    { key: 'rollout', label: 'Rollout share in the plan (%)', read: (v) => Number(v.rollout) },
    { key: 'plan', label: 'Rollout plan (0 hold, 1 step up)', read: (v) => (v.plan === 'ramp' ? 1 : 0) },
    { key: 'escaped', label: 'Problems that reached production', read: (_, s) => s.escaped ?? 0 },
    { key: 'exposed', label: 'Users who saw the feature', read: (_, s) => s.usersExposed ?? 0 },
    { key: 'hurt', label: 'Users hurt (blast radius, rounded)', read: (_, s) => s.usersHurt ?? 0 },
    { key: 'load', label: 'Peak database load (% of capacity)', read: (_, s) => s.peakDbLoadPercent ?? 0 },
    { key: 'alert', label: 'First alert (minute, plus 1; 0 if none)', read: (_, s) => plus1(s.firstAlertMinute ?? null) },
    { key: 'revealed', label: 'Load problem revealed (minute, plus 1; 0 if not)', read: (_, s) => plus1(s.loadRevealedMinute ?? null) },
    {
      key: 'stopped',
      label: 'Kill switch or rollback (minute, plus 1; 0 if never)',
      read: (_, s) => plus1(s.killedMinute ?? s.rollbackMinute ?? null),
    },
    { key: 'final', label: 'Rollout at the end (%)', read: (_, s) => s.finalRolloutPercent ?? 0 },
    { key: 'false', label: 'False alarms', read: (_, s) => s.falseAlarms ?? 0 },
  ],
};

/** The model's headline numbers kept in saved progress (saved progress holds at most 24 per run; pages, rollbacks and peak load under the dashboard's names). */
export const SAVED_KEYS = [
  'problems',
  'escaped',
  'pages',
  'rollbacks',
  'peakLoadPercent',
  'usersExposed',
  'usersHurt',
  'usersHurtWhileDark',
  'firstAlertMinute',
  'falseAlarms',
  'loadRevealedMinute',
  'killedMinute',
  'rollbackMinute',
  'finalRolloutPercent',
  'gap',
  'gapSE',
  'naive',
  'trueEffect',
] as const;

/** The flat summary kept in saved progress: the plan and the model's headline numbers. */
export function savedSummary(values: FlagsScenarioValues, run: FlagsState): Record<string, number | string | null> {
  const s = summarize(run);
  return {
    release: values.release,
    dark: Number(values.dark),
    rollout: Number(values.rollout),
    plan: values.plan,
    ...Object.fromEntries(SAVED_KEYS.map((k) => [k, s[k] ?? null])),
  };
}

/** The share options as numbers, for the flag's buttons. */
export const SHARES: readonly number[] = SHARE_VALUES.map(Number);
