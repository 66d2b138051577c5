// Web Worker: the provisioning sweep (servers missed by hand against fleet size, over many seeds), off the main thread.
import { sweep } from '../../models/provision/sweep.ts';
import type { ProvisionParams } from '../../models/provision/types.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export interface ProvisionWorkerRequest {
  params: ProvisionParams;
  seeds: number;
}

serveWorker((request: ProvisionWorkerRequest) => sweep(request.params, undefined, request.seeds));
