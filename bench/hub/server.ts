// Starts serve-child.ts and hands back its URL and tokens, and stop() (SIGTERM, then wait for the exit).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchOfficer {
  id: string;
  keyId: string;
  privateKey: string;
  /** The hub's officer credential, for signing in at a workstation (`session.signIn`). */
  credential: string;
}

export interface BenchHub {
  url: string;
  intake: string;
  workstations: string[];
  /** The officer of each workstation (same index), with the private half of their registered signing key. */
  officers: BenchOfficer[];
  /** CPU time (user + system) the hub process has used so far, from /proc (NaN where there is none). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export function cpuSecondsOf(pid: number | undefined): number {
  try {
    // Fields after the parenthesized command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export function startBenchHub(args: string[]): Promise<BenchHub> {
  const path = fileURLToPath(new URL('./serve-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      try {
        const started = JSON.parse(out.slice(0, newline)) as Pick<BenchHub, 'url' | 'intake' | 'workstations' | 'officers'>;
        resolve({ ...started, cpuSeconds: () => cpuSecondsOf(child.pid), stop });
      } catch (error) {
        void stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    child.stdout.on('data', onData);
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the bench hub exited (${child.exitCode ?? child.signalCode}) before it served`)));
  });
}
