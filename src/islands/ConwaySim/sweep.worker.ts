// Web Worker: the Conway sweep (incidents as more pairs of teams talk, and each named organisation) off the main thread.
import { sweep, sweepTalk, type Org } from '../../models/conway/index.ts';
import type { ConwayValues } from '../../schemas/conway-scenario.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export interface ConwayWorkerRequest {
  values: ConwayValues;
  org: Org;
  seeds: number;
}

serveWorker((request: ConwayWorkerRequest) => ({
  talk: sweepTalk(request.values, request.org, request.seeds),
  orgs: sweep(request.values, request.seeds),
}));
