// The learner's flow through the handoff-pipeline sim: the kit's run controls over the handoff model (no decision state; a release can be pushed any time).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { model } from '../models/handoff/index.ts';
import { handoffRun } from '../sims/handoff.ts';

export const handoffMachine = createRunMachine(model, handoffRun);
