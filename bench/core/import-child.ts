// Child: imports a file into a fresh store the way `puzzelstuk import` does; prints timings, CPU (all threads, and the
// writing thread's own) and peak memory.
// With --without-overview-counts the triggers that keep the overview's counts (the tables *_day_counts) and the
// index storing the indicators' shapes for them are dropped first: the same import without them, to price them in the same run.
import { createReadStream, statSync } from 'node:fs';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { importNdjson } from '../../src-main/ingest/importer';
import { createWorkerPreparer } from '../../src-main/ingest/prepare-pool';
import { systemClock } from '../../shared/platform/clock';
import { IMPORT_ACTOR } from '../../src-main/audit/actor';
import { createReportWriter } from '../../src-main/ingest/report-writer';
import { peakRssMiB, threadCpuSeconds } from '../child';

const [file, dbPath, variant] = process.argv.slice(2) as [string, string, string?];
const store = openCaseStore({ clock: systemClock, path: dbPath });
if (variant === '--without-overview-counts') {
  const triggers = store.sqlite
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_day_counts_*'")
    .pluck()
    .all();
  if (triggers.length === 0) throw new Error('no overview count triggers to drop');
  for (const name of triggers) store.sqlite.exec(`DROP TRIGGER "${name}"`);
  // The index storing each indicator's shape serves only those triggers' shape counts (migration 0036).
  store.sqlite.exec('DROP INDEX indicators_shape');
}
const writer = createReportWriter(store, { clock: systemClock, actor: IMPORT_ACTOR });
const preparer = createWorkerPreparer();
const cpuBefore = process.cpuUsage();
const writerCpuBefore = threadCpuSeconds();
const started = performance.now();
const summary = await importNdjson(createReadStream(file), writer, { preparer });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const writerCpuAfter = threadCpuSeconds();
await preparer.close();
store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
const reports = store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
store.close();
console.log(
  JSON.stringify({
    records: summary.read,
    reports,
    rejected: summary.rejected.length,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // The thread that writes the store (the prepare worker and V8's helpers use the rest of cpuSeconds).
    writerCpuSeconds: writerCpuBefore === null || writerCpuAfter === null ? null : writerCpuAfter - writerCpuBefore,
    rate: summary.read / seconds,
    peakRssMiB: peakRssMiB(),
    storeBytes: statSync(dbPath).size,
  }),
);
