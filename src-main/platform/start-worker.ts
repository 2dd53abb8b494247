import { Worker, type ResourceLimits } from 'node:worker_threads';
import { keptWorkerBundle } from './worker-bundle';

export interface StartWorkerOptions {
  /** The worker's own heap limits: reaching them ends the worker (ERR_WORKER_OUT_OF_MEMORY), not the process. */
  resourceLimits?: ResourceLimits;
  workerData?: unknown;
}

/**
 * Starts a worker thread from a module URL. Built JavaScript starts directly. From TypeScript sources (development,
 * browser mode, tests) the worker runs from its kept bundle (./worker-bundle.ts), with source maps for its stack
 * traces; should the bundle fail to build, it starts under tsx's loader — which Node 20 does not carry into workers
 * by itself — and meets the same fault there, reported as the worker's error.
 */
export function startWorker(moduleUrl: URL, options: StartWorkerOptions = {}): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, options);
  let bundle: URL;
  try {
    bundle = keptWorkerBundle(moduleUrl);
  } catch (error) {
    process.emitWarning(`${(error as Error).message.trim()}\n(starting the worker under tsx instead)`, 'PuzzelstukWorkerBundle');
    const underTsx = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
    return new Worker(underTsx, { ...options, eval: true });
  }
  return new Worker(`process.setSourceMapsEnabled(true); import(${JSON.stringify(bundle.href)});`, { ...options, eval: true });
}
