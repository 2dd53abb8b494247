import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../support/paths';

export interface CliRun {
  child: ChildProcess;
  /** Resolves with the exit code (or the signal that ended it) and what was printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Runs `puzzelstuk sync …` as its own process, as `npm run cli --` would, but as a single node
 * process (`node scripts/puzzelstuk.mjs`), so that SIGKILL hits exactly the process that holds the store.
 */
export function spawnSyncCli(args: string[]): CliRun {
  const child = spawn(process.execPath, ['scripts/puzzelstuk.mjs', 'sync', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
