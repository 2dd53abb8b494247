import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rendererBuildCommand } from '../../../src-main/cli/renderer-build';
import { PROJECT_ROOT, RENDERER_DIR } from './paths';

/** Newest modification time of the files under `dir` (recursively). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** What the renderer bundle is made of: its own sources, the shared contract code and the Vite config. */
const RENDERER_INPUTS = ['src-renderer', 'shared'].map((dir) => resolve(PROJECT_ROOT, dir));

/**
 * A renderer build in dist/renderer no older than its sources, built with Vite otherwise — `serve` serves whatever
 * is there, so the browser suite and the UI bench would otherwise drive an old page against today's core.
 */
export function ensureRendererBuilt(log: (message: string) => void): void {
  const index = join(RENDERER_DIR, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(...RENDERER_INPUTS.map(newestMtime), statSync(resolve(PROJECT_ROOT, 'package-lock.json')).mtimeMs);
  if (builtAt >= sourcesAt) {
    log('renderer build is up to date');
    return;
  }
  log(builtAt === 0 ? 'renderer not built: building it with Vite …' : 'renderer sources changed since the last build: rebuilding with Vite …');
  const started = Date.now();
  const { command, args, cwd, env } = rendererBuildCommand();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw new Error(`Vite could not run: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`vite build failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  if (!existsSync(index)) throw new Error(`the Vite build finished but ${index} is missing`);
  log(`renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
