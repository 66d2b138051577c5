// Starts the batch sim's worker; one place, so the bundler sees the worker file.
export const makeBatchWorker = () => new Worker(new URL('./risk.worker.ts', import.meta.url), { type: 'module' });
