import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module URL. From TypeScript sources (development, tests) the worker first
 * registers tsx's loader, which Node 20 does not carry into workers by itself; built JavaScript starts directly.
 */
export function startWorker(moduleUrl: URL): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
