// Child: the first sync of an empty workstation store from a hub, as a workstation makes it while nobody waits on its
// window (default page size and long-poll settings, reports prepared on a worker, transactions of the idle budget
// BACKGROUND_SLICE_MS: not the CLI's longer NO_WINDOW_SLICE_MS, which would flatter a workstation's first sync);
// prints the time, entries pulled and reports stored.
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { BACKGROUND_SLICE_MS } from '../../src-main/ingest/apply-feed-page';
import { createWorkerPreparer } from '../../src-main/ingest/prepare-pool';
import { createSyncEngine } from '../../src-main/sync';
import { peakRssMiB } from '../child';

const [hubUrl, token, dbPath] = process.argv.slice(2) as [string, string, string];
const store = openCaseStore({ clock: systemClock, path: dbPath });
const preparer = createWorkerPreparer();
const engine = createSyncEngine(store, { hubUrl, token, preparer, sliceMs: BACKGROUND_SLICE_MS });
const cpuBefore = process.cpuUsage();
const started = performance.now();
const summary = await engine.runOnce();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const reports = store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
const filed = store.sqlite.prepare("SELECT count(*) FROM reports WHERE status = 'filed'").pluck().get() as number;
await preparer.close();
store.close();
console.log(JSON.stringify({ pulled: summary.pulled, reports, filed, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMiB: peakRssMiB() }));
