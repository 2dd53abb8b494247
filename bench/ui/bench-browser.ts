import { readFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
const UNPRIVILEGED_CHROMIUM = new URL('./chromium-unprivileged.sh', import.meta.url).pathname;
const CAP_SYS_NICE = 23n;

/** Whether this process may raise a thread's priority above the one it was started with (CAP_SYS_NICE). */
export function canRaisePriority(): boolean {
  const effective = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return effective !== undefined && ((BigInt(`0x${effective}`) >> CAP_SYS_NICE) & 1n) === 1n;
}

/**
 * The UI bench's Chromium. Run as root, Chromium raises its own threads (renderer 0, compositor and I/O −8) above the
 * `serve` it measures, which the bench starts niced like itself (19): the server's threads then waited 200–560 ms
 * to run for the 6–9 ms the start-up calls need, while the page loaded. An officer's browser cannot do that, so the
 * bench's may not either: it is started without CAP_SYS_NICE and keeps the priority it inherits, the server's.
 */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: canRaisePriority() ? UNPRIVILEGED_CHROMIUM : CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
