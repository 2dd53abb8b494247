// Child: the first sync of an empty workstation store from a hub, as a workstation makes it while nobody waits on its
// window (default page size and long-poll settings, reports prepared on a worker, transactions of the idle budget
// BACKGROUND_SLICE_MS: not the CLI's longer NO_WINDOW_SLICE_MS, which would flatter a workstation's first sync);
// prints the time, entries pulled and reports stored, and where the time went: the store's thread busy (applying pages)
// or idle (waiting for the next page), its own CPU, and the wall time of the hub's answers and of preparing pages.
// As in the workstation's core (src-main/app/core-thread.ts), the WAL is checkpointed on a thread of its own, not by
// the writing connection at its commits.
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { BACKGROUND_SLICE_MS } from '../../src-main/ingest/apply-feed-page';
import { createWorkerPreparer } from '../../src-main/ingest/prepare-pool';
import { startWalCheckpointer } from '../../src-main/app/wal-checkpointer';
import { silentLogger } from '../../shared/platform/logger';
import { createSyncEngine } from '../../src-main/sync';
import type { LinePreparer } from '../../src-main/ingest/prepare-pool';
import { peakRssMiB, threadCpuSeconds } from '../child';

const [hubUrl, token, dbPath] = process.argv.slice(2) as [string, string, string];
const store = openCaseStore({ clock: systemClock, path: dbPath });
const workerPreparer = createWorkerPreparer();
const checkpointer = startWalCheckpointer(store, undefined, { logger: silentLogger });
// The checkpoint thread does not keep a process alive (the core's own handles do): while the sync waits on it, this does.
const keepAlive = setInterval(() => undefined, 60_000);
/** Wall time of the hub's feed answers (asked until read whole) and of preparing pages; pages ahead overlap the apply. */
const spent = { feedSeconds: 0, prepareSeconds: 0, pages: 0 };
const timedFetch: typeof fetch = async (input, init) => {
  const asked = performance.now();
  const response = await fetch(input, init);
  const body = await response.arrayBuffer();
  spent.feedSeconds += (performance.now() - asked) / 1000;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};
const preparer: LinePreparer = {
  ...workerPreparer,
  async preparePage(body, sliceMs) {
    const asked = performance.now();
    const prepared = await workerPreparer.preparePage(body, sliceMs);
    spent.prepareSeconds += (performance.now() - asked) / 1000;
    spent.pages += 1;
    return prepared;
  },
};
const engine = createSyncEngine(store, {
  hubUrl,
  token,
  preparer,
  fetch: timedFetch,
  sliceMs: BACKGROUND_SLICE_MS,
  settleOwedWal: () => checkpointer.settleOwed(),
  restartLargeWal: () => checkpointer.restartIfLarge(),
});
const cpuBefore = process.cpuUsage();
const storeThreadCpuBefore = threadCpuSeconds();
const loopBefore = performance.eventLoopUtilization();
const started = performance.now();
const summary = await engine.runOnce();
const seconds = (performance.now() - started) / 1000;
const loop = performance.eventLoopUtilization(loopBefore);
const storeThreadCpu = (threadCpuSeconds() ?? NaN) - (storeThreadCpuBefore ?? NaN);
const cpu = process.cpuUsage(cpuBefore);
const reports = store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
const filed = store.sqlite.prepare("SELECT count(*) FROM reports WHERE status = 'filed'").pluck().get() as number;
await workerPreparer.close();
await checkpointer.close();
clearInterval(keepAlive);
store.close();
console.log(
  JSON.stringify({
    pulled: summary.pulled,
    reports,
    filed,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: peakRssMiB(),
    storeThreadBusySeconds: loop.active / 1000,
    storeThreadIdleSeconds: loop.idle / 1000,
    storeThreadCpuSeconds: storeThreadCpu,
    ...spent,
  }),
);
