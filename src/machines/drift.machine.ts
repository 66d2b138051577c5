// The learner's flow through the drift sim: the kit's run controls over the drift model (an event waiting for a fix is the decision).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { driftModel, driftRun } from '../sims/drift.ts';

export const driftMachine = createRunMachine(driftModel, driftRun);
