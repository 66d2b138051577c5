// A React hook that asks the risk worker for a Monte Carlo curve, dropping answers that a newer request has overtaken.
import { useEffect, useRef, useState } from 'react';
import type { RiskPoint } from '../../models/batch/risk.ts';
import type { RiskRequest } from './risk.worker.ts';

export const MONTE_CARLO_TRIALS = 10_000;

export function useRiskCurve(p: number, maxSize: number, seed: number): RiskPoint[] | null {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [points, setPoints] = useState<RiskPoint[] | null>(null);

  useEffect(() => {
    const w = new Worker(new URL('./risk.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<{ id: number; points: RiskPoint[] }>) => {
      if (event.data.id === latest.current) setPoints(event.data.points);
    };
    worker.current = w;
    return () => w.terminate();
  }, []);

  useEffect(() => {
    const id = ++latest.current;
    const timer = setTimeout(() => {
      const request: RiskRequest = { id, p, maxSize, trials: MONTE_CARLO_TRIALS, seed };
      worker.current?.postMessage(request);
    }, 60);
    return () => clearTimeout(timer);
  }, [p, maxSize, seed]);

  return points;
}
