import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/db/open-store';
import { encryptStoreFile, rekeyStoreFile } from '../../../src-main/db/store-rewrite';
import { searchReports } from '../../../src-main/search/search-reports';
import { readJournal } from '../../../src-main/db/store-version';
import { PROJECT_ROOT } from '../../support/paths';
import { filedRecord, withdrawal } from '../../support/records';
import { storedRevisions } from '../../support/stored-revisions';
import { currentRecord, requireReportRow } from '../../../src-main/queries/report-record';
import { listRevisions } from '../../../src-main/queries/revisions';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { redactRecord } from '../../../shared/intake/revision-rules';
import { fixedClock } from '../../../shared/platform/clock';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { openTempStore, tempDir } from '../../support/temp-store';

const MIGRATIONS = join(PROJECT_ROOT, 'migrations');

/** A copy of the migrations as an older release shipped them: only the first `count`. */
function olderMigrations(count: number): string {
  const folder = join(tempDir(), 'migrations');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('opening a store', () => {
  it('creates a new store with WAL, foreign keys and the default benign list', () => {
    const { store } = openTempStore();
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(store.sqlite.prepare('SELECT count(*) FROM benign_values').pluck().get()).toBeGreaterThan(20);
  });

  it('encrypts at rest: the file holds no plain text and a wrong or missing key is a clear error', async () => {
    const { store, path, importRecords } = openTempStore({ key: 'correct horse battery staple' });
    await importRecords([filedRecord({ incident: { summary: 'Geheime samenvatting', narrative: 'VERTROUWELIJK verhaal' } })]);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    expect(readFileSync(path).includes(Buffer.from('VERTROUWELIJK'))).toBe(false);
    expect(() => openStore({ path, key: 'wrong' })).toThrow(/could not be unlocked: the key is wrong/);
    expect(() => openStore({ path })).toThrow(/it is encrypted \(give its key\)/);
    const reopened = openStore({ path, key: 'correct horse battery staple' });
    expect(reopened.sqlite.prepare('SELECT summary FROM reports').pluck().get()).toBe('Geheime samenvatting');
    reopened.close();
  });

  it('can encrypt a plain store and change the key', async () => {
    const { store, path, importRecords } = openTempStore();
    await importRecords([filedRecord()]);
    store.close();
    encryptStoreFile(path, 'first key');
    expect(() => openStore({ path })).toThrow(/it is encrypted/);
    openStore({ path, key: 'first key' }).close();
    rekeyStoreFile(path, 'first key', 'second key');
    expect(() => openStore({ path, key: 'first key' })).toThrow(/key is wrong/);
    const again = openStore({ path, key: 'second key' });
    expect(again.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(1);
    again.close();
  });

  it('refuses a file that is not a store', () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(path, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    expect(() => openStore({ path })).toThrow(/not a Puzzelstuk store/);
  });

  it('upgrades a store written by an older release and keeps its data', () => {
    const path = join(tempDir(), 'old.db');
    // An older release's store: its schema only (this code's start-up would already speak the new one).
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: olderMigrations(1) });
    old
      .prepare(`INSERT INTO reports (report_id, revision, status, received_at, first_received_at, channel, kind, category, updated_at, summary)
                VALUES ('IA-2025-0000001', 1, 'filed', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'internet', 'melding', 'phishing', '2025-01-01T00:00:00Z', 'Oude melding over phishing')`)
      .run();
    old.close();
    const upgraded = openStore({ path });
    const applied = upgraded.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied).toBe(readJournal(MIGRATIONS).entries.length);
    expect(upgraded.sqlite.prepare('SELECT summary FROM reports').pluck().get()).toBe('Oude melding over phishing');
    expect(searchReports(upgraded.sqlite, { query: 'phishing' }).map((hit) => hit.reportId)).toEqual(['IA-2025-0000001']);
    upgraded.close();
  });

  it('reads the revisions an older release stored as text, and redacts them on a withdrawal', () => {
    const path = join(tempDir(), 'text-revisions.db');
    const journal = readJournal(MIGRATIONS).entries;
    const packing = journal.findIndex((entry) => readFileSync(join(MIGRATIONS, `${entry.tag}.sql`), 'utf8').includes('`packed`'));
    expect(packing).toBeGreaterThan(0);
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: olderMigrations(packing) });
    const record = { ...filedRecord(), portalExtension: { score: 7 } };
    // As that release's writer left it: the line as received, spaced as the portal wrote it, in `raw`.
    const line = JSON.stringify(record, null, 1).replace(/\n */g, ' ');
    const { summary, narrative } = record.incident!;
    const { lastInsertRowid } = old
      .prepare(`INSERT INTO reports (report_id, revision, status, received_at, first_received_at, channel, kind, category, updated_at, summary, narrative)
                VALUES (?, 1, 'filed', ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(record.reportId, record.receivedAt, record.receivedAt, record.channel, record.kind, record.category, record.receivedAt, summary, narrative ?? null);
    old.prepare('INSERT INTO reports_fts (rowid, summary, narrative) VALUES (?, ?, ?)').run(lastInsertRowid, summary, narrative ?? null);
    old.prepare("INSERT INTO report_revisions (report_id, revision, status, received_at, raw) VALUES (?, 1, 'filed', ?, ?)").run(lastInsertRowid, record.receivedAt, line);
    old.close();

    const upgraded = openStore({ path });
    try {
      const { sqlite } = upgraded;
      expect(storedRevisions(sqlite).map((revision) => revision.raw)).toEqual([line]);
      expect(currentRecord(sqlite, requireReportRow(sqlite, record.reportId))).toEqual(record);
      expect(listRevisions(sqlite, record.reportId)).toEqual([{ revision: 1, status: 'filed', receivedAt: record.receivedAt, changedFields: [] }]);

      createReportWriter(upgraded, { clock: fixedClock(new Date('2026-11-01T09:00:00Z')), actor: IMPORT_ACTOR }).applyBatch([
        { record: withdrawal(record, 2), raw: JSON.stringify(withdrawal(record, 2)) },
      ]);
      const texts = storedRevisions(sqlite).map((revision) => revision.raw);
      expect(texts).toHaveLength(2);
      for (const text of texts) expect(text).not.toContain(record.reporter!.name);
      expect(texts[0]).toBe(redactRecord(record));
    } finally {
      upgraded.close();
    }
  });

  it('refuses a store written by a newer release and leaves it untouched', () => {
    const path = join(tempDir(), 'new.db');
    openStore({ path }).close();
    const before = readFileSync(path);
    expect(() => openStore({ path, migrationsFolder: olderMigrations(1) })).toThrow(/written by a newer version of Puzzelstuk/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('keeps the audit log append-only', async () => {
    const { store, importRecords } = openTempStore();
    await importRecords([filedRecord()]);
    expect(() => store.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => store.sqlite.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
  });
});
