/**
 * `puzzelstuk sync --db` may run on a store the workstation also has open: each of its transactions must end well
 * before the app's own writes (audit entries included) stop waiting for the write lock (the store's busy_timeout).
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RawFeedPage } from '../../shared/hub/feed-page';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { BACKGROUND_SLICE_MS, NO_WINDOW_SLICE_MS, createFeedPageApplier, type SliceBudget } from '../../src-main/ingest/apply-feed-page';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';

const REPORTS = 400;

function pageOf(count: number): RawFeedPage {
  const entries = Array.from({ length: count }, (_, index) => {
    const record = filedRecord();
    return { seq: String(index + 1), type: 'report' as const, reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) };
  });
  return { entries, cursor: String(count), hasMore: false };
}

/**
 * The running app beside the sync: its own connection to the store, with the busy timeout the app opens it with,
 * writing every few milliseconds until told to stop; it answers how many writes succeeded (how many of them begun once
 * the sync had started) and the errors of the rest. It counts (at `beginning`) the writes it begins once the sync has
 * started, so that the sync can wait for one with its transaction open: on a busy machine this thread may otherwise
 * not run at all while a page is applied.
 */
const APP_WRITER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = ' + workerData.busyTimeout);
const write = db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('test.app-beside-cli-sync', ?)");
const stop = new Int32Array(workerData.stop);
const syncing = new Int32Array(workerData.syncing);
const beginning = new Int32Array(workerData.beginning);
let written = 0;
let writtenWhileSyncing = 0;
const errors = [];
parentPort.postMessage('writing');
while (Atomics.load(stop, 0) === 0) {
  const duringSync = Atomics.load(syncing, 0) === 1;
  if (duringSync) {
    Atomics.add(beginning, 0, 1);
    Atomics.notify(beginning, 0);
  }
  try {
    write.run(String(written));
    written += 1;
    if (duringSync) writtenWhileSyncing += 1;
  } catch (error) {
    errors.push(error.code ?? String(error));
  }
  Atomics.wait(stop, 0, 0, 5);
}
db.close();
parentPort.postMessage({ written, writtenWhileSyncing, errors });
`;

describe('a CLI sync beside the running app', () => {
  it('keeps each transaction’s budget at most a fifth of the busy timeout the app opens its store with', () => {
    const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
    const busyTimeout = store.sqlite.pragma('busy_timeout', { simple: true }) as number;
    store.close();
    expect(busyTimeout).toBe(5000);
    // A slice may pass its budget by one entry and its commit: a fifth leaves the app's waiting writes room for that.
    expect(NO_WINDOW_SLICE_MS * 5).toBeLessThanOrEqual(busyTimeout);
    expect(BACKGROUND_SLICE_MS).toBeLessThan(NO_WINDOW_SLICE_MS);
  });

  it('lets the app’s connection write while a page is applied in the CLI’s long transactions', async () => {
    const path = join(tempDir(), 'ws.db');
    const store = openCaseStore({ clock: systemClock, path });
    const busyTimeout = store.sqlite.pragma('busy_timeout', { simple: true }) as number;
    const stop = new SharedArrayBuffer(4);
    const syncShared = new SharedArrayBuffer(4);
    const syncing = new Int32Array(syncShared);
    const beginningShared = new SharedArrayBuffer(4);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const app = new Worker(APP_WRITER, { eval: true, workerData: { driver, path, busyTimeout, stop, syncing: syncShared, beginning: beginningShared } });
    const failed = new Promise<never>((_, reject) => app.once('error', reject));
    const nextMessage = <T,>() => Promise.race([new Promise<T>((resolve) => app.once('message', resolve)), failed]);
    expect(await nextMessage<string>()).toBe('writing');
    // Every slice's budget is asked inside its transaction, which holds the writer's lock from its BEGIN IMMEDIATE: the
    // app's writes begun from then until the page is applied meet the sync's lock (or come between its slices).
    let slices = 0;
    const beginnings = new Int32Array(beginningShared);
    const budget = () => {
      slices += 1;
      // The first slice waits (holding the lock) until the app begins another write: that write must wait for the lock
      // and succeed. At most a slice's budget: the app may already wait on the lock with a write it began after the sync
      // started, before this call (it is counted, but it cannot begin another), and as long a wait as its busy timeout
      // would fail that write.
      if (slices === 1) Atomics.wait(beginnings, 0, Atomics.load(beginnings, 0), NO_WINDOW_SLICE_MS);
      return NO_WINDOW_SLICE_MS;
    };
    const applierWith = (sliceMs: SliceBudget) => createFeedPageApplier(store, { clock: systemClock, applier: createMutationApplier(store.sqlite, { clock: systemClock }), sliceMs });
    // Prepared with a budget of its own: preparing on this thread asks its applier's budget too.
    const prepared = await applierWith(NO_WINDOW_SLICE_MS).prepare(JSON.stringify(pageOf(REPORTS)));
    Atomics.store(syncing, 0, 1);
    const outcome = await applierWith(budget).apply(prepared);
    Atomics.store(syncing, 0, 2);
    Atomics.store(new Int32Array(stop), 0, 1);
    const { written, writtenWhileSyncing, errors } = await nextMessage<{ written: number; writtenWhileSyncing: number; errors: string[] }>();
    await app.terminate();
    expect(outcome.reports).toBe(REPORTS);
    expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(REPORTS);
    expect(errors).toEqual([]);
    expect(slices).toBeGreaterThan(0);
    expect(writtenWhileSyncing).toBeGreaterThan(0);
    expect(store.sqlite.prepare("SELECT value FROM store_meta WHERE key = 'test.app-beside-cli-sync'").pluck().get()).toBe(String(written - 1));
    store.close();
  });
});
