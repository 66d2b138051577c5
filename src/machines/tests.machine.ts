// The learner's flow through the test-portfolio sim: the kit's run controls over the test-portfolio model (a red build is the decision).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { testsModel, testsRun } from '../sims/tests.ts';

export const testsMachine = createRunMachine(testsModel, testsRun);
