// Each played sim's default run and its result code, pinned: a change to a model, its defaults or a code's format fails here
// unless the code's version is bumped and the pinned codes are updated on purpose (shared links and class codes depend on them).
import { describe, expect, it } from 'vitest';
import { defaultValues, type Fields, type Values } from '../../../src/sim-kit/core/fields.ts';
import { runToEnd, type SimModel } from '../../../src/sim-kit/core/model.ts';
import { encodeResult, type CodeSpec } from '../../../src/sim-kit/core/result-code.ts';
import { batchModel, summarize as batchSummary } from '../../../src/models/batch/index.ts';
import { batchFields, batchParams } from '../../../src/schemas/batch-scenario.ts';
import { batchCode } from '../../../src/sims/batch.ts';
import { model as handoffModel, summarize as handoffSummary } from '../../../src/models/handoff/index.ts';
import { handoffFields, handoffParams } from '../../../src/schemas/handoff-scenario.ts';
import { handoffCode } from '../../../src/sims/handoff.ts';
import { model as driftModel, summarize as driftSummary } from '../../../src/models/drift/index.ts';
import { driftFields, driftParams } from '../../../src/schemas/drift-scenario.ts';
import { driftCode } from '../../../src/sims/drift.ts';
import { model as parityModel, summarize as paritySummary } from '../../../src/models/parity/model.ts';
import { parityFields, parityParams } from '../../../src/schemas/parity-scenario.ts';
import { parityCode } from '../../../src/sims/parity.ts';
import { model as provisionModel } from '../../../src/models/provision/model.ts';
import { provisionFields, provisionParams } from '../../../src/schemas/provision-scenario.ts';
import { provisionCode, provisionOutcome } from '../../../src/sims/provision.ts';
import { DEFAULT_WALL, DEFAULT_WINDOW } from '../../../src/models/dashboard/model.ts';
import { SAMPLE_RUNS } from '../../../src/models/dashboard/sample.ts';
import { dashboardCode, dashboardFields, summarizeWall } from '../../../src/sims/dashboard.ts';
import { model as testsModel, summarize as testsSummary } from '../../../src/models/tests/model.ts';
import { testsFields } from '../../../src/schemas/tests-scenario.ts';
import { testsCode, testsSimParams } from '../../../src/sims/tests.ts';
import { model as flagsModel, summarize as flagsSummary } from '../../../src/models/flags/model.ts';
import { flagsFields, flagsParams } from '../../../src/schemas/flags-scenario.ts';
import { flagsCode } from '../../../src/sims/flags.ts';
import { model as capstoneModel, summarize as capstoneSummary } from '../../../src/models/capstone/model.ts';
import { capstoneFields, capstoneParams } from '../../../src/schemas/capstone-scenario.ts';
import { capstoneCode } from '../../../src/sims/capstone.ts';
import { model as conwayModel, summarize as conwaySummary } from '../../../src/models/conway/model.ts';
import { conwayFields, conwayParams } from '../../../src/schemas/conway-scenario.ts';
import { conwayCode } from '../../../src/sims/conway.ts';
import { SIMS } from '../../../src/sims/registry.ts';

interface Golden<F extends Fields, P, S, Sum> {
  fields: F;
  params: (values: Values<F>) => P;
  model: SimModel<P, S, unknown>;
  summarize: (end: S) => Sum;
  code: CodeSpec<Values<F>, Sum>;
}
const golden = <F extends Fields, P, S, A, Sum>(g: Omit<Golden<F, P, S, Sum>, 'model'> & { model: SimModel<P, S, A> }) =>
  g as unknown as Golden<Fields, unknown, unknown, unknown>;

const GOLDEN = [
  golden({ fields: batchFields, params: batchParams, model: batchModel, summarize: batchSummary, code: batchCode }),
  golden({ fields: handoffFields, params: handoffParams, model: handoffModel, summarize: handoffSummary, code: handoffCode }),
  golden({ fields: driftFields, params: driftParams, model: driftModel, summarize: driftSummary, code: driftCode }),
  golden({ fields: parityFields, params: parityParams, model: parityModel, summarize: paritySummary, code: parityCode }),
  golden({ fields: testsFields, params: testsSimParams, model: testsModel, summarize: testsSummary, code: testsCode }),
  golden({ fields: flagsFields, params: flagsParams, model: flagsModel, summarize: flagsSummary, code: flagsCode }),
  golden({ fields: capstoneFields, params: capstoneParams, model: capstoneModel, summarize: capstoneSummary, code: capstoneCode }),
  golden({ fields: conwayFields, params: (v) => conwayParams(v), model: conwayModel, summarize: conwaySummary, code: conwayCode }),
  golden({ fields: provisionFields, params: provisionParams, model: provisionModel, summarize: provisionOutcome, code: provisionCode }),
];

/** The default run on the default seed, encoded with a fixed nonce. */
const defaultCode = (g: Golden<Fields, unknown, unknown, unknown>) => {
  const values = defaultValues(g.fields);
  return encodeResult(g.code, 2026, values, g.summarize(runToEnd(g.model, g.params(values), 2026)), '0000');
};

/** The dashboard plays no run of its own: its default is the sample data's default wall. */
const dashboardDefault = () =>
  encodeResult(dashboardCode, 2026, defaultValues(dashboardFields), summarizeWall(SAMPLE_RUNS, DEFAULT_WALL, DEFAULT_WINDOW, null), '0000');

describe('the golden default runs', () => {
  it('cover every sim in the registry', () => {
    expect([...GOLDEN.map((g) => g.code.sim), dashboardCode.sim].sort()).toEqual(SIMS.map((s) => s.code.sim).sort());
  });

  it('give the pinned result codes (bump a code’s version to change one)', () => {
    expect({ ...Object.fromEntries(GOLDEN.map((g) => [g.code.sim, defaultCode(g)])), db: dashboardDefault() }).toMatchInlineSnapshot(`
      {
        "b": "SS2-b-1-0hxdea-0000-3.k.78.6x.3.2.0.uu.rv.3-177me",
        "c": "SS2-c-1-1hl3jx-0000-0.0.6f.8y.h5.c.9.24-13yq7",
        "cq": "SS2-cq-1-12cv4z-0000-0.0.0.0.0.0.0.0.0.3.0.1cc.3.0.3.3.0.2y-1y3nr",
        "db": "SS2-db-1-0vpnqs-0000-0.o.3.0.1.2.1.2.4.1jl-0l5ei",
        "dr": "SS2-dr-1-0kv8gv-0000-0.g.0.7.e.1lt.8c.0-115ky",
        "f": "SS2-f-1-0ppi88-0000-0.0.2s.0.3.5k.1r.42.1p.1p.1q.0.0-16tf8",
        "h": "SS2-h-1-0yxsw8-0000-0.0.0.0.0.1e.n.n.6e.4.7k.f.d-0vqfy",
        "p": "SS2-p-1-1843fh-0000-a.0.0.0.0.1c.72.h.6.8-0pei4",
        "pv": "SS2-pv-1-0u8owf-0000-14.u.3.6.2.0.0.0.b4.0.14.0.a-0d9i7",
        "t": "SS2-t-1-1hw8dp-0000-0.a.f.u.19.6p.2d1.7.k.o.r.4n-19q7o",
      }
    `);
  });
});
