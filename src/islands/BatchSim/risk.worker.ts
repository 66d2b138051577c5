// Web Worker: Monte Carlo risk curves and the policy sweep, off the main thread so the page stays responsive.
import { riskCurve, sizesUpTo } from '../../models/batch/risk.ts';
import { sweep } from '../../models/batch/sweep.ts';
import type { BatchParams } from '../../models/batch/types.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export type BatchWorkerRequest =
  { kind: 'risk'; p: number; maxSize: number; trials: number; seed: number } | { kind: 'sweep'; params: BatchParams; seeds: number; firstSeed: number };

serveWorker((request: BatchWorkerRequest) =>
  request.kind === 'risk'
    ? riskCurve(request.p, sizesUpTo(request.maxSize), request.trials, request.seed)
    : sweep(request.params, request.seeds, request.firstSeed),
);
