// Web Worker: the drift sweep (quarter cost against the share of events fixed by hand, over many seeds), off the main thread.
import { sweep } from '../../models/drift/sweep.ts';
import type { DriftParams } from '../../models/drift/types.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export interface DriftWorkerRequest {
  params: DriftParams;
  seeds: number;
}

serveWorker((request: DriftWorkerRequest) => sweep(request.params, undefined, request.seeds));
