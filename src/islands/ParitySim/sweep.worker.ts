// Web Worker: the parity sweep (production failures, version gap and find cost against the deploy interval, over many seeds), off the main thread.
import { sweep } from '../../models/parity/sweep.ts';
import type { ParityValues } from '../../schemas/parity-scenario.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export interface ParityWorkerRequest {
  values: ParityValues;
  intervals: number[];
  seeds: number;
}

serveWorker((request: ParityWorkerRequest) => sweep(request.values, request.intervals, request.seeds));
