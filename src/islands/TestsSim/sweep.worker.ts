// Web Worker: the test-portfolio sweep (escapes and pipeline minutes against the unit share, over many seeds), off the main thread.
import { sweep } from '../../models/tests/sweep.ts';
import type { TestsParams } from '../../models/tests/types.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export interface TestsWorkerRequest {
  params: TestsParams;
  seeds: number;
}

serveWorker((request: TestsWorkerRequest) => sweep(request.params, undefined, request.seeds));
