// The learner's flow through the Conway sim: the kit's run controls over the Conway model (a reorganisation is an action, not a decision).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { model } from '../models/conway/model.ts';
import { conwayRun } from '../sims/conway.ts';

export const conwayMachine = createRunMachine(model, conwayRun);
