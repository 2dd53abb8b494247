import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import { canRaisePriority, launchBenchBrowser } from '../../../bench/ui/bench-browser';
import type { PageGlobals } from '../../e2e/support/dom';
import { CHROMIUM_PATH } from '../../e2e/support/paths';

/** Field 19 of /proc/<pid>/task/<tid>/stat (after the parenthesised name): the thread's nice value. */
const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
const parentOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);

/** The lowest nice value of any thread of any process descending from this one (the browser and its children). */
function lowestNiceBelowUs(): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parents.set(Number(name), parentOf(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // Ended meanwhile.
    }
  }
  const descends = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  let lowest = Number.POSITIVE_INFINITY;
  for (const pid of [...parents.keys()].filter(descends)) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) lowest = Math.min(lowest, niceOf(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
    } catch {
      // Ended meanwhile.
    }
  }
  return lowest;
}

/** Opens a page that draws and runs a script, so that the renderer, its compositor and the GPU process have started. */
async function loadAPage(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  await page.setContent('<p>bench</p><script>document.body.append(String(1 + 1))</script>');
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.body.textContent?.includes('2'));
}

const ourNice = niceOf(readFileSync('/proc/self/stat', 'utf8'));
let browser: Browser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

describe('the UI bench browser', () => {
  it('keeps the priority it was started with: no thread of it runs above this process', async () => {
    browser = await launchBenchBrowser();
    await loadAPage(browser);
    expect(lowestNiceBelowUs()).toBeGreaterThanOrEqual(ourNice);
  });

  // The twin: where this process may raise priorities (root), a plainly launched Chromium does, above the server.
  it.skipIf(!canRaisePriority())('launched plainly with CAP_SYS_NICE, raises its own threads above this process', async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
    await loadAPage(browser);
    expect(lowestNiceBelowUs()).toBeLessThan(ourNice);
  });
});
