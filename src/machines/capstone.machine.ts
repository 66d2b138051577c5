// The learner's flow through the capstone: the kit's run controls over the capstone model (an open incident is the decision).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { model } from '../models/capstone/model.ts';
import { capstoneRun } from '../sims/capstone.ts';

export const capstoneMachine = createRunMachine(model, capstoneRun);
