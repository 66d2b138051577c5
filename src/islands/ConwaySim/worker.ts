// Starts the Conway sim's worker; one place, so the bundler sees the worker file.
export const makeConwayWorker = () => new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
