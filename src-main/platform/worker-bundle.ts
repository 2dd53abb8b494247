import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the kept bundles of a source checkout live: beside its installed packages, which they import. */
export const WORKER_BUNDLE_DIR = fileURLToPath(new URL('../../node_modules/.cache/puzzelstuk-workers', import.meta.url));
const BUILDER = fileURLToPath(new URL('../../scripts/bundle-worker.mjs', import.meta.url));

/**
 * How long a build may hold the thread that starts the worker (in browser mode the core's) before it is stopped and
 * the worker starts under tsx instead. A first build took 2.9 s of a machine at load 10: ten times that is hung.
 */
export const WORKER_BUNDLE_BUILD_TIMEOUT_MS = 30_000;

/**
 * The only variables the build sees: where to find programs and temporary files (and esbuild's own binary when it is
 * set). Never the rest of this process's environment — the store's key among it.
 */
const BUILD_ENVIRONMENT = ['PATH', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot', 'ESBUILD_BINARY_PATH'];

export interface WorkerBundleBuild {
  /** The script that builds a bundle (scripts/bundle-worker.mjs unless a test swaps it). */
  builder?: string;
  /** WORKER_BUNDLE_BUILD_TIMEOUT_MS unless a test makes it short. */
  timeoutMs?: number;
}

interface Manifest {
  bundle: string;
  /** Every file the bundle was built from → the hash of the content it was built from. */
  inputs: Record<string, string>;
}

const hashOf = (content: Buffer) => createHash('sha256').update(content).digest('base64url');

function readManifest(path: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** The manifest's bundle when it exists and every file it was built from still holds what it was built from. */
function freshBundle(manifest: Manifest | null, dir: string): string | null {
  if (!manifest || !existsSync(join(dir, manifest.bundle))) return null;
  for (const [path, hash] of Object.entries(manifest.inputs)) {
    let content: Buffer;
    try {
      content = readFileSync(path);
    } catch {
      return null;
    }
    if (hashOf(content) !== hash) return null;
  }
  return join(dir, manifest.bundle);
}

/**
 * A worker's TypeScript entry as one JavaScript bundle, kept between starts (scripts/bundle-worker.mjs builds it).
 * From the sources — browser mode, `serve`, `npm start`, the CLI, the bench, the tests — tsx compiled a worker's few
 * hundred modules one by one at every start: the core's thread took 2.6–2.9 s of a busy machine, while an officer
 * signed in. Never stale: at each start every file the bundle was built from is hashed again, and any change (or a
 * missing bundle) builds it again first. Throws when it cannot be built (esbuild's message) or its build outlasts
 * the timeout.
 */
export function keptWorkerBundle(entry: URL, dir = WORKER_BUNDLE_DIR, build: WorkerBundleBuild = {}): URL {
  const path = fileURLToPath(entry);
  // One bundle per entry file: its name, and which file (test workers share names across folders).
  const name = `${basename(path).replace(/\.[cm]?tsx?$/, '')}-${createHash('sha256').update(path).digest('hex').slice(0, 8)}`;
  const manifestPath = join(dir, `${name}.json`);
  const kept = freshBundle(readManifest(manifestPath), dir);
  if (kept) return pathToFileURL(kept);
  const timeoutMs = build.timeoutMs ?? WORKER_BUNDLE_BUILD_TIMEOUT_MS;
  const env: NodeJS.ProcessEnv = { NODE_OPTIONS: '' };
  for (const key of BUILD_ENVIRONMENT) if (process.env[key] !== undefined) env[key] = process.env[key];
  try {
    execFileSync(process.execPath, [build.builder ?? BUILDER, path, dir, name], { stdio: ['ignore', 'ignore', 'pipe'], env, timeout: timeoutMs, killSignal: 'SIGKILL' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw new Error(`bundling ${path} took longer than ${timeoutMs} ms and was stopped`);
    throw error;
  }
  const built = readManifest(manifestPath);
  if (!built) throw new Error(`bundling ${path} wrote no manifest`);
  return pathToFileURL(join(dir, built.bundle));
}
