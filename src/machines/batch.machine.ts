// The learner's flow through the batch-size sim: the kit's run controls over the batch model (an outage is the decision).
import { createRunMachine } from '../sim-kit/machine/run.machine.ts';
import { batchModel } from '../models/batch/index.ts';
import { batchRun } from '../sims/batch.ts';

export const batchMachine = createRunMachine(batchModel, batchRun);
