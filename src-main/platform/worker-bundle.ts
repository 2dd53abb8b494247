import { fileURLToPath, pathToFileURL } from 'node:url';
import { KEPT_BUNDLE_BUILD_TIMEOUT_MS, KEPT_BUNDLE_DIR, keptBundle } from '../../scripts/kept-bundle.mjs';

/** Where the kept bundles of a source checkout live: beside its installed packages, which they import. */
export const WORKER_BUNDLE_DIR = KEPT_BUNDLE_DIR;

/**
 * How long a build may hold the thread that starts the worker (in browser mode the core's) before it is stopped and
 * the worker starts under tsx instead.
 */
export const WORKER_BUNDLE_BUILD_TIMEOUT_MS = KEPT_BUNDLE_BUILD_TIMEOUT_MS;

export interface WorkerBundleBuild {
  /** The script that builds a bundle (scripts/bundle-worker.mjs unless a test swaps it). */
  builder?: string;
  /** WORKER_BUNDLE_BUILD_TIMEOUT_MS unless a test makes it short. */
  timeoutMs?: number;
}

/**
 * A worker's TypeScript entry as one JavaScript bundle, kept between starts (scripts/kept-bundle.mjs finds it,
 * scripts/bundle-worker.mjs builds it). From the sources — browser mode, `serve`, `npm start`, the CLI, the bench, the
 * tests — tsx compiled a worker's few hundred modules one by one at every start: the core's thread took 2.6–2.9 s of a
 * busy machine, while an officer signed in. Never stale: at each start every file the bundle was built from is hashed
 * again, and any change (or a missing bundle) builds it again first. Throws when it cannot be built (esbuild's
 * message) or its build outlasts the timeout.
 */
export function keptWorkerBundle(entry: URL, dir = WORKER_BUNDLE_DIR, build: WorkerBundleBuild = {}): URL {
  return pathToFileURL(keptBundle(fileURLToPath(entry), { dir, ...build }));
}
