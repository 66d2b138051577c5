// Starts the handoff sim's worker; one place, so the bundler sees the worker file.
export const makeHandoffWorker = () => new Worker(new URL('./handoff.worker.ts', import.meta.url), { type: 'module' });
