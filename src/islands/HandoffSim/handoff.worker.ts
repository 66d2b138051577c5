// Web Worker: the sweep of lead time against handoff batch size over many seeds, off the main thread.
import { sweep } from '../../models/handoff/analysis.ts';
import type { HandoffParams } from '../../models/handoff/types.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export interface HandoffSweepRequest {
  params: HandoffParams;
  sizes: number[];
  seeds: number[];
}

serveWorker((request: HandoffSweepRequest) => sweep(request.params, request.sizes, request.seeds));
