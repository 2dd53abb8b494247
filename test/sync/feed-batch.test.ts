/**
 * A feed slice applies its consecutive reports through the report writer as one batch, as the import does
 * (src-main/ingest/apply-feed-page.ts): the store it leaves must be exactly the one the per-entry path leaves —
 * every table, the text index, the overview's kept counts, and an audit chain that verifies.
 */
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawFeedEntry, RawFeedPage } from '../../shared/hub/feed-page';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { SYNC_ACTOR } from '../../src-main/audit/actor';
import { verifyChain } from '../../src-main/audit/audit-chain';
import { intakeEntryAbout } from '../../shared/audit/intake-batch';
import { writeCursor } from '../../src-main/db/sync-cursor';
import { createFeedPageApplier, type SliceBudget } from '../../src-main/ingest/apply-feed-page';
import { createReportWriter } from '../../src-main/ingest/report-writer';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { handClock } from '../support/hand-clock';
import { filedRecord, IBANS } from '../support/records';
import { tempDir } from '../support/temp-store';
import { foreignMutation } from './support/mutation-fixtures';
import { reportMix } from './support/report-mix';

const NOW = '2026-11-02T09:00:00Z';
const CASE = 'cccccccc-cccc-4ccc-8ccc-000000000001';

/**
 * Reports, their revisions and withdrawals (shuffled, so revisions often come first) with officers' changes between
 * them: some about reports that arrive later, a note on a report withdrawn after it, a case, a benign entry that
 * changes how later reports link, and one taken back again.
 */
function mixedFeed(): RawFeedEntry[] {
  const records = reportMix(60, 1313);
  const [first, second, third] = [records[0]!, records[5]!, records[9]!];
  const later = filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } });
  // The same account before and after it is put on the benign list: only the first links through it.
  const bank = () => filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
  const inserted: Array<[at: number, { report: IntakeRecord } | { mutation: AnyMutation }]> = [
    [1, { report: bank() }],
    [4, { report: bank() }],
    [25, { report: bank() }],
    [30, { report: bank() }],
  ];
  const mutations: Array<[at: number, AnyMutation]> = [
    [2, foreignMutation('report.setWorkStatus', { reportId: later.reportId, status: 'in_progress' }, 'agent.a')],
    [3, foreignMutation('report.route', { reportId: later.reportId, team: 'Team Fraude', priority: 'high', assignee: 'agent.b', ruleId: null, reason: 'met de hand', automatic: false }, 'agent.s')],
    [7, foreignMutation('note.add', { noteId: 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001', subjectType: 'report', subjectId: first.reportId, body: 'Gebeld met T. Testpersoon' }, 'agent.c')],
    [12, foreignMutation('case.create', { caseId: CASE, title: 'Fietsen', owner: null, team: 'Cyber', reportIds: [first.reportId, second.reportId] }, 'agent.a')],
    [20, foreignMutation('benign.add', { type: 'iban', value: IBANS.muleA, reason: 'rekening van de bank zelf' }, 'agent.s')],
    [21, foreignMutation('report.assign', { reportId: third.reportId, assignee: 'agent.d' }, 'agent.c')],
    [40, foreignMutation('benign.add', { type: 'iban', value: IBANS.muleC, reason: 'rekening van de politie' }, 'agent.s')],
    [50, foreignMutation('benign.remove', { type: 'iban', value: IBANS.muleC }, 'agent.t')],
    [41, foreignMutation('case.addReports', { caseId: CASE, reportIds: [third.reportId] }, 'agent.a')],
  ];
  const ordered: Array<{ report: IntakeRecord } | { mutation: AnyMutation }> = records.map((record) => ({ report: record }));
  const placed = [...inserted, ...mutations.map(([at, mutation]): (typeof inserted)[number] => [at, { mutation }])];
  for (const [at, item] of placed.sort(([a], [b]) => b - a)) ordered.splice(at, 0, item);
  ordered.push({ report: later });
  return ordered.map((item, index) => {
    const seq = String(index + 1);
    if ('mutation' in item) return { seq, type: 'mutation' as const, mutation: item.mutation as unknown as Record<string, unknown> };
    const { report } = item;
    return { seq, type: 'report' as const, reportId: report.reportId, revision: report.revision, record: JSON.stringify(report) };
  });
}

const pageOf = (entries: RawFeedEntry[]): RawFeedPage => ({ entries, cursor: entries.at(-1)!.seq, hasMore: false });

function freshStore() {
  const clock = handClock(NOW);
  const store = openCaseStore({ clock, path: join(tempDir(), 'ws.db'), key: 'feed-batch-test-key' });
  return { store, clock, applier: createMutationApplier(store.sqlite, { clock }) };
}

/** Through the feed applier: with a long budget, one slice whose reports go in batches between the mutations. */
async function applyThroughFeed(page: RawFeedPage, sliceMs: SliceBudget) {
  const { store, clock, applier } = freshStore();
  const pages = createFeedPageApplier(store, { clock, applier, sliceMs });
  const outcome = await pages.apply(await pages.prepare(JSON.stringify(page)));
  pages.settleRedactions();
  return { store, outcome };
}

/** The per-entry path: each entry alone in its transaction, a report through the writer's `apply` outside any batch. */
function applyPerEntry(page: RawFeedPage) {
  const { store, clock, applier } = freshStore();
  const writer = createReportWriter(store, { clock, actor: SYNC_ACTOR });
  for (const entry of page.entries) {
    store.sqlite.transaction(() => {
      if (entry.type === 'report') {
        const applied = writer.apply({ record: JSON.parse(entry.record) as IntakeRecord, raw: entry.record });
        if (applied === 'imported') applier.refreshEntity('report', entry.reportId);
      } else {
        applier.applyFromHub(entry.mutation as unknown as AnyMutation, Number(entry.seq));
      }
      writeCursor(store.sqlite, entry.seq);
    })();
    writer.settleRedactions();
  }
  return store;
}

/**
 * Every row of every table (the text index's own tables aside: its segments differ by how it was written; the intake
 * entries' index by the reports it names). The audit log as what it says, entry by entry: the intake's entries are one per batch (audit/intake-entries.ts), so how many
 * there are, their ids and hashes, and the chain's head follow the batches; what each says of each report does not.
 */
function tables(sqlite: Database.Database): Record<string, string[]> {
  const names = sqlite
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'reports_fts%' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name")
    .pluck()
    .all();
  const rows = (name: string) => sqlite.prepare(query(name)).all();
  return { ...Object.fromEntries(names.map((name) => [name, rows(name).map((row) => JSON.stringify(row)).sort()])), audit_log: auditSays(sqlite) };
}

/**
 * What a table is compared by. The index from a report to the intake entries naming it (0047) holds the entries' ids,
 * which follow the batches as the log does: compared by which reports it indexes.
 */
function query(table: string): string {
  if (table === 'store_meta') return "SELECT * FROM store_meta WHERE key <> 'audit_head'";
  if (table === 'report_intake_entries') return 'SELECT DISTINCT report_id FROM report_intake_entries';
  return `SELECT * FROM "${table}"`;
}

/** Each entry of the audit log without its place in it; an intake batch entry as what it says of each report it names. */
function auditSays(sqlite: Database.Database): string[] {
  const entries = sqlite
    .prepare<[], { at: string; actor: string; action: string; subjectType: string; subjectId: string; details: string | null }>(
      'SELECT at, actor, action, subject_type AS subjectType, subject_id AS subjectId, details FROM audit_log',
    )
    .all()
    .map((entry) => ({ ...entry, details: entry.details === null ? null : (JSON.parse(entry.details) as Record<string, unknown>) }));
  return entries
    .flatMap((entry) => {
      const named = entry.action === 'reports.received' ? Object.values(entry.details ?? {}).flatMap((list) => (list as Array<[string]>).map(([reportId]) => reportId)) : [];
      return named.length === 0 ? [entry] : [...new Set(named)].flatMap((reportId) => intakeEntryAbout(entry, reportId));
    })
    .map((entry) => JSON.stringify(entry))
    .sort();
}

/** What the text index holds: each word, the report and the column it is in; after its own integrity check. */
function textIndex(sqlite: Database.Database): unknown[] {
  sqlite.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run();
  sqlite.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, 'reports_fts', 'instance')");
  return sqlite.prepare('SELECT term, doc, col FROM temp.fts_words ORDER BY term, doc, col').all();
}

describe('a feed slice’s reports written as one batch', () => {
  it('leave exactly the store the per-entry path leaves: tables, text index, kept counts, audit chain', async () => {
    const page = pageOf(mixedFeed());
    const reference = applyPerEntry(page);
    const { store, outcome } = await applyThroughFeed(page, 60_000);
    expect(outcome).toMatchObject({ mutations: 9, skipped: 0 });
    expect(outcome.reports + outcome.mutations).toBe(page.entries.length);

    const expected = tables(reference.sqlite);
    // The mix did what it is for: withdrawals, revisions, a redacted note, counts for the overview, officers' work.
    expect(reference.sqlite.prepare("SELECT count(*) FROM reports WHERE status = 'withdrawn'").pluck().get()).toBeGreaterThan(3);
    expect(reference.sqlite.prepare('SELECT count(*) FROM reports WHERE revision > 1').pluck().get()).toBeGreaterThan(10);
    expect(expected.indicator_day_counts!.length).toBeGreaterThan(5);
    expect(reference.sqlite.prepare("SELECT count(*) FROM reports WHERE route_team = 'Team Fraude' AND work_status = 'in_progress'").pluck().get()).toBe(1);
    const bankMentions = "SELECT group_concat(m.benign, '') FROM mentions m JOIN indicators i ON i.id = m.indicator_id WHERE i.value = ? ORDER BY m.report_id";
    expect(reference.sqlite.prepare(bankMentions).pluck().get(IBANS.muleA)).toMatch(/^1+$/);
    expect(tables(store.sqlite)).toEqual(expected);
    expect(textIndex(store.sqlite)).toEqual(textIndex(reference.sqlite));
    expect(verifyChain(store.sqlite)).toMatchObject({ ok: true });
    expect(verifyChain(reference.sqlite)).toMatchObject({ ok: true });
    store.close();
    reference.close();
  });

  it('a report the feed cannot read, logged between the batch’s own entries, keeps the chain and the store (one entry a slice as the twin)', async () => {
    const entries = mixedFeed();
    const unreadable = { ...(entries.find((entry) => entry.type === 'report') as Extract<RawFeedEntry, { type: 'report' }>), record: '{"schema":"intake-report/1"' };
    // In the middle of a run of reports, so that the writer's batch writes audit entries before and after it.
    const isReport = (index: number) => entries[index]?.type === 'report';
    const middle = entries.findIndex((_, index) => index > 2 && [-2, -1, 0, 1].every((offset) => isReport(index + offset)));
    entries.splice(middle, 0, unreadable);
    const page = pageOf(entries.map((entry, index) => ({ ...entry, seq: String(index + 1) })));
    const batched = await applyThroughFeed(page, 60_000);
    const alone = await applyThroughFeed(page, 0);
    expect(batched.outcome).toEqual(alone.outcome);
    expect(batched.outcome.skipped).toBe(1);
    expect(batched.store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.entry_skipped'").pluck().get()).toBe(1);
    expect(tables(batched.store.sqlite)).toEqual(tables(alone.store.sqlite));
    expect(textIndex(batched.store.sqlite)).toEqual(textIndex(alone.store.sqlite));
    expect(verifyChain(batched.store.sqlite)).toMatchObject({ ok: true });
    batched.store.close();
    alone.store.close();
  });
});
