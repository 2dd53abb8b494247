// Child: imports a file into a fresh store the way `puzzelstuk import` does; prints timings and peak memory.
import { createReadStream, statSync } from 'node:fs';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { importNdjson } from '../../src-main/ingest/importer';
import { createWorkerPreparer } from '../../src-main/ingest/prepare-pool';
import { systemClock } from '../../shared/platform/clock';
import { IMPORT_ACTOR } from '../../src-main/audit/actor';
import { createReportWriter } from '../../src-main/ingest/report-writer';
import { peakRssMiB } from '../child';

const [file, dbPath] = process.argv.slice(2) as [string, string];
const store = openCaseStore({ clock: systemClock, path: dbPath });
const writer = createReportWriter(store, { clock: systemClock, actor: IMPORT_ACTOR });
const preparer = createWorkerPreparer();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const summary = await importNdjson(createReadStream(file), writer, { preparer });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
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
    rate: summary.read / seconds,
    peakRssMiB: peakRssMiB(),
    storeBytes: statSync(dbPath).size,
  }),
);
