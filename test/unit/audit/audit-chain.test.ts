/**
 * The audit log's hash chain tried as someone holding the store's key would: the append-only triggers dropped,
 * then entries edited, deleted, inserted, reordered and the tail cut. `audit verify` names the first bad entry
 * each time, beside the untouched store that verifies.
 */
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/platform/clock';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { entryHash, verifyChain } from '../../../src-main/audit/audit-chain';
import { createAuditAppender } from '../../../src-main/audit/audit-log';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { examplesText, filedRecord } from '../../support/records';
import { runCliCaptured } from '../../support/run-cli';
import { openTempStore } from '../../support/temp-store';

/** A store with a real history (the examples imported), closed, and a handle to tamper with it directly. */
async function storeWithHistory() {
  const temp = openTempStore();
  await temp.importText(examplesText());
  // Officers' consultations after the import, through the log's one writer.
  const append = createAuditAppender(temp.store.sqlite);
  for (let index = 0; index < 20; index++) {
    append(`2026-03-01T10:${String(index).padStart(2, '0')}:00.000Z`, { actor: index % 2 ? 'l.vermeer' : 'k.devries', action: 'report.viewed', subjectType: 'report', subjectId: 'IA-2026-0000001', details: { purpose: 'onderzoek' } });
  }
  temp.store.close();
  const raw = new Database(temp.path);
  // The tampering below works without the append-only guard, as an attacker's would; kept to put it back.
  const guard = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").pluck().get() as string;
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  const count = raw.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  return { path: temp.path, raw, count, guard };
}

const verify = async (path: string) => {
  const result = await runCliCaptured(['audit', 'verify', '--db', path]);
  return { code: result.code, verdict: result.lines[0] as { entries: number; ok: boolean; firstBad?: number; reason?: string } };
};

describe('audit verify', () => {
  it('accepts the log as it was written (the honest twin)', async () => {
    const { path, raw, count } = await storeWithHistory();
    raw.close();
    expect(count).toBeGreaterThan(10);
    expect(await verify(path)).toEqual({ code: 0, verdict: { entries: count, ok: true } });
  });

  it('names an edited entry', async () => {
    const { path, raw } = await storeWithHistory();
    raw.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE id = 5").run();
    raw.close();
    expect(await verify(path)).toMatchObject({ code: 1, verdict: { ok: false, firstBad: 5, reason: expect.stringMatching(/does not match its hash/) as unknown } });
  });

  it('names the entry after a deleted one', async () => {
    const { path, raw, count } = await storeWithHistory();
    raw.prepare('DELETE FROM audit_log WHERE id = 4').run();
    raw.close();
    expect(await verify(path)).toMatchObject({ code: 1, verdict: { entries: count - 1, ok: false, firstBad: 5, reason: 'entries 4–4 were removed' } });
  });

  it('names an entry inserted into a gap, even with a hash that continues the chain before it', async () => {
    const { path, raw } = await storeWithHistory();
    const before = raw.prepare('SELECT entry_hash FROM audit_log WHERE id = 5').pluck().get() as Buffer;
    raw.prepare('DELETE FROM audit_log WHERE id = 6').run();
    const forged = { at: '2026-01-01T00:00:00.000Z', actor: 'forger', action: 'report.viewed', subjectType: 'report', subjectId: 'IA-2026-0000001', details: null };
    raw
      .prepare('INSERT INTO audit_log (id, at, actor, action, subject_type, subject_id, details, entry_hash) VALUES (6, ?, ?, ?, ?, ?, ?, ?)')
      .run(forged.at, forged.actor, forged.action, forged.subjectType, forged.subjectId, forged.details, entryHash(before, forged));
    raw.close();
    // The forged entry chains to entry 5, but entry 7 was chained to the real entry 6.
    expect(await verify(path)).toMatchObject({ code: 1, verdict: { ok: false, firstBad: 7 } });
  });

  it('names an entry added at the end without going through the log’s writer', async () => {
    const { path, raw, count } = await storeWithHistory();
    raw.prepare("INSERT INTO audit_log (at, actor, action, subject_type, subject_id) VALUES ('2026-01-01T00:00:00Z', 'forger', 'x', 'report', 'r')").run();
    raw.close();
    expect(await verify(path)).toMatchObject({ code: 1, verdict: { ok: false, firstBad: count + 1, reason: expect.stringMatching(/no hash/) as unknown } });
  });

  it('names the first of two reordered entries', async () => {
    const { path, raw } = await storeWithHistory();
    const row = (id: number) => raw.prepare('SELECT at, actor, action, subject_type, subject_id, details, entry_hash FROM audit_log WHERE id = ?').raw().get(id) as unknown[];
    const [eight, nine] = [row(8), row(9)];
    const put = raw.prepare('UPDATE audit_log SET at = ?, actor = ?, action = ?, subject_type = ?, subject_id = ?, details = ?, entry_hash = ? WHERE id = ?');
    put.run(...nine, 8);
    put.run(...eight, 9);
    raw.close();
    expect(await verify(path)).toMatchObject({ code: 1, verdict: { ok: false, firstBad: 8 } });
  });

  it('notices a log cut short', async () => {
    const { path, raw, count } = await storeWithHistory();
    raw.prepare('DELETE FROM audit_log WHERE id > ?').run(count - 3);
    raw.close();
    expect(await verify(path)).toMatchObject({ code: 1, verdict: { entries: count - 3, ok: false, firstBad: count - 2, reason: expect.stringMatching(/cut short/) as unknown } });
  });
});

describe('a store from before the chain', () => {
  it('has its entries chained at its first opening, and verifies', async () => {
    const { path, raw, count, guard } = await storeWithHistory();
    // As the 0009 migration leaves an older store: every entry without a hash, no head, the guard in place.
    raw.exec("UPDATE audit_log SET entry_hash = NULL; DELETE FROM store_meta WHERE key = 'audit_head';");
    raw.exec(guard);
    raw.close();
    expect(await verify(path)).toEqual({ code: 0, verdict: { entries: count, ok: true } });
    const reopened = new Database(path);
    expect(reopened.prepare('SELECT count(*) FROM audit_log WHERE entry_hash IS NULL').pluck().get()).toBe(0);
    // The append-only guard allows that one change only: a chained entry cannot be re-hashed.
    expect(() => reopened.prepare('UPDATE audit_log SET entry_hash = zeroblob(32) WHERE id = 1').run()).toThrow(/append-only/);
    reopened.close();
  });
});

describe('audit list', () => {
  it('prints one report’s entries, or one officer’s, as NDJSON with their hashes', async () => {
    const { path, raw } = await storeWithHistory();
    const reportId = raw.prepare("SELECT subject_id FROM audit_log WHERE subject_type = 'report' LIMIT 1").pluck().get() as string;
    raw.close();
    const forReport = await runCliCaptured(['audit', 'list', '--db', path, '--report', reportId]);
    expect(forReport.code).toBe(0);
    expect(forReport.lines.length).toBeGreaterThan(0);
    for (const line of forReport.lines) expect(line).toMatchObject({ subjectId: expect.stringContaining(reportId) as unknown, hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    const byNobody = await runCliCaptured(['audit', 'list', '--db', path, '--officer', 'nobody']);
    expect(byNobody.lines).toEqual([]);
  });
});

describe('the head kept through one transaction (the import)', () => {
  const entry = (index: number) => ({ actor: 'cli:importer', action: 'report.received', subjectType: 'report', subjectId: `IA-2026-${index}`, details: { revision: 1 } });

  it('writes the same chain as reading the head before each entry, and other appenders chain on after it', () => {
    const kept = openTempStore();
    const readEachTime = openTempStore();
    for (const temp of [kept, readEachTime]) createAuditAppender(temp.store.sqlite)('2026-03-01T09:00:00.000Z', entry(0));
    const append = createAuditAppender(kept.store.sqlite);
    kept.store.sqlite.transaction(() => append.withHeadKept(() => { for (let index = 1; index <= 5; index++) append('2026-03-01T10:00:00.000Z', entry(index)); }))();
    const appendEach = createAuditAppender(readEachTime.store.sqlite);
    readEachTime.store.sqlite.transaction(() => { for (let index = 1; index <= 5; index++) appendEach('2026-03-01T10:00:00.000Z', entry(index)); })();
    for (const temp of [kept, readEachTime]) createAuditAppender(temp.store.sqlite)('2026-03-01T11:00:00.000Z', entry(6));
    const hashes = (temp: typeof kept) => temp.store.sqlite.prepare('SELECT entry_hash FROM audit_log ORDER BY id').pluck().all();
    expect(hashes(kept)).toHaveLength(7);
    expect(hashes(kept)).toEqual(hashes(readEachTime));
    expect(verifyChain(kept.store.sqlite)).toEqual({ entries: 7, ok: true });
  });

  it("leaves the head's copy naming the batch's last entry, written once, also when the batch's work throws", () => {
    const temp = openTempStore();
    const sqlite = temp.store.sqlite;
    const append = createAuditAppender(sqlite);
    const headCopy = () => sqlite.prepare("SELECT value FROM store_meta WHERE key = 'audit_head'").pluck().get();
    const last = () => sqlite.prepare("SELECT id || ':' || lower(hex(entry_hash)) FROM audit_log ORDER BY id DESC LIMIT 1").pluck().get();
    const headWrites: string[] = [];
    sqlite.function('note_head_write', (value: unknown) => (headWrites.push(String(value)), 0));
    sqlite.exec("CREATE TEMP TRIGGER head_writes AFTER UPDATE ON store_meta WHEN NEW.key = 'audit_head' BEGIN SELECT note_head_write(NEW.value); END");
    append('2026-03-01T09:00:00.000Z', entry(0));
    // As the report writer runs its batch. A caller that catches what its work threw commits what was appended before.
    const batch = (work: () => void) => sqlite.transaction(() => {
      try {
        append.withHeadKept(work);
      } catch (error) {
        expect(String(error)).toMatch(/could not take/);
      }
    })();
    batch(() => { for (let index = 1; index <= 5; index++) append('2026-03-01T10:00:00.000Z', entry(index)); });
    expect(headWrites).toHaveLength(1);
    expect(headCopy()).toBe(last());
    batch(() => {
      append('2026-03-01T10:30:00.000Z', entry(6));
      throw new Error('a record the batch could not take');
    });
    expect(headCopy()).toBe(last());
    expect(last()).toMatch(/^7:/);
    append('2026-03-01T11:00:00.000Z', entry(7));
    expect(headCopy()).toBe(last());
    expect(verifyChain(sqlite)).toEqual({ entries: 8, ok: true });
  });

  it("an entry appended by hand while the writer's mark is planted still shows: the head names the entry before it", () => {
    const temp = openTempStore();
    const sqlite = temp.store.sqlite;
    const append = createAuditAppender(sqlite);
    for (let index = 0; index < 3; index++) append('2026-03-01T09:00:00.000Z', entry(index));
    // The attacker plants the mark withHeadKept holds for good, then chains an entry correctly by hand: no trigger moves the head.
    sqlite.exec("INSERT INTO store_meta (key, value) VALUES ('audit_head_kept', '1')");
    const previous = sqlite.prepare('SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as Buffer;
    const content = { at: '2026-03-01T12:00:00.000Z', actor: 'k.devries', action: 'report.viewed', subjectType: 'report', subjectId: 'IA-2026-0000001', details: null };
    sqlite.prepare('INSERT INTO audit_log (at, actor, action, subject_type, subject_id, details, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(content.at, content.actor, content.action, content.subjectType, content.subjectId, content.details, entryHash(previous, content));
    expect(verifyChain(sqlite)).toMatchObject({ ok: false, firstBad: 4, reason: expect.stringMatching(/added outside the log's writer/) as unknown });
  });

  it("moves with every other writer's entry while an import holds the overview's kept-counts deferral between its batches", async () => {
    const temp = openTempStore();
    const sqlite = temp.store.sqlite;
    const headCopy = () => sqlite.prepare("SELECT value FROM store_meta WHERE key = 'audit_head'").pluck().get();
    const last = () => sqlite.prepare("SELECT id || ':' || lower(hex(entry_hash)) FROM audit_log ORDER BY id DESC LIMIT 1").pluck().get();
    const records = [filedRecord(), filedRecord()];
    const lines = records.map((record) => JSON.stringify(record) + '\n');
    const writer = createReportWriter(temp.store, { clock: fixedClock(new Date('2026-03-01T10:00:00Z')), actor: IMPORT_ACTOR });
    const other = createAuditAppender(sqlite);
    let appendedBetween = false;
    // Batches of one record: after the first, the import's deferral is held and an officer's consultation is logged.
    await importNdjson(Readable.from(lines), writer, {
      batchSize: 1,
      onProgress: () => {
        if (appendedBetween) return;
        expect(sqlite.prepare('SELECT count(*) FROM kept_counts_deferral').pluck().get()).toBe(1);
        other('2026-03-01T10:00:01.000Z', entry(9));
        expect(headCopy()).toBe(last());
        appendedBetween = true;
      },
    });
    expect(appendedBetween).toBe(true);
    expect(headCopy()).toBe(last());
    expect(verifyChain(sqlite)).toMatchObject({ ok: true });
  });

  it('is refused outside a transaction, where another writer could append between two entries', () => {
    const temp = openTempStore();
    const append = createAuditAppender(temp.store.sqlite);
    expect(() => append.withHeadKept(() => append('2026-03-01T10:00:00.000Z', entry(1)))).toThrow(/needs the transaction/);
    expect(temp.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });
});
