// Web Worker: the capstone sweep (keys against the number of levers pulled, every combination, many seeds), off the main thread.
import { sweep } from '../../models/capstone/expected.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export interface CapstoneWorkerRequest {
  seeds: number;
}

serveWorker((request: CapstoneWorkerRequest) => sweep(request.seeds));
