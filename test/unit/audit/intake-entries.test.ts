import { describe, expect, it, vi } from 'vitest';
import { INTAKE_ENTRY_MAX_DETAILS_CHARS, INTAKE_ENTRY_MAX_REPORTS } from '../../../shared/audit/intake-batch';
import { parseAuditPush } from '../../../src-hub/audit/parse-push';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { verifyChain } from '../../../src-main/audit/audit-chain';
import { createAuditAppender } from '../../../src-main/audit/audit-log';
import { auditEntries } from '../../../src-main/audit/audit-entries';
import { createIntakeLog } from '../../../src-main/audit/intake-entries';
import { logbook, logbookTotal } from '../../../src-main/queries/logbook';
import { reportAuditTrail } from '../../../src-main/queries/audit-trail';
import { RETENTION_ACTOR } from '../../../src-main/retention/daily-retention';
import { runRetention } from '../../../src-main/retention/retention-run';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const stored = (sqlite: ReturnType<typeof openTempStore>['store']['sqlite']) =>
  sqlite
    .prepare<[], { id: number; actor: string; action: string; subjectType: string; subjectId: string; details: string }>(
      'SELECT id, actor, action, subject_type AS subjectType, subject_id AS subjectId, details FROM audit_log ORDER BY id',
    )
    .all();

const trailOf = (sqlite: ReturnType<typeof openTempStore>['store']['sqlite'], reportId: string) =>
  reportAuditTrail(sqlite, reportId).map(({ actor, action, subjectType, subjectId, details }) => ({ actor, action, subjectType, subjectId, details }));

describe("the intake's audit entries: one per batch", () => {
  it('logs an import batch as one entry listing what it received, revised and withdrew (the temp store imports 3 a batch)', async () => {
    const { store, importRecords } = openTempStore();
    const [a, b, c] = [filedRecord(), filedRecord(), filedRecord()];
    await importRecords([a, b, c, { ...a, revision: 2 }, withdrawal(b, 2)]);
    expect(stored(store.sqlite)).toEqual([
      { id: 1, actor: IMPORT_ACTOR, action: 'reports.received', subjectType: 'reports', subjectId: 'intake', details: JSON.stringify({ received: [[a.reportId, 1], [b.reportId, 1], [c.reportId, 1]] }) },
      { id: 2, actor: IMPORT_ACTOR, action: 'reports.received', subjectType: 'reports', subjectId: 'intake', details: JSON.stringify({ revised: [[a.reportId, 2, 1]], withdrawn: [[b.reportId, 2]] }) },
    ]);
    expect(verifyChain(store.sqlite)).toEqual({ entries: 2, ok: true });
  });

  it("shows each report's history from the batch entries, only that report's part of them", async () => {
    const { store, importRecords } = openTempStore();
    const [a, b] = [filedRecord(), filedRecord()];
    // One batch receives, revises and withdraws a; b shares it.
    await importRecords([a, b, { ...a, revision: 2 }]);
    await importRecords([withdrawal(a, 3)]);
    expect(trailOf(store.sqlite, a.reportId)).toEqual([
      { actor: IMPORT_ACTOR, action: 'report.received', subjectType: 'report', subjectId: a.reportId, details: { revision: 1 } },
      { actor: IMPORT_ACTOR, action: 'report.revised', subjectType: 'report', subjectId: a.reportId, details: { revision: 2, previous: 1 } },
      { actor: IMPORT_ACTOR, action: 'report.withdrawn', subjectType: 'report', subjectId: a.reportId, details: { revision: 3 } },
    ]);
    expect(trailOf(store.sqlite, b.reportId)).toEqual([{ actor: IMPORT_ACTOR, action: 'report.received', subjectType: 'report', subjectId: b.reportId, details: { revision: 1 } }]);
    // The Logboek about a shows its part too, newest first; nothing of b.
    const page = logbook(store.sqlite, { reportId: a.reportId });
    expect(page.entries.map((entry) => [entry.id, entry.action, entry.details])).toEqual([
      [2, 'report.withdrawn', { revision: 3 }],
      [1, 'report.revised', { revision: 2, previous: 1 }],
      [1, 'report.received', { revision: 1 }],
    ]);
    expect(JSON.stringify(page)).not.toContain(b.reportId);
  });

  it("pages and counts the Logboek about a report by what it shows: a batch entry's views, kept together on one page", async () => {
    const { store, importRecords } = openTempStore();
    const [a, b] = [filedRecord(), filedRecord()];
    await importRecords([a, b, { ...a, revision: 2 }]);
    await importRecords([withdrawal(a, 3)]);
    expect(logbookTotal(store.sqlite, { reportId: a.reportId })).toBe(3);
    const first = logbook(store.sqlite, { reportId: a.reportId }, { limit: 2 });
    expect(first).toMatchObject({ truncated: true, entries: [{ id: 2, action: 'report.withdrawn' }] });
    const next = logbook(store.sqlite, { reportId: a.reportId }, { limit: 2, beforeId: 2 });
    expect(next.truncated).toBe(false);
    expect(next.entries.map((entry) => entry.action)).toEqual(['report.revised', 'report.received']);
    // Twin: a page the views fit is whole, and without a report the count is the entries'.
    expect(logbook(store.sqlite, { reportId: a.reportId }, { limit: 3 })).toMatchObject({ truncated: false, entries: [{}, {}, {}] });
    expect(logbookTotal(store.sqlite, {})).toBe(2);
  });

  it('reads both forms on an upgraded store: the per-report entries written before, the batch entries after', async () => {
    const { store, importRecords } = openTempStore();
    const a = filedRecord();
    // The store as the writer before left it: the report, and its arrival logged one entry a report. Written now and
    // its log then put back as it was (the guard dropped for it, as only this test may).
    await importRecords([a]);
    const guard = store.sqlite.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_delete'").pluck().get()!;
    store.sqlite.exec("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log; DELETE FROM sqlite_sequence WHERE name = 'audit_log'; DELETE FROM store_meta WHERE key = 'audit_head';");
    store.sqlite.exec(guard);
    const append = createAuditAppender(store.sqlite);
    append('2026-10-01T09:00:00.000Z', { actor: IMPORT_ACTOR, action: 'report.received', subjectType: 'report', subjectId: a.reportId, details: { revision: 1 } });
    expect(verifyChain(store.sqlite)).toEqual({ entries: 1, ok: true });
    // This release imports its next revision.
    await importRecords([{ ...a, revision: 2 }]);
    expect(trailOf(store.sqlite, a.reportId)).toEqual([
      { actor: IMPORT_ACTOR, action: 'report.received', subjectType: 'report', subjectId: a.reportId, details: { revision: 1 } },
      { actor: IMPORT_ACTOR, action: 'report.revised', subjectType: 'report', subjectId: a.reportId, details: { revision: 2, previous: 1 } },
    ]);
    expect(stored(store.sqlite).map((entry) => entry.action)).toEqual(['report.received', 'reports.received']);
    expect(verifyChain(store.sqlite)).toEqual({ entries: 2, ok: true });
  });

  it('logs a report applied alone (a feed entry outside a batch) as a batch entry of one, in the caller’s transaction', () => {
    const { store, writer } = openTempStore();
    const a = filedRecord();
    store.sqlite.transaction(() => writer.apply({ record: a, raw: JSON.stringify(a) }))();
    expect(stored(store.sqlite).map(({ action, details }) => [action, details])).toEqual([['reports.received', JSON.stringify({ received: [[a.reportId, 1]] })]]);
  });

  it('logs nothing of a batch that failed, and a batch that received nothing new writes no entry', async () => {
    const { store, writer, importRecords } = openTempStore();
    const a = filedRecord();
    await importRecords([a]);
    expect(() =>
      store.sqlite.transaction(() =>
        writer.inBatch(() => {
          writer.apply({ record: { ...a, revision: 2 }, raw: JSON.stringify({ ...a, revision: 2 }) });
          throw new Error('the feed slice failed');
        }),
      )(),
    ).toThrow('the feed slice failed');
    writer.transactionEnded(false);
    // The same record again: ignored, nothing received.
    await importRecords([a]);
    expect(stored(store.sqlite).map(({ details }) => details)).toEqual([JSON.stringify({ received: [[a.reportId, 1]] })]);
    expect(verifyChain(store.sqlite).ok).toBe(true);
  });

  it("keeps a purged report's id in its batch entry, as it kept its entry one a report: the log is not rewritten, and holds nothing else of it", async () => {
    const { store, importRecords } = openTempStore();
    const expiring = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: 'Ik betaalde vooruit aan de Okapistraat.' } });
    const younger = filedRecord({ receivedAt: '2026-10-01T10:00:00Z' });
    await importRecords([expiring, younger]);
    const before = stored(store.sqlite);
    expect(runRetention(store.sqlite, { asOf: '2027-04-01', at: '2027-04-01T03:00:00.000Z', actor: RETENTION_ACTOR })).toMatchObject({ purged: 1 });
    expect(store.sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?').get(expiring.reportId)).toBeUndefined();
    // The batch entry as it was: the purged report's id and revision, nothing of what it said.
    expect(stored(store.sqlite).slice(0, before.length)).toEqual(before);
    expect(before[0]!.details).toBe(JSON.stringify({ received: [[expiring.reportId, 1], [younger.reportId, 1]] }));
    expect(JSON.stringify(stored(store.sqlite))).not.toMatch(/Okapistraat|Fiets/);
    expect(verifyChain(store.sqlite).ok).toBe(true);
    // Its history is no longer asked for (the report is gone); the other report's still reads from the same entry.
    expect(() => reportAuditTrail(store.sqlite, expiring.reportId)).toThrow();
    expect(trailOf(store.sqlite, younger.reportId).map((entry) => entry.action)).toEqual(['report.received']);
  });

  it(`splits a batch larger than ${INTAKE_ENTRY_MAX_REPORTS} reports over entries of at most that many, each within the hub's 20,000 characters`, () => {
    const written: Array<{ details?: Record<string, unknown> | undefined }> = [];
    const intake = createIntakeLog((_at, entry) => written.push(entry), IMPORT_ACTOR);
    const count = INTAKE_ENTRY_MAX_REPORTS * 2 + 1;
    for (let index = 0; index < count; index++) {
      intake.note('2026-11-01T09:00:00.000Z', { kind: 'revised', reportId: `IA-2026-${String(9_000_000 + index)}`, revision: 999, previous: 998 });
    }
    intake.flush();
    expect(written.map(({ details }) => (details?.revised as unknown[]).length)).toEqual([INTAKE_ENTRY_MAX_REPORTS, INTAKE_ENTRY_MAX_REPORTS, 1]);
    for (const { details } of written) expect(JSON.stringify(details).length).toBeLessThan(20_000);
  });

  const pushOf = (written: Array<{ details?: Record<string, unknown> | undefined }>) =>
    parseAuditPush({
      workstationId: '00000000-0000-4000-8000-000000000000',
      entries: written.map((entry, index) => ({ id: index + 1, at: '2026-11-01T09:00:00.000Z', actor: 'import', action: 'reports.received', subjectType: 'reports', subjectId: 'intake', details: JSON.stringify(entry.details), hash: 'a'.repeat(64) })),
      proof: { publicKey: 'A'.repeat(43), signature: 'A'.repeat(86) },
    });

  it('closes an entry by its size too: 500 revisions near MAX_SAFE_INTEGER (any safe integer is a revision) are split, and the hub takes every entry', () => {
    const written: Array<{ details?: Record<string, unknown> | undefined }> = [];
    const intake = createIntakeLog((_at, entry) => written.push(entry), IMPORT_ACTOR);
    for (let index = 0; index < INTAKE_ENTRY_MAX_REPORTS; index++) {
      const revision = Number.MAX_SAFE_INTEGER - index;
      intake.note('2026-11-01T09:00:00.000Z', { kind: 'revised', reportId: `IA-2026-${String(9_000_000 + index)}`, revision, previous: revision - 1 });
    }
    intake.flush();
    expect(written.length).toBeGreaterThan(1);
    expect(written.flatMap(({ details }) => details?.revised as unknown[])).toHaveLength(INTAKE_ENTRY_MAX_REPORTS);
    for (const { details } of written) expect(JSON.stringify(details).length).toBeLessThanOrEqual(INTAKE_ENTRY_MAX_DETAILS_CHARS);
    expect(pushOf(written)).toMatchObject({ ok: true });
  });

  it('keeps an ordinary batch of 500 reports one entry, which the hub takes (twin)', () => {
    const written: Array<{ details?: Record<string, unknown> | undefined }> = [];
    const intake = createIntakeLog((_at, entry) => written.push(entry), IMPORT_ACTOR);
    for (let index = 0; index < INTAKE_ENTRY_MAX_REPORTS; index++) {
      intake.note('2026-11-01T09:00:00.000Z', { kind: index % 2 ? 'received' : 'revised', reportId: `IA-2026-${String(9_000_000 + index)}`, revision: 3, previous: 2 });
    }
    intake.flush();
    expect(written).toHaveLength(1);
    expect(pushOf(written)).toMatchObject({ ok: true });
  });
});

const indexed = (sqlite: ReturnType<typeof openTempStore>['store']['sqlite']) =>
  sqlite.prepare<[], [string, number]>('SELECT report_id, audit_id FROM report_intake_entries ORDER BY audit_id, report_id').raw().all();

describe("the index from a report to the intake entries naming it (review M2)", () => {
  it('is written with each batch entry, one row a report it names, and loses a purged report\'s rows', async () => {
    const { store, importRecords } = openTempStore();
    const expiring = filedRecord({ receivedAt: '2026-04-01T10:00:00Z' });
    const [b, c] = [filedRecord({ receivedAt: '2026-10-01T10:00:00Z' }), filedRecord({ receivedAt: '2026-10-01T10:00:00Z' })];
    // Batch 1 receives all three; batch 2 revises b and withdraws c (twice in one entry would still be one row).
    await importRecords([expiring, b, c, { ...b, revision: 2 }, withdrawal(c, 2)]);
    expect(indexed(store.sqlite)).toEqual([
      [expiring.reportId, 1],
      [b.reportId, 1],
      [c.reportId, 1],
      [b.reportId, 2],
      [c.reportId, 2],
    ]);
    runRetention(store.sqlite, { asOf: '2027-04-01', at: '2027-04-01T03:00:00.000Z', actor: RETENTION_ACTOR });
    expect(indexed(store.sqlite).map(([reportId]) => reportId)).not.toContain(expiring.reportId);
    expect(indexed(store.sqlite)).toContainEqual([b.reportId, 2]);
  });

  it('finds exactly the entries naming the report, not those of a report whose id it begins (IA-1 against IA-10)', () => {
    const { store } = openTempStore();
    const append = createAuditAppender(store.sqlite);
    const batch = (details: Record<string, unknown>) =>
      store.sqlite.transaction(() => append('2026-11-01T09:00:00.000Z', { actor: IMPORT_ACTOR, action: 'reports.received', subjectType: 'reports', subjectId: 'intake', details }))();
    batch({ received: [['IA-10', 1]] });
    batch({ received: [['IA-1', 1]], revised: [['IA-10', 2, 1]] });
    batch({ withdrawn: [['IA-100', 2]] });
    // An entry one a report, as older stores wrote them, is found too.
    store.sqlite.transaction(() => append('2026-11-02T09:00:00.000Z', { actor: IMPORT_ACTOR, action: 'report.revised', subjectType: 'report', subjectId: 'IA-1', details: { revision: 2, previous: 1 } }))();
    const idsAbout = (reportId: string) => Array.from(auditEntries(store.sqlite, { reportId })).map((entry) => entry.id);
    expect(idsAbout('IA-1')).toEqual([2, 4]);
    expect(idsAbout('IA-10')).toEqual([1, 2]);
    expect(idsAbout('IA-100')).toEqual([3]);
    expect(idsAbout('IA-')).toEqual([]);
  });

  it('reads the index, not every batch entry\'s details: an entry the index does not point to is not read', async () => {
    const { store, importRecords } = openTempStore();
    const [a, b] = [filedRecord(), filedRecord()];
    await importRecords([a, b]);
    expect(trailOf(store.sqlite, a.reportId).map((entry) => entry.action)).toEqual(['report.received']);
    // The plan of the trail's own statement: the log by its key for the index's ids, no pass over the batch entries.
    let trailSql = '';
    const prepare = store.sqlite.prepare.bind(store.sqlite);
    vi.spyOn(store.sqlite, 'prepare').mockImplementation((sql: string) => {
      if (sql.includes('FROM audit_log')) trailSql = sql;
      return prepare(sql);
    });
    trailOf(store.sqlite, a.reportId);
    vi.restoreAllMocks();
    const plan = prepare<string[], { detail: string }>(`EXPLAIN QUERY PLAN ${trailSql}`)
      .all(a.reportId, `${a.reportId}|%`, `%|${a.reportId}`, a.reportId)
      .map((row) => row.detail);
    expect(plan).toContain('SEARCH report_intake_entries USING PRIMARY KEY (report_id=?)');
    // One search by subject (the report's own entries), none over the batch entries' subject, no scan of the log.
    expect(plan.filter((step) => step.includes('audit_subject (subject_type=? AND subject_id=?)'))).toHaveLength(1);
    expect(plan.filter((step) => step.startsWith('SCAN'))).toEqual([]);
    // Taken out of the index (as only this test may), the batch entry no longer shows in a's trail; b's still does.
    store.sqlite.prepare('DELETE FROM report_intake_entries WHERE report_id = ?').run(a.reportId);
    expect(trailOf(store.sqlite, a.reportId)).toEqual([]);
    expect(trailOf(store.sqlite, b.reportId).map((entry) => entry.action)).toEqual(['report.received']);
  });
});

describe("the chain over the intake's batch entries", () => {
  it('detects a batch entry whose list of reports was changed (attack), and accepts the honest log (twin)', async () => {
    const { store, importRecords } = openTempStore();
    const [a, b, c, d] = [filedRecord(), filedRecord(), filedRecord(), filedRecord()];
    await importRecords([a, b, c, d]);
    // The honest twin.
    expect(verifyChain(store.sqlite)).toEqual({ entries: 2, ok: true });
    // The attack: b taken out of the first batch's list, as if it never came in this way.
    const first = stored(store.sqlite)[0]!;
    store.sqlite.exec('DROP TRIGGER audit_log_no_update');
    const forged = JSON.stringify({ received: [[a.reportId, 1], [c.reportId, 1]] });
    store.sqlite.prepare('UPDATE audit_log SET details = ? WHERE id = ?').run(forged, first.id);
    expect(verifyChain(store.sqlite)).toMatchObject({ ok: false, firstBad: first.id, reason: expect.stringContaining('does not match its hash') as unknown });
  });
});
