// Every sim's model checked against the kit's contract, and the batch sim's default run and result code pinned (golden).
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/sim-kit/core/model.ts';
import { defaultValues } from '../../../src/sim-kit/core/fields.ts';
import { encodeResult } from '../../../src/sim-kit/core/result-code.ts';
import { batchModel, summarize } from '../../../src/models/batch/index.ts';
import { batchFields, batchParams } from '../../../src/schemas/batch-scenario.ts';
import { batchCode } from '../../../src/sims/batch.ts';
import { model as handoff } from '../../../src/models/handoff/model.ts';
import { handoffFields, handoffParams } from '../../../src/schemas/handoff-scenario.ts';
import { model as parity } from '../../../src/models/parity/model.ts';
import { parityFields, parityParams } from '../../../src/schemas/parity-scenario.ts';
import { model as conway } from '../../../src/models/conway/model.ts';
import { conwayFields, conwayParams } from '../../../src/schemas/conway-scenario.ts';
import { model as drift } from '../../../src/models/drift/model.ts';
import { driftFields, driftParams } from '../../../src/schemas/drift-scenario.ts';
import { model as tests } from '../../../src/models/tests/model.ts';
import { testsFields, testsParams } from '../../../src/schemas/tests-scenario.ts';
import { model as provision } from '../../../src/models/provision/model.ts';
import { provisionFields, provisionParams } from '../../../src/schemas/provision-scenario.ts';
import { model as flags } from '../../../src/models/flags/model.ts';
import { flagsFields, flagsParams } from '../../../src/schemas/flags-scenario.ts';
import { model as capstone } from '../../../src/models/capstone/model.ts';
import { capstoneFields, capstoneParams } from '../../../src/schemas/capstone-scenario.ts';
import { modelContract } from './contract.ts';

modelContract({
  name: 'batch-size',
  fields: batchFields,
  toParams: batchParams,
  model: batchModel,
  maxActions: 10_000,
  variants: [{ policy: 'continuous' }, { policy: 'windows', defect: 8 }],
});
modelContract({ name: 'handoff', fields: handoffFields, toParams: handoffParams, model: handoff, maxActions: 10_000 });
modelContract({ name: 'parity', fields: parityFields, toParams: parityParams, model: parity, maxActions: 10_000 });
modelContract({ name: 'Conway', fields: conwayFields, toParams: conwayParams, model: conway, maxActions: 10_000 });
modelContract({ name: 'drift', fields: driftFields, toParams: driftParams, model: drift, maxActions: 10_000 });
modelContract({ name: 'test portfolio', fields: testsFields, toParams: testsParams, model: tests, maxActions: 10_000 });
modelContract({ name: 'provisioning', fields: provisionFields, toParams: provisionParams, model: provision, maxActions: 10_000 });
modelContract({ name: 'flags', fields: flagsFields, toParams: flagsParams, model: flags, maxActions: 10_000 });
modelContract({ name: 'capstone', fields: capstoneFields, toParams: capstoneParams, model: capstone, maxActions: 10_000 });

describe('the batch sim’s golden default run', () => {
  // Changing the model, the defaults or the code format breaks shared links and class codes: this fails loudly unless the
  // result code's version is bumped and the figures below are updated on purpose.
  it('is pinned, with its result code, at code version 1', () => {
    const values = defaultValues(batchFields);
    const end = runToEnd(batchModel, batchParams(values), 2026);
    const s = summarize(end);
    expect(batchCode.version).toBe(1);
    expect({
      ready: s.changesReady,
      deployed: s.changesDeployed,
      deploys: s.deploys,
      outages: s.failedDeploys,
      downtime: s.downtimeMinutes,
      band: s.placement.band,
    }).toMatchInlineSnapshot(`
      {
        "band": "low",
        "deployed": 249,
        "deploys": 3,
        "downtime": 1110,
        "outages": 2,
        "ready": 260,
      }
    `);
    expect(encodeResult(batchCode, 2026, values, s, '0000')).toMatchInlineSnapshot(`"SS2-b-1-0hxdea-0000-3.k.78.6x.3.2.0.uu.rv.3-177me"`);
  });
});
