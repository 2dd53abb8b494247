// Finds — or builds with scripts/bundle-worker.mjs — the kept esbuild bundle of a TypeScript entry: a worker thread's
// (src-main/platform/worker-bundle.ts) or the CLI's (scripts/puzzelstuk.mjs). Plain JavaScript, so that the CLI can
// use it before any TypeScript loader runs: tsx compiled the CLI's few hundred modules one by one at every start.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the kept bundles of a source checkout live: beside its installed packages, which they import. */
export const KEPT_BUNDLE_DIR = fileURLToPath(new URL('../node_modules/.cache/puzzelstuk-workers', import.meta.url));
const BUILDER = fileURLToPath(new URL('./bundle-worker.mjs', import.meta.url));

/**
 * How long a build may hold the thread that waits for it before it is stopped. A first build took 2.9 s of a machine
 * at load 10: ten times that is hung.
 */
export const KEPT_BUNDLE_BUILD_TIMEOUT_MS = 30_000;

/**
 * The only variables the build sees: where to find programs and temporary files (and esbuild's own binary when it is
 * set). Never the rest of this process's environment — the store's key among it.
 */
const BUILD_ENVIRONMENT = ['PATH', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot', 'ESBUILD_BINARY_PATH'];

const hashOf = (content) => createHash('sha256').update(content).digest('base64url');

function readManifest(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** The manifest's bundle when it exists and every file it was built from still holds what it was built from. */
function freshBundle(manifest, dir) {
  if (!manifest || !existsSync(join(dir, manifest.bundle))) return null;
  for (const [path, hash] of Object.entries(manifest.inputs)) {
    let content;
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
 * The path of `entry`'s kept bundle (`entry` a TypeScript file's path). Never stale: every file it was built from is
 * hashed again, and any change (or a missing bundle) builds it again first. Throws when it cannot be built (esbuild's
 * message) or its build outlasts the timeout.
 */
export function keptBundle(entry, { dir = KEPT_BUNDLE_DIR, builder = BUILDER, timeoutMs = KEPT_BUNDLE_BUILD_TIMEOUT_MS } = {}) {
  // One bundle per entry file: its name, and which file (test workers share names across folders).
  const name = `${basename(entry).replace(/\.[cm]?tsx?$/, '')}-${createHash('sha256').update(entry).digest('hex').slice(0, 8)}`;
  const manifestPath = join(dir, `${name}.json`);
  const kept = freshBundle(readManifest(manifestPath), dir);
  if (kept) return kept;
  const env = { NODE_OPTIONS: '' };
  for (const key of BUILD_ENVIRONMENT) if (process.env[key] !== undefined) env[key] = process.env[key];
  try {
    execFileSync(process.execPath, [builder, entry, dir, name], { stdio: ['ignore', 'ignore', 'pipe'], env, timeout: timeoutMs, killSignal: 'SIGKILL' });
  } catch (error) {
    if (error.code === 'ETIMEDOUT') throw new Error(`bundling ${entry} took longer than ${timeoutMs} ms and was stopped`);
    throw error;
  }
  const built = readManifest(manifestPath);
  if (!built) throw new Error(`bundling ${entry} wrote no manifest`);
  return join(dir, built.bundle);
}
