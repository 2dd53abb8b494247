// Child: writes `count` chained audit entries into a fresh store through the log's one writer (consultations of
// many reports by several officers, with purposes), then times `audit verify`'s walk over the whole chain.
import { openCaseStore } from '../../src-main/app/open-case-store';
import { verifyChain } from '../../src-main/audit/audit-chain';
import { createAuditAppender } from '../../src-main/audit/audit-log';
import { systemClock } from '../../shared/platform/clock';
import { DEFAULT_PURPOSES } from '../../shared/audit/purpose';
import { peakRssMiB } from '../child';

const [dbPath, countArg] = process.argv.slice(2) as [string, string];
const count = Number(countArg);
const BATCH = 10_000;
const store = openCaseStore({ clock: systemClock, path: dbPath });
const append = createAuditAppender(store.sqlite);
const start = Date.parse('2026-01-05T08:00:00.000Z');
const writeStarted = performance.now();
const writeBatch = store.sqlite.transaction((from: number, to: number) => {
  for (let index = from; index < to; index++) {
    append(new Date(start + index * 1000).toISOString(), {
      actor: `officer.${index % 97}`,
      action: index % 5 === 0 ? 'report.reporter_revealed' : 'report.viewed',
      subjectType: 'report',
      subjectId: `IA-2026-${String(index % 250_000).padStart(7, '0')}`,
      details: { purpose: DEFAULT_PURPOSES[index % DEFAULT_PURPOSES.length], revision: 1 + (index % 3) },
    });
  }
});
for (let from = 0; from < count; from += BATCH) writeBatch(from, Math.min(count, from + BATCH));
const writeSeconds = (performance.now() - writeStarted) / 1000;
store.sqlite.pragma('wal_checkpoint(TRUNCATE)');

// What the walk cannot beat: reading the same rows in the same order, without hashing.
const readStarted = performance.now();
let read = 0;
for (const _row of store.sqlite.prepare('SELECT id, at, actor, action, subject_type, subject_id, details, entry_hash FROM audit_log ORDER BY id').raw().iterate()) read += 1;
const readSeconds = (performance.now() - readStarted) / 1000;

const started = performance.now();
const verdict = verifyChain(store.sqlite);
const seconds = (performance.now() - started) / 1000;
store.close();
if (!verdict.ok || verdict.entries !== count) throw new Error(`the honest log did not verify: ${JSON.stringify(verdict)}`);
console.log(JSON.stringify({ entries: verdict.entries, seconds, rate: verdict.entries / seconds, writeRate: count / writeSeconds, readRate: read / readSeconds, peakRssMiB: peakRssMiB() }));
