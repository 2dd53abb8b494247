import { Worker, type ResourceLimits } from 'node:worker_threads';

export interface StartWorkerOptions {
  /** The worker's own heap limits: reaching them ends the worker (ERR_WORKER_OUT_OF_MEMORY), not the process. */
  resourceLimits?: ResourceLimits;
  workerData?: unknown;
}

/**
 * Starts a worker thread from a module URL. From TypeScript sources (development, tests) the worker first
 * registers tsx's loader, which Node 20 does not carry into workers by itself; built JavaScript starts directly.
 */
export function startWorker(moduleUrl: URL, options: StartWorkerOptions = {}): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
