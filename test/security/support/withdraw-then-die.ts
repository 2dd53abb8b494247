// Child of wal-debt-after-crash.test.ts: imports one report and withdraws it as the feed does (the caller's
// transaction), then dies before settleRedactions() — no truncation, no close.
//   withdraw-then-die.ts <store path> <phrase>
import { Readable } from 'node:stream';
import { openCaseStore } from '../../../src-main/app/open-case-store';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { fixedClock } from '../../../shared/platform/clock';
import { filedRecord, withdrawal } from '../../support/records';

const [path, phrase] = process.argv.slice(2) as [string, string];
const clock = fixedClock(new Date('2026-11-01T09:00:00Z'), 1000);
const store = openCaseStore({ path, clock });
const writer = createReportWriter(store, { clock, actor: IMPORT_ACTOR });
const record = filedRecord({ receivedAt: '2026-10-30T10:00:00Z', incident: { summary: 'Geld overgemaakt aan een nepbank', narrative: `De oplichter noemde zich ${phrase} en wilde geld.` } });
await importNdjson(Readable.from([Buffer.from(`${JSON.stringify(record)}\n`)]), writer);
const gone = withdrawal(record, 2, '2026-10-31T10:00:00Z');
store.sqlite.transaction(() => writer.apply({ record: gone, raw: JSON.stringify(gone) }))();
process.exit(0);
