// Whether a change to the import left its stores' content as it was: import a file with a fixed clock, then digest
// the store — every table's rows (the text index's own tables, the clusters and the audit chain's hashes included),
// every revision as read back and the text index's answers — and compare two digests with diff. Run `import` with the code before and after.
//   node --import tsx bench/store-content.ts import <file.ndjson> <fresh store>
//   node --import tsx bench/store-content.ts digest <store> > digest.json
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import Database from 'better-sqlite3';
import { openCaseStore } from '../src-main/app/open-case-store';
import { importNdjson } from '../src-main/ingest/importer';
import { createWorkerPreparer } from '../src-main/ingest/prepare-pool';
import { createReportWriter } from '../src-main/ingest/report-writer';
import { IMPORT_ACTOR } from '../src-main/audit/actor';
import { fixedClock } from '../shared/platform/clock';
import { revisionText, type StoredRevision } from '../src-main/db/stored-revision';

/** Words searched for: frequent in generated reports and rare alike, names of places, prefixes. */
const SEARCHES = ['bank', 'marktplaats', 'whatsapp', 'phishing', 'bitcoin', 'amsterdam', 'betaald', 'pakket', 'iban', 'helpdesk', 'oplichter', 'crypto*', 'ver*', '"niet geleverd"'];

async function importFixed(file: string, path: string): Promise<void> {
  const clock = fixedClock(new Date('2026-12-01T08:00:00Z'), 1);
  const store = openCaseStore({ clock, path });
  const preparer = createWorkerPreparer();
  try {
    const summary = await importNdjson(createReadStream(file), createReportWriter(store, { clock, actor: IMPORT_ACTOR }), { preparer });
    console.log(JSON.stringify({ ...summary, rejected: summary.rejected.length }));
  } finally {
    await preparer.close();
    store.close();
  }
}

/** Tables whose rowid others refer to: it is part of their content, whatever key they have (see rowOrder). */
const ROWID_REFERRED_TO = new Set([
  // kept_counts_mentions_added and its triggers name ranges of a report's mention rowids (mentions has no key today).
  'mentions',
]);

/**
 * The order a table's rows are hashed in: `rowid` (hashed with the row) where the rowid is the row's identity — its
 * INTEGER PRIMARY KEY (reports.id, indicators.id, audit_log.id), a table without a key, or one in ROWID_REFERRED_TO;
 * otherwise the key's columns, rowid left out. A table with a key of its own (the day counts, report_revisions,
 * store_meta) takes rowids in the order its rows were inserted, which says nothing: the same rows inserted in
 * another order are the same content. WITHOUT ROWID tables by all their columns (the key among them).
 */
function rowOrder(sqlite: Database.Database, name: string, sql: string): string {
  const columns = sqlite.prepare<[string], { name: string; type: string; pk: number }>('SELECT name, type, pk FROM pragma_table_info(?)').all(name);
  if (/ WITHOUT ROWID/i.test(sql)) return columns.map((column) => `"${column.name}"`).join(', ');
  const key = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
  const rowidIsKey = key.length === 1 && key[0]!.type.toUpperCase() === 'INTEGER';
  if (key.length === 0 || rowidIsKey || ROWID_REFERRED_TO.has(name)) return 'rowid';
  return key.map((column) => `"${column.name}"`).join(', ');
}

function digest(path: string): void {
  const sqlite = new Database(path, { readonly: true });
  const tables = sqlite
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .filter((table) => !table.sql.startsWith('CREATE VIRTUAL TABLE'));
  const out: Record<string, unknown> = {};
  for (const { name, sql } of tables) {
    const order = rowOrder(sqlite, name, sql);
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of sqlite.prepare(`SELECT ${order === 'rowid' ? 'rowid, ' : ''}* FROM "${name}" ORDER BY ${order}`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
      hash.update('\n');
      rows += 1;
    }
    out[name] = { rows, sha256: hash.digest('hex') };
  }
  // Every revision as read back: how it is stored may change while what it says must not.
  const revisions = createHash('sha256');
  let revisionRows = 0;
  const storedRevisions = sqlite.prepare<[], StoredRevision & { reportId: string; revision: number; status: string; receivedAt: string }>(
    `SELECT r.report_id AS reportId, v.revision, v.status, v.received_at AS receivedAt, v.raw, v.packed, v.narrative_at AS narrativeAt,
       r.narrative AS reportNarrative
     FROM report_revisions v JOIN reports r ON r.id = v.report_id ORDER BY r.report_id, v.revision`,
  );
  for (const stored of storedRevisions.iterate()) {
    revisions.update(JSON.stringify([stored.reportId, stored.revision, stored.status, stored.receivedAt, revisionText(stored)]));
    revisions.update('\n');
    revisionRows += 1;
  }
  out['revisions as read back'] = { rows: revisionRows, sha256: revisions.digest('hex') };
  const search = sqlite.prepare<[string], number>('SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? ORDER BY rank, rowid').pluck();
  for (const words of SEARCHES) {
    const ids = search.all(words);
    out[`search ${words}`] = { rows: ids.length, sha256: createHash('sha256').update(ids.join(',')).digest('hex') };
  }
  sqlite.close();
  console.log(JSON.stringify(out, null, 1));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'import') await importFixed(args[0]!, args[1]!);
else if (command === 'digest') digest(args[0]!);
else throw new Error('usage: store-content.ts import <file> <store> | digest <store>');
