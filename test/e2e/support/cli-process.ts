/**
 * The project's CLI as a person runs it (`npm run cli -- …` is `node scripts/puzzelstuk.mjs …`), one OS
 * process per server. Node is started directly with tsx's loader: an npm wrapper would stand between the signal and
 * the server. Every child still running when this process exits is killed, so no server outlives the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from './paths';

const CLI_BIN = join(PROJECT_ROOT, 'scripts/puzzelstuk.mjs');
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function cliChild(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd: PROJECT_ROOT,
    // The runner's NODE_OPTIONS carry Playwright's own loader; the CLI gets a plain Node.
    env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Runs a CLI command to its end and returns its stdout; throws with its stderr when it fails. */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<string> {
  const child = cliChild(args, options.env ?? {});
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  if (code !== 0) throw new Error(`puzzelstuk ${args[0]} ${args[1] ?? ''} failed (exit ${code ?? signal}):\n${stderr.trim().slice(-2000)}`);
  return stdout;
}

export interface ServerProcess {
  /** What the server printed: its one JSON line. */
  url: string;
  pid: number;
  /** SIGTERM, as Ctrl+C would; SIGKILL if it has not stopped within 20 s. Resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Whether the process is still running. */
  running(): boolean;
  /** From spawning to the printed URL. */
  startedInMs: number;
}

export interface ServerOptions {
  /** Shown in errors and the log. */
  name: string;
  env?: NodeJS.ProcessEnv;
  /** stderr (the server's JSON log) is appended here, for a failing test's attachments. */
  logFile: string;
  startTimeoutMs?: number;
}

/** Starts a CLI server (`serve`, `hub serve`) and resolves once it printed {"url"} — that is, once it listens. */
export async function startServer(args: string[], options: ServerOptions): Promise<ServerProcess> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  appendFileSync(options.logFile, `\n--- ${new Date().toISOString()} ${options.name}: puzzelstuk ${args.join(' ')}\n`);
  const spawnedAt = Date.now();
  const child = cliChild(args, options.env ?? {});
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stderrTail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    appendFileSync(options.logFile, text);
    stderrTail = (stderrTail + text).slice(-3000);
  });
  const lines = createInterface({ input: child.stdout! });
  const timeoutMs = options.startTimeoutMs ?? 90_000;

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} printed no URL within ${timeoutMs / 1000} s:\n${stderrTail}`));
    }, timeoutMs);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const parsed = JSON.parse(line) as { url?: unknown };
        if (typeof parsed.url !== 'string') throw new Error('no "url"');
        resolve(parsed.url);
      } catch (error) {
        child.kill('SIGKILL');
        reject(new Error(`${options.name} printed ${JSON.stringify(line)} instead of {"url"}: ${(error as Error).message}`));
      }
    });
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code ?? signal}) before it listened:\n${stderrTail}`));
    });
  });

  const startedInMs = Date.now() - spawnedAt;
  appendFileSync(options.logFile, `--- ${options.name} listening after ${startedInMs} ms\n`);
  let stopping: Promise<number | null> | null = null;
  return {
    url,
    startedInMs,
    pid: child.pid!,
    running: () => child.exitCode === null && child.signalCode === null,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        const [code] = await exited;
        clearTimeout(killer);
        lines.close();
        return code;
      })();
      return stopping;
    },
  };
}
