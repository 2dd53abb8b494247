import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';
import { CliError } from './command';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The renderer's Vite build as a command, always a production build: Vite takes NODE_ENV from the environment, and
 * a test runner's NODE_ENV=test would ship React's development build, which renders every screen twice under
 * StrictMode and checks everything it renders (the first queue on screen took twice as long).
 */
export function rendererBuildCommand(): { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv } {
  return {
    command: process.execPath,
    args: [join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn'],
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  };
}

/** Builds the renderer with Vite when `rendererDir` has no build yet. Vite speaks on stderr: stdout carries JSON only. */
export async function ensureRendererBuilt(rendererDir: string, stderr: Writable): Promise<void> {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  stderr.write(`puzzelstuk: the renderer is not built yet (${rendererDir}); building it with Vite first…\n`);
  const { command, args, cwd, env } = rendererBuildCommand();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(stderr, { end: false });
  child.stderr.pipe(stderr, { end: false });
  const exit = await new Promise<number | string>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  if (exit !== 0) throw new CliError(`the renderer could not be built (vite build ended with ${exit}); see the messages above`);
}
