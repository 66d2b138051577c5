// Asks a Web Worker for a result, dropping answers a newer request overtook, and reporting a worker that fails or never answers.
import { useEffect, useRef, useState } from 'react';

export type WorkerResult<R> = { status: 'pending' } | { status: 'done'; data: R } | { status: 'failed'; reason: string };

/**
 * `make` creates the worker (so the bundler sees `new Worker(new URL(...))` at the call site). `request` is posted after
 * `delay` ms of quiet; null posts nothing. The worker must answer `{ id, data }` or `{ id, error }`.
 */
export function useWorkerQuery<Q, R>(make: () => Worker, request: Q | null, key: string, { delay = 60, timeout = 15_000 } = {}): WorkerResult<R> {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [result, setResult] = useState<WorkerResult<R>>({ status: 'pending' });
  const makeRef = useRef(make);

  useEffect(() => {
    let w: Worker;
    try {
      w = makeRef.current();
    } catch (error) {
      setResult({ status: 'failed', reason: `the browser could not start the worker (${String(error).slice(0, 80)})` });
      return;
    }
    w.onmessage = (event: MessageEvent<{ id: number; data?: R; error?: string }>) => {
      if (event.data.id !== latest.current) return;
      setResult(event.data.error ? { status: 'failed', reason: event.data.error } : { status: 'done', data: event.data.data as R });
    };
    w.onerror = (event) => {
      event.preventDefault();
      setResult({ status: 'failed', reason: event.message || 'the worker stopped with an error' });
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (request === null) return;
    const id = ++latest.current;
    setResult((r) => (r.status === 'failed' ? r : { status: 'pending' }));
    const send = setTimeout(() => worker.current?.postMessage({ id, request }), delay);
    const give = setTimeout(() => {
      if (latest.current === id) setResult((r) => (r.status === 'pending' ? { status: 'failed', reason: 'the worker did not answer in time' } : r));
    }, timeout);
    return () => {
      clearTimeout(send);
      clearTimeout(give);
    };
    // The key stands for the request's content, so a new object with the same content posts nothing new.
  }, [key]);

  return result;
}

/** The worker side: answers `{ id, request }` messages with `{ id, data }`, or `{ id, error }` when the compute throws. */
export function serveWorker<Q, R>(compute: (request: Q) => R): void {
  self.onmessage = (event: MessageEvent<{ id: number; request: Q }>) => {
    const { id, request } = event.data;
    try {
      self.postMessage({ id, data: compute(request) });
    } catch (error) {
      self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
