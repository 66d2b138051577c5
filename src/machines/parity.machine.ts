// The learner's flow through the environment-parity sim: the kit's run controls over the parity model (no decision state; deploys are actions).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { parityModel, parityRun } from '../sims/parity.ts';

export const parityMachine = createRunMachine(parityModel, parityRun);
