// Web Worker: users hurt against the rollout share over many seeds (and a full release for reference), off the main thread.
import { sweep } from '../../models/flags/expected.ts';
import type { FlagsParams } from '../../models/flags/types.ts';
import { serveWorker } from '../../sim-kit/react/use-worker.ts';

export interface FlagsSweepRequest {
  params: FlagsParams;
  seeds: number;
}

serveWorker((request: FlagsSweepRequest) => sweep(request.params, request.seeds));
