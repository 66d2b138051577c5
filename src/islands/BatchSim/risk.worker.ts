// Web Worker: computes Monte Carlo risk curves off the main thread so sliders stay smooth.
import { riskCurve, sizesUpTo } from '../../models/batch/risk.ts';

export interface RiskRequest {
  id: number;
  p: number;
  maxSize: number;
  trials: number;
  seed: number;
}

self.onmessage = (event: MessageEvent<RiskRequest>) => {
  const { id, p, maxSize, trials, seed } = event.data;
  self.postMessage({ id, points: riskCurve(p, sizesUpTo(maxSize), trials, seed) });
};
