// The learner's flow through the provisioning sim: the kit's run controls over the provisioning model (every guided step is a decision).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { provisionModel, provisionRun } from '../sims/provision.ts';

export const provisionMachine = createRunMachine(provisionModel, provisionRun);
