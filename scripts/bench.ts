// Benchmark harness (tinybench) for the batch-size model: one quarter, 1,000 quarters, the sweep the worker runs, and the Monte Carlo risk curve.
import { Bench } from 'tinybench';
import { runToEnd } from '../src/sim-kit/core/model.ts';
import { defaultValues } from '../src/sim-kit/core/fields.ts';
import { batchModel, riskCurve, sizesUpTo, sweep } from '../src/models/batch/index.ts';
import { batchFields, batchParams } from '../src/schemas/batch-scenario.ts';

/** The defaults a learner starts from: 65 days, 4 changes a day, 2% defects, monthly deploys. */
const params = batchParams(defaultValues(batchFields));
const continuous = batchParams({ ...defaultValues(batchFields), policy: 'continuous' });
const runQuarter = (p: typeof params, seed: number) => runToEnd(batchModel, p, seed);

let seed = 0;
const cases: Array<{ name: string; fn: () => void; iterations: number }> = [
  { name: 'one quarter (65 days, 4 changes a day, monthly deploys)', fn: () => void runQuarter(params, seed++), iterations: 2000 },
  { name: 'one quarter of continuous deployment', fn: () => void runQuarter(continuous, seed++), iterations: 500 },
  {
    name: '1,000 quarters of monthly deploys',
    fn: () => {
      for (let s = 0; s < 1000; s++) runQuarter(params, s);
    },
    iterations: 7,
  },
  { name: 'the sweep: 8 deploy intervals x 100 seeds', fn: () => void sweep(params, 100, seed++), iterations: 5 },
  { name: 'risk curve: batch sizes 1-100, 10,000 trials each', fn: () => void riskCurve(0.02, sizesUpTo(100), 10_000, seed++), iterations: 15 },
];

console.log(`Node ${process.versions.node}, ${process.arch}; medians of repeated runs after warm-up.\n`);
console.log(`${'benchmark'.padEnd(56)} ${'median'.padStart(11)} ${'mean'.padStart(11)} ${'p99'.padStart(11)} ${'runs'.padStart(6)}`);
for (const c of cases) {
  const bench = new Bench({ iterations: c.iterations, time: 0, warmupIterations: Math.max(1, Math.floor(c.iterations / 5)), warmupTime: 0 });
  bench.add(c.name, c.fn);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (!('latency' in result)) throw new Error(`${c.name} did not finish: ${result.state}`);
  const ms = (n: number) => `${n < 10 ? n.toFixed(3) : n.toFixed(1)} ms`;
  const l = result.latency;
  console.log(`${c.name.padEnd(56)} ${ms(l.p50).padStart(11)} ${ms(l.mean).padStart(11)} ${ms(l.p99).padStart(11)} ${String(l.samplesCount).padStart(6)}`);
}
