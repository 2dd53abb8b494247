// A Chrome trace of the first queue (issue 14): `serve` on the UI bench's 100k store, one cold and `runs` warm loads in
// fresh browser contexts, each traced with CDP Tracing. Prints, per warm load, what the page's main thread did between
// asking app.firstScreen and the first queue row on screen: its top-level tasks by kind, the scripts it evaluated and
// compiled, and the longest tasks. Not a bench row — a tool for finding where that time goes.
//   nice -n 19 npx tsx bench/ui/first-queue-trace.ts <store.db> [runs] [trace-out.json]
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../test/e2e/support/cli-process';
import { ensureRendererBuilt } from '../../test/e2e/support/renderer-build';
import { openStore } from '../../src-main/db/open-store';
import { writeRetentionPeriods } from '../../src-main/db/retention-periods';
import { encryptStoreFile } from '../../src-main/db/store-rewrite';
import type { PageGlobals } from '../../test/e2e/support/dom';
import { launchBenchBrowser } from './bench-browser';
import { collectTrace, printMainThread, TRACE_CATEGORIES, type TraceEvent } from './trace-summary';

type BenchGlobals = PageGlobals & { requestAnimationFrame(callback: () => void): void };

const [storeArg, runsArg, traceOut] = process.argv.slice(2);
if (!storeArg) throw new Error('usage: first-queue-trace.ts <store.db> [runs] [trace-out.json]');
const RUNS = Number(runsArg ?? 3);
const KEY = 'first-queue-trace';

ensureRendererBuilt((message) => process.stderr.write(`trace: ${message}\n`));
const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-first-queue-trace-'));
const storePath = join(dir, 'puzzelstuk.db');
copyFileSync(storeArg, storePath);
if (existsSync(`${storeArg}-wal`)) copyFileSync(`${storeArg}-wal`, `${storePath}-wal`);
const copy = openStore({ path: storePath });
writeRetentionPeriods(copy.sqlite, { dailyTaskYears: 30, caseYears: 30 });
copy.close();
encryptStoreFile(storePath, KEY);
const server = await startServer(['serve', '--db', storePath], { name: 'serve (trace)', logFile: join(dir, 'serve.log'), env: { PUZZELSTUK_DB_KEY: KEY } });
const browser = await launchBenchBrowser();

const ms = (us: number) => Math.round(us / 100) / 10;

try {
  for (let run = 0; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    // tsx (esbuild, keepNames) wraps named functions in __name(); the callbacks sent to the page need it there too.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const { events, completed } = collectTrace(cdp);
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    // The page says on its console when the first row is in the DOM; the trace holds the same moment as a console event.
    await page.addInitScript(() => {
      const g = globalThis as unknown as BenchGlobals & { performance: { mark(name: string): void } };
      const check = () => {
        if (g.document.querySelectorAll('[role="row"][data-report-id]').length > 0) return g.requestAnimationFrame(() => g.performance.mark('first-row'));
        g.requestAnimationFrame(check);
      };
      g.requestAnimationFrame(check);
    });
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (globalThis as unknown as { performance: { getEntriesByName(name: string): unknown[] } }).performance.getEntriesByName('first-row').length > 0, undefined, { timeout: 60_000, polling: 50 });
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await completed;
    await context.close();
    if (run === 0) continue;
    if (traceOut && run === RUNS) {
      writeFileSync(traceOut, JSON.stringify({ traceEvents: events }));
      writeFileSync(traceOut.replace(/(\.json)?$/, '.cpuprofile'), JSON.stringify(profile));
    }
    summarize(run, events);
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

function summarize(run: number, events: TraceEvent[]): void {
  const threadName = new Map(events.filter((event) => event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, event.args?.name ?? '']));
  const firstRow = events.find((event) => event.name === 'first-row');
  const navigation = events.find((event) => event.name === 'navigationStart' || event.name === 'NavigationStartToBegin') ?? events.find((event) => event.name === 'ResourceSendRequest');
  if (!firstRow || !navigation) throw new Error('the trace has no first-row mark or navigation');
  const main = `${firstRow.pid}:${firstRow.tid}`;
  const sends = events.filter((event) => event.name === 'ResourceSendRequest' && event.args?.data?.url?.endsWith('/api/call'));
  const asked = sends[0]?.ts ?? navigation.ts;
  const from = (at: number) => ms(at - navigation.ts);
  const finish = events.filter((event) => event.name === 'ResourceFinish' || event.name === 'ResourceReceiveResponse');
  const answered = finish.find((event) => sends[0] && event.args?.data?.requestId === sends[0].args?.data?.requestId);
  console.log(`\n=== run ${run}: first row ${from(firstRow.ts)} ms from navigation; app.firstScreen asked ${from(asked)} ms, its response ${answered ? from(answered.ts) : '?'} ms (main thread ${threadName.get(main)})`);
  printMainThread(events, main, asked, firstRow.ts);
}
