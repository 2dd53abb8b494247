import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, startServer } from '../../test/e2e/support/cli-process';
import { PROJECT_ROOT } from '../../test/e2e/support/paths';
import { ensureRendererBuilt } from '../../test/e2e/support/renderer-build';
import { runChild } from '../child';
import { policeSignInMetrics } from '../ui/police-sign-in';
import { dataset, DATA_DIR } from '../dataset';
import { machineDescription, type Metric, type SuiteResult } from '../report';
import { encryptStoreFile } from '../../src-main/db/store-rewrite';
import { openStore } from '../../src-main/db/open-store';
import { writeRetentionPeriods } from '../../src-main/db/retention-periods';

/** The UI is measured at this size whatever --sizes says: the queue of a busy unit. */
const REPORTS = 100_000;
const BENCH_STORE_KEY = 'bench-ui-store-key';

interface Latency {
  p50: number;
  p95: number;
  n: number;
}
interface BrowserResult {
  total: number;
  cold: number;
  /** navigation start → the last script or style sheet fetched before the first row. */
  bundleLoaded: Latency;
  /** navigation start → app.firstScreen (the page's first call) asked, and → answered (its response's end). */
  callsAsked: Latency;
  callsAnswered: Latency;
  /** navigation start → the last call asked before the first row answered (one the drawn screen asks). */
  lastCallAnswered: Latency;
  /** Each call the page makes at start, alone over HTTP (ms). */
  bootCalls: Record<string, number>;
  firstRender: Latency;
  overviewRender: Latency;
  search: Latency;
  filter: Latency;
  rawFirst: Latency;
  rawSearch: Latency;
  rawFilter: Latency;
}

/** The store's schema version: a cached store is reused only while the migrations are unchanged. */
function migrationsKey(): string {
  const hash = createHash('sha256');
  const folder = resolve(PROJECT_ROOT, 'migrations');
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(join(folder, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** A store with the data set imported by the CLI (`puzzelstuk import`), cached in bench/data like the data set. */
async function importedStore(file: string): Promise<{ path: string; importSeconds: number | null }> {
  const path = join(DATA_DIR, `store-${REPORTS}-${migrationsKey()}.db`);
  if (existsSync(path)) return { path, importSeconds: null };
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const started = performance.now();
  await runCli(['import', file, '--db', partial, '--quiet'], { timeoutMs: 60 * 60_000 });
  const importSeconds = (performance.now() - started) / 1000;
  // The CLI has closed the store; a WAL it left belongs with the database file, under the same name.
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${partial}${suffix}`)) renameSync(`${partial}${suffix}`, `${path}${suffix}`);
  renameSync(partial, path);
  return { path, importSeconds };
}

/** Only the police sign-in rows: they need no imported store (the hub holds their reports). */
export async function uiSignInOnly(): Promise<SuiteResult> {
  const machine = machineDescription();
  ensureRendererBuilt((message) => process.stderr.write(`ui: ${message}\n`));
  process.stderr.write('ui: signing in with a police account…\n');
  const metrics = (await policeSignInMetrics()).map((metric) => ({ ...metric, note: `${metric.note ? `${metric.note}; ` : ''}measured alone (--only sign-in) ${new Date().toISOString()}` }));
  return { suite: 'ui', title: 'Workbench UI in browser mode', ranAt: new Date().toISOString(), machine, metrics };
}

/**
 * The UI targets on 100k reports in browser mode: time to the first rendered queue, and from a search or
 * filter to the updated list. The floor for each is the very queue.list call the page made, replayed over HTTP.
 */
export async function uiSuite(): Promise<SuiteResult> {
  const machine = machineDescription();
  ensureRendererBuilt((message) => process.stderr.write(`ui: ${message}\n`));
  process.stderr.write('ui: generating data set…\n');
  const file = await dataset(REPORTS);
  process.stderr.write('ui: importing it with the CLI (cached after the first run)…\n');
  const store = await importedStore(file);

  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-ui-'));
  try {
    // `serve` writes to its store (officer, sync bookkeeping): it gets a copy.
    const storePath = join(dir, 'puzzelstuk.db');
    copyFileSync(store.path, storePath);
    if (existsSync(`${store.path}-wal`)) copyFileSync(`${store.path}-wal`, `${storePath}-wal`);
    // The generated reports carry 2026 dates: the copy keeps them thirty years, so that serve's retention run at
    // start leaves them whatever today's date.
    const copy = openStore({ path: storePath });
    writeRetentionPeriods(copy.sqlite, { dailyTaskYears: 30, caseYears: 30 });
    copy.close();
    // Outside the demo browser mode serves only an encrypted store, with its key from the environment.
    encryptStoreFile(storePath, BENCH_STORE_KEY);
    process.stderr.write('ui: serving it and driving Chromium…\n');
    // No hub: the store alone, offline, so nothing but the officer changes the queue. (With a hub named, the
    // workstation opens only after an officer signs in with it.)
    const server = await startServer(['serve', '--db', storePath], {
      name: 'serve (bench)',
      logFile: join(dir, 'serve.log'),
      env: { PUZZELSTUK_DB_KEY: BENCH_STORE_KEY },
    });
    let result: BrowserResult;
    try {
      result = await runChild<BrowserResult>('./ui/browser-child.ts', [server.url]);
    } finally {
      await server.stop();
    }

    const k = `${REPORTS / 1000}k`;
    const boot = Object.entries(result.bootCalls)
      .sort((a, b) => b[1] - a[1])
      .map(([method, ms]) => `${method} ${ms.toFixed(ms < 10 ? 1 : 0)}`)
      .join(', ');
    const metrics: Metric[] = [
      {
        name: `first rendered queue p50, ${k}`,
        value: result.firstRender.p50,
        unit: 'ms',
        limit: { name: 'page and its scripts fetched', value: result.bundleLoaded.p50 },
        note: `${result.total.toLocaleString('en')} reports in the queue; navigation start → first row on screen, fresh browser context, n=${result.firstRender.n}; the very first (cold) load: ${Math.round(result.cold)} ms; its queue.list call alone: ${result.rawFirst.p50.toFixed(1)} ms; app.firstScreen asked at ${Math.round(result.callsAsked.p50)} ms, answered at ${Math.round(result.callsAnswered.p50)} ms (the last call before the first row, asked by the drawn screen, at ${Math.round(result.lastCallAnswered.p50)} ms)`,
      },
      {
        name: `first rendered queue p95, ${k}`,
        value: result.firstRender.p95,
        unit: 'ms',
        limit: { name: 'page and its scripts fetched', value: result.bundleLoaded.p95 },
        target: { op: '<=', value: 1000 },
        note: `the start-up calls alone over HTTP (ms): ${boot}; app.firstScreen asked at ${Math.round(result.callsAsked.p95)} ms, answered at ${Math.round(result.callsAnswered.p95)} ms (the last call before the first row at ${Math.round(result.lastCallAnswered.p95)} ms)`,
      },
      {
        name: `search → updated list p50, ${k}`,
        value: result.search.p50,
        unit: 'ms',
        limit: { name: 'the same queue.list call', value: result.rawSearch.p50 },
        note: `from Enter in the search box (the 300 ms typing pause is skipped by Enter) to the frame showing the new total and first row, n=${result.search.n}`,
      },
      {
        name: `search → updated list p95, ${k}`,
        value: result.search.p95,
        unit: 'ms',
        limit: { name: 'the same queue.list call', value: result.rawSearch.p95 },
        target: { op: '<=', value: 150 },
      },
      {
        name: `filter → updated list p50, ${k}`,
        value: result.filter.p50,
        unit: 'ms',
        limit: { name: 'the same queue.list call', value: result.rawFilter.p50 },
        note: `from clicking a category to the frame showing the new total and first row, n=${result.filter.n}`,
      },
      {
        name: `filter → updated list p95, ${k}`,
        value: result.filter.p95,
        unit: 'ms',
        limit: { name: 'the same queue.list call', value: result.rawFilter.p95 },
        target: { op: '<=', value: 150 },
      },
      {
        name: `Overzicht first render p95, ${k}`,
        value: result.overviewRender.p95,
        unit: 'ms',
        target: { op: '<=', value: 1000 },
        note: `issue 16: from clicking "Overzicht" to its first numbers on screen (the overview is computed afresh each time), n=${result.overviewRender.n}; p50 ${Math.round(result.overviewRender.p50)} ms`,
      },
    ];
    process.stderr.write('ui: signing in with a police account…\n');
    metrics.push(...(await policeSignInMetrics()));
    if (store.importSeconds !== null) {
      metrics.push({ name: `CLI import of ${k} generated records (set-up)`, value: store.importSeconds, unit: 's' });
    }
    return { suite: 'ui', title: 'Workbench UI in browser mode', ranAt: new Date().toISOString(), machine, metrics };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
