// Child: imports a file into a fresh store the way `puzzelstuk import` does; prints timings and peak memory.
import { createReadStream, statSync } from 'node:fs';
import { openStore } from '../../src-main/db/open-store';
import { importNdjson } from '../../src-main/import/importer';
import { createWorkerPreparer } from '../../src-main/import/prepare-pool';
import { systemClock } from '../../shared/platform/clock';
import { IMPORT_ACTOR } from '../../src-main/store/actor';
import { createReportWriter } from '../../src-main/store/report-writer';
import { peakRssMiB } from '../child';

const [file, dbPath] = process.argv.slice(2) as [string, string];
const store = openStore({ path: dbPath });
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
