// The learner's flow through the feature-flag sim: the kit's run controls over the flags model (pipeline, plan steps and alerts wait for an action).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { flagsModel, flagsRun } from '../sims/flags.ts';

export const flagsMachine = createRunMachine(flagsModel, flagsRun);
