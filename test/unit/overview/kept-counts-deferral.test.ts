/**
 * One deferral of the overview's kept counts per import (issue 16): held from the import's first batch to its end,
 * settled once — at its end, before any overview read or recount, at the store's next opening after a crash — and
 * never two at once.
 */
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { fixedClock } from '../../../shared/platform/clock';
import type { LogFields, Logger } from '../../../shared/platform/logger';
import { openCaseStore } from '../../../src-main/app/open-case-store';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { openStore } from '../../../src-main/db/open-store';
import { settleKeptCountsDeferral } from '../../../src-main/db/reports/writes';
import { importNdjson } from '../../../src-main/ingest/importer';
import { inThreadPreparer, type LinePreparer } from '../../../src-main/ingest/prepare-pool';
import { createReportWriter, type ReportWriter } from '../../../src-main/ingest/report-writer';
import { rebuildKeptCounts } from '../../../src-main/overview/kept-counts';
import { cachedOverview } from '../../../src-main/overview/overview-cache';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { filedRecord, IBANS, withdrawal } from '../../support/records';
import { openTempStore, TEST_CLOCK_START } from '../../support/temp-store';
import { fromScratch, groupsFromScratch, kept, keptGroups } from './kept-recount';

const ACCOUNTS = [IBANS.muleA, IBANS.muleB, IBANS.muleC, IBANS.muleD] as const;
const TEAMS = ['Team Fraude', 'Team Cybercrime'] as const;

/** `count` reports over March 2026 at all hours (late evening is the next Dutch day), sharing four accounts. */
function manyReports(count: number): IntakeRecord[] {
  return Array.from({ length: count }, (_, index) =>
    filedRecord({
      receivedAt: `2026-03-${String(1 + (index % 28)).padStart(2, '0')}T${String((index * 7) % 24).padStart(2, '0')}:30:00Z`,
      payments: [{ amount: `${10 + index}.00`, currency: 'EUR', beneficiaryAccount: ACCOUNTS[index % 4]! }],
      suspect: { bankAccounts: [ACCOUNTS[(index + 1) % 4]!], phoneNumbers: index % 3 === 0 ? ['06-12345678'] : [] },
    }),
  );
}

/** Revisions of earlier reports to another Dutch day and other accounts, and a withdrawal: what a long import meets. */
function laterRevisions(reports: readonly IntakeRecord[]): IntakeRecord[] {
  return [
    { ...reports[0]!, revision: 2, receivedAt: '2026-03-29T22:30:00Z', suspect: { bankAccounts: [IBANS.muleD] } },
    { ...reports[1]!, revision: 2, receivedAt: '2026-04-02T08:00:00Z' },
    withdrawal(reports[2]!, 2),
    { ...reports[3]!, revision: 2, suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB], websites: ['https://rabo-check.nl'] } },
  ];
}

/** The records as NDJSON lines, running `pauses[i]` (awaited) before line i is handed over: between the import's batches. */
async function* linesPausing(records: readonly IntakeRecord[], pauses: Record<number, () => Promise<void> | void>): AsyncGenerator<Buffer> {
  for (const [index, record] of records.entries()) {
    await pauses[index]?.();
    yield Buffer.from(JSON.stringify(record) + '\n');
  }
}

/** Batches of four; the lines read one at a time, so a pause comes after the batches of the lines before it (but the two read ahead) are written. */
function importPausing(writer: ReportWriter, records: readonly IntakeRecord[], pauses: Record<number, () => Promise<void> | void>) {
  return importNdjson(Readable.from(linesPausing(records, pauses), { highWaterMark: 1 }), writer, { batchSize: 4 });
}

const input = (record: IntakeRecord) => ({ record, raw: JSON.stringify(record) });

const deferrals = (sqlite: Database.Database) => sqlite.prepare<[], number>('SELECT after_id FROM kept_counts_deferral').pluck().all();
const maxReportId = (sqlite: Database.Database) => sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM reports').pluck().get()!;
const exact = (sqlite: Database.Database) => {
  expect(kept(sqlite)).toEqual(fromScratch(sqlite));
  expect(keptGroups(sqlite)).toEqual(groupsFromScratch(sqlite));
};

/** Each settle from here on: the deferral's mark and the last report it counted (the span one transaction groups). */
/** Opening the store as the app does settles the deferral a crash left, and the counts are exact again. */
function expectSettledAtOpening(path: string): void {
  const reopened = openCaseStore({ path, clock: fixedClock(TEST_CLOCK_START) });
  try {
    expect(deferrals(reopened.sqlite)).toEqual([]);
    exact(reopened.sqlite);
  } finally {
    reopened.close();
  }
}

function recordSettles(sqlite: Database.Database): () => Array<{ afterId: number; lastId: number }> {
  sqlite.exec('CREATE TEMP TABLE settles (after_id integer NOT NULL, last_id integer NOT NULL)');
  sqlite.exec('CREATE TEMP TRIGGER settles_seen AFTER DELETE ON main.kept_counts_deferral BEGIN INSERT INTO settles VALUES (OLD.after_id, (SELECT max(id) FROM main.reports)); END');
  return () => sqlite.prepare<[], { afterId: number; lastId: number }>('SELECT after_id AS afterId, last_id AS lastId FROM settles ORDER BY rowid').all();
}

/** Rows written to the kept tables from here on, counted by a temporary trigger of the test's own on each. */
function countKeptWrites(sqlite: Database.Database): () => number {
  sqlite.exec('CREATE TEMP TABLE kept_writes (kept_table text NOT NULL)');
  for (const table of ['report_day_counts', 'indicator_day_counts', 'shape_day_counts', 'cluster_day_counts', 'summary_day_counts']) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      sqlite.exec(`CREATE TEMP TRIGGER kept_writes_${table}_${event} AFTER ${event} ON main.${table} BEGIN INSERT INTO kept_writes VALUES ('${table}'); END`);
    }
  }
  return () => sqlite.prepare('DELETE FROM kept_writes').run().changes;
}

describe('one deferral of the kept counts per import', () => {
  it("holds one deferral from its first batch to its end, so revisions of its own reports write no kept row; settles it once, exactly", () => {
    const older = filedRecord({ receivedAt: '2026-02-27T10:00:00Z', suspect: { websites: ['https://bol-retour.com'] } });
    const temp = openTempStore();
    const { sqlite } = temp.store;
    temp.writer.applyBatch([input(older)]);
    temp.writer.settleKeptCounts();
    const before = maxReportId(sqlite);
    const reports = manyReports(24);
    const keptWrites = countKeptWrites(sqlite);
    temp.writer.applyBatch(reports.slice(0, 12).map(input));
    expect(deferrals(sqlite)).toEqual([before]);
    // Revisions of the first batch's reports to other Dutch days and accounts, a withdrawal, among new reports.
    temp.writer.applyBatch([...reports.slice(12), ...laterRevisions(reports)].map(input));
    expect(deferrals(sqlite)).toEqual([before]);
    expect(keptWrites()).toBe(0);
    // The honest twin: a report from before the import, moved to another day, is counted at once by its triggers.
    temp.writer.applyBatch([input({ ...older, revision: 2, receivedAt: '2026-03-05T10:00:00Z' })]);
    expect(keptWrites()).toBeGreaterThan(0);
    expect(deferrals(sqlite)).toEqual([before]);
    temp.writer.settleKeptCounts();
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
  });

  it('leaves nothing deferred after an import, also one that stopped at a batch it could not write', async () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    const reports = manyReports(10);
    await temp.importRecords([...reports, ...laterRevisions(reports)]);
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
    // A record whose write fails (the database refuses it): the import stops, the batches before it are counted.
    const more = manyReports(9);
    sqlite.exec(`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON main.reports WHEN NEW.report_id = '${more[7]!.reportId}' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    await expect(temp.importRecords(more)).rejects.toThrow(/refused for the test/);
    expect(sqlite.prepare('SELECT count(*) FROM reports WHERE report_id = ?').pluck().get(more[0]!.reportId)).toBe(1);
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
  });

  it('an overview read between two batches settles the deferral and is exact; the import goes on under a new one', async () => {
    const api = await openApiHarness({ records: [filedRecord({ receivedAt: '2026-02-27T10:00:00Z', suspect: { bankAccounts: [IBANS.muleA] } })] });
    const { sqlite } = api.store;
    const supervisor = api.as(SUPERVISOR);
    const reports = manyReports(60);
    const filedOpen = () => sqlite.prepare("SELECT count(*) FROM reports WHERE status = 'filed' AND work_status <> 'closed'").pluck().get();
    const reads: Array<{ open: number; expected: unknown }> = [];
    const held: number[][] = [];
    await importPausing(api.writer, [...reports, ...laterRevisions(reports)], {
      [40]: async () => {
        held.push(deferrals(sqlite));
        const overview = await supervisor.value('overview.get', { asOf: '2026-12-31' });
        reads.push({ open: overview.backlog.open, expected: filedOpen() });
        expect(deferrals(sqlite)).toEqual([]);
        exact(sqlite);
      },
      [reports.length + 2]: () => {
        held.push(deferrals(sqlite));
      },
    });
    expect(held.map((rows) => rows.length)).toEqual([1, 1]);
    // The second deferral begins where the settled one's reports ended.
    expect(held[1]![0]).toBeGreaterThan(held[0]![0]!);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.open).toBe(reads[0]!.expected);
    expect(reads[0]!.open).toBeGreaterThan(5);
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
    expect((await supervisor.value('overview.get', { asOf: '2026-12-31' })).backlog.open).toBe(filedOpen());
  });

  it('changes by officers between batches — to reports of the import and from before it — are counted once', async () => {
    const older = filedRecord({ receivedAt: '2026-02-27T10:00:00Z', suspect: { bankAccounts: [IBANS.muleA] } });
    const api = await openApiHarness({ records: [older] });
    const { sqlite } = api.store;
    const supervisor = api.as(SUPERVISOR);
    const reports = manyReports(60);
    await importPausing(api.writer, [...reports, ...laterRevisions(reports)], {
      [40]: async () => {
        expect(deferrals(sqlite)).toHaveLength(1);
        // Reports of the import's first batches (above the deferral's mark) and the one from before it.
        const ofImport = [reports[0]!.reportId, reports[5]!.reportId];
        expect(sqlite.prepare('SELECT count(*) FROM reports WHERE report_id IN (?, ?) AND id > ?').pluck().get(...ofImport, deferrals(sqlite)[0]!)).toBe(2);
        await supervisor.value('report.reroute', { reportIds: [...ofImport, older.reportId], team: TEAMS[0], priority: 'normal', assignee: null, reason: 'Test' });
        await supervisor.value('report.setWorkStatus', { reportIds: [reports[5]!.reportId, older.reportId], status: 'closed' });
      },
    });
    expect(deferrals(sqlite)).toEqual([]);
    expect(sqlite.prepare("SELECT count(*) FROM reports WHERE route_team = ? AND work_status = 'closed'").pluck().get(TEAMS[0])).toBe(2);
    exact(sqlite);
  });

  it('a crash between batches leaves the deferral in the store; its next opening settles it', async () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    await temp.importRecords([filedRecord({ receivedAt: '2026-02-27T10:00:00Z', suspect: { bankAccounts: [IBANS.muleA] } })]);
    const reports = manyReports(12);
    // Two of the import's batches committed, the second revising the first's reports; then the process dies.
    temp.writer.applyBatch(reports.slice(0, 8).map(input));
    temp.writer.applyBatch([...reports.slice(8), ...laterRevisions(reports)].map(input));
    expect(deferrals(sqlite)).toHaveLength(1);
    temp.store.close();

    // The store as the crash left it: the counts lack the import's reports.
    const asLeft = openStore({ path: temp.path });
    expect(deferrals(asLeft.sqlite)).toHaveLength(1);
    expect(kept(asLeft.sqlite)).not.toEqual(fromScratch(asLeft.sqlite));
    expect(keptGroups(asLeft.sqlite)).not.toEqual(groupsFromScratch(asLeft.sqlite));
    asLeft.close();

    expectSettledAtOpening(temp.path);
  });

  it('refuses a second deferral; a report applied alone (sync) while an import holds one adds none and is counted at its settling', () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    const reports = manyReports(6);
    temp.writer.applyBatch(reports.slice(0, 4).map(input));
    const [mark] = deferrals(sqlite);
    expect(mark).toBe(0);
    // Planted by hand, at another mark: its settling would count the reports above both twice.
    expect(() => sqlite.prepare('INSERT INTO kept_counts_deferral (after_id) VALUES (?)').run(maxReportId(sqlite))).toThrow(/UNIQUE/);
    // The feed's path: one record at a time in the caller's transaction, by a writer of its own (the core's sync, beside a CLI import).
    const sync = createReportWriter(temp.store, { clock: fixedClock(TEST_CLOCK_START), actor: IMPORT_ACTOR });
    sqlite.transaction(() => reports.slice(4).forEach((record) => sync.apply(input(record))))();
    expect(deferrals(sqlite)).toEqual([mark]);
    temp.writer.settleKeptCounts();
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
    // The honest twin: with none held, the one-record path makes its own and settles it at once.
    sqlite.transaction(() => sync.apply(input(filedRecord({ receivedAt: '2026-03-30T10:00:00Z', suspect: { bankAccounts: [IBANS.muleC] } }))))();
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
  });

  it('`overview --rebuild` while a deferral is held settles it inside its recount, so the import’s end counts nothing twice', () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    const reports = manyReports(10);
    temp.writer.applyBatch(reports.map((record) => ({ record, raw: JSON.stringify(record) })));
    expect(deferrals(sqlite)).toHaveLength(1);
    rebuildKeptCounts(sqlite);
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
    temp.writer.settleKeptCounts();
    exact(sqlite);
  });

  it('settles every N records during the import, so no settle groups more than N reports and a batch; exact at its end', async () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    const settles = recordSettles(sqlite);
    const reports = manyReports(24);
    // Revisions of the first chunk's reports arrive after it was settled: the triggers count them.
    const records = [...reports, ...laterRevisions(reports)];
    await importNdjson(Readable.from(records.map((record) => Buffer.from(JSON.stringify(record) + '\n'))), temp.writer, { batchSize: 4, keptCountsSettleEvery: 8 });
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
    const seen = settles();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const { afterId, lastId } of seen) expect(lastId - afterId).toBeLessThanOrEqual(8 + 4);
  });

  it('the honest twin: with the default every, a small import is settled once, at its end, over all its reports', async () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    const settles = recordSettles(sqlite);
    const reports = manyReports(24);
    await importNdjson(Readable.from([...reports, ...laterRevisions(reports)].map((record) => Buffer.from(JSON.stringify(record) + '\n'))), temp.writer, { batchSize: 4 });
    expect(settles()).toEqual([{ afterId: 0, lastId: 24 }]);
    exact(sqlite);
  });

  it('once the file is read, settles what it deferred before applying the last batches, so the settle after them counts only theirs; exact', async () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    const settles = recordSettles(sqlite);
    const reports = manyReports(24);
    // 28 records in batches of 4: no chunk of 40 fills, and the revisions in the last batches meet settled reports.
    const records = [...reports, ...laterRevisions(reports)];
    await importNdjson(Readable.from(records.map((record) => Buffer.from(JSON.stringify(record) + '\n'))), temp.writer, { batchSize: 4, keptCountsSettleEvery: 40 });
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
    const [early, last, ...more] = settles();
    expect(more).toEqual([]);
    expect(early?.afterId).toBe(0);
    expect(early!.lastId).toBeGreaterThanOrEqual(10);
    expect(last?.afterId).toBe(early!.lastId);
    expect(last!.lastId - last!.afterId).toBeLessThanOrEqual(2 * 4);
  });

  describe('while the writer waits for a batch still being prepared', () => {
    /** A preparer that takes 50 ms a batch, one after another: the writer, done with the batch before, waits. */
    const slowPreparer = (): LinePreparer => {
      let previous = Promise.resolve();
      return {
        ...inThreadPreparer,
        prepare: (lines) => {
          previous = previous.then(() => new Promise((resolve) => setTimeout(resolve, 50)));
          return previous.then(() => inThreadPreparer.prepare(lines));
        },
      };
    };
    // 44 records in batches of 4, ten batches a transaction; revisions of the first reports come last, after they were counted.
    const records = () => {
      const reports = manyReports(40);
      return [...reports, ...laterRevisions(reports)];
    };
    // A settle bound of 16 reports: more than the 8 left deferred and a batch, fewer than the import's 40.
    const importWith = (writer: ReportWriter, preparer: LinePreparer) =>
      importNdjson(Readable.from(records().map((record) => Buffer.from(JSON.stringify(record) + '\n'))), writer, {
        batchSize: 4,
        recordsPerTransaction: 40,
        preparer,
        keptCountsWhileWaiting: { step: 2, leftDeferred: 8 },
        keptCountsSettleEvery: 16,
      });

    it('counts the deferred reports oldest first, never the newest few, so no settle is owed before its end, which counts only the rest; exact', async () => {
      const temp = openTempStore();
      const { sqlite } = temp.store;
      const settles = recordSettles(sqlite);
      await importWith(temp.writer, slowPreparer());
      expect(deferrals(sqlite)).toEqual([]);
      exact(sqlite);
      // Only once the file is read (before its last two batches) and at its end, each under the bound of 16.
      const seen = settles();
      expect(seen.length).toBeLessThanOrEqual(2);
      expect(seen[0]!.afterId).toBeGreaterThan(0);
      for (const { afterId, lastId } of seen) expect(lastId - afterId).toBeLessThan(16);
      expect(seen.at(-1)!.lastId).toBe(40);
    });

    it('the honest twin: a preparer that is always ahead leaves the writer no wait, so it settles each time 16 reports are owed', async () => {
      const temp = openTempStore();
      const { sqlite } = temp.store;
      const settles = recordSettles(sqlite);
      await importWith(temp.writer, inThreadPreparer);
      const seen = settles();
      expect(seen[0]).toEqual({ afterId: 0, lastId: 16 });
      for (const [index, { afterId }] of seen.entries()) expect(afterId).toBe(index === 0 ? 0 : seen[index - 1]!.lastId);
      expect(seen.at(-1)!.lastId).toBe(40);
      exact(sqlite);
    });

    it('a crash after some were counted leaves the rest deferred, and the counted ones kept; the next opening settles the rest, exactly', () => {
      const temp = openTempStore();
      const { sqlite } = temp.store;
      const reports = manyReports(16);
      temp.writer.applyBatch(reports.slice(0, 8).map(input), true);
      expect(temp.writer.countDeferredSlice(6, 0)).toBe(true);
      temp.writer.commitHeld();
      // Outside the held transaction it counts nothing: its counts would need a commit of their own.
      expect(temp.writer.countDeferredSlice(6, 0)).toBe(false);
      temp.writer.applyBatch([...reports.slice(8), ...laterRevisions(reports)].map(input));
      expect(deferrals(sqlite)).toEqual([6]);
      temp.store.close();

      const asLeft = openStore({ path: temp.path });
      // The six under the mark are counted (the withdrawn one, the third, no longer); the ten above it not yet.
      const counted = asLeft.sqlite.prepare<[], number>('SELECT total(reports) FROM report_day_counts').pluck().get();
      expect(counted).toBe(5);
      expect(kept(asLeft.sqlite)).not.toEqual(fromScratch(asLeft.sqlite));
      asLeft.close();
      expectSettledAtOpening(temp.path);
    });
  });

  it('a crash between settled chunks leaves only the last chunk deferred; the next opening settles it, exactly', () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    const reports = manyReports(16);
    temp.writer.applyBatch(reports.slice(0, 8).map(input));
    temp.writer.settleKeptCounts();
    temp.writer.applyBatch([...reports.slice(8), ...laterRevisions(reports)].map(input));
    expect(deferrals(sqlite)).toEqual([8]);
    temp.store.close();

    const asLeft = openStore({ path: temp.path });
    expect(kept(asLeft.sqlite)).not.toEqual(fromScratch(asLeft.sqlite));
    asLeft.close();
    expectSettledAtOpening(temp.path);
  });

  describe("an import that fails while another process holds the writer's lock", () => {
    /** An import whose fourth batch fails (the disk), after three were written; `lockFirst` has another process take the writer's lock just before. */
    async function failingImport(lockFirst: boolean) {
      const temp = openTempStore();
      const { sqlite } = temp.store;
      sqlite.pragma('busy_timeout = 0');
      const lines: Array<{ event: string; fields?: LogFields }> = [];
      const logger: Logger = { info: () => undefined, warn: () => undefined, error: (event, fields) => lines.push({ event, fields }) };
      const real = createReportWriter(temp.store, { clock: fixedClock(TEST_CLOCK_START), actor: IMPORT_ACTOR, logger });
      const other = new Database(temp.path);
      let batches = 0;
      const writer: ReportWriter = {
        ...real,
        applyBatch: (inputs) => {
          batches += 1;
          if (batches < 4) return real.applyBatch(inputs);
          if (lockFirst) other.exec('BEGIN IMMEDIATE');
          throw new Error('the disk could not be read');
        },
      };
      const outcome = await importPausing(writer, manyReports(20), {}).catch((error: unknown) => error);
      if (lockFirst) other.exec('ROLLBACK');
      other.close();
      return { temp, sqlite, outcome, lines };
    }

    it("answers with the import's own error, not the settle's; the settle's failure is logged and the next read counts the reports", async () => {
      const { sqlite, outcome, lines } = await failingImport(true);
      expect(outcome).toBeInstanceOf(Error);
      expect((outcome as Error).message).toBe('the disk could not be read');
      expect(lines.map(({ event }) => event)).toEqual(['import.kept_counts_unsettled']);
      expect(typeof lines[0]?.fields?.error).toBe('string');
      expect(deferrals(sqlite)).toHaveLength(1);
      expect(kept(sqlite)).not.toEqual(fromScratch(sqlite));
      settleKeptCountsDeferral(sqlite);
      exact(sqlite);
    });

    it('the honest twin: with no other writer, the same failure settles what was written and logs nothing', async () => {
      const { sqlite, outcome, lines } = await failingImport(false);
      expect((outcome as Error).message).toBe('the disk could not be read');
      expect(lines).toEqual([]);
      expect(deferrals(sqlite)).toEqual([]);
      expect(maxReportId(sqlite)).toBeGreaterThan(0);
      exact(sqlite);
    });
  });

  it("an overview read while another process's import holds the writer's lock answers at once, flagged as being counted, and keeps nothing of it", () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    sqlite.pragma('busy_timeout = 300');
    const reports = manyReports(12);
    temp.writer.applyBatch(reports.map(input));
    const other = new Database(temp.path);
    other.exec('BEGIN IMMEDIATE');
    const read = { asOf: '2026-03-31', team: null };
    const pending = (() => {
      try {
        return cachedOverview(sqlite, read);
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
    })();
    expect(pending.keptCountsPending).toBe(true);
    expect(deferrals(sqlite)).toHaveLength(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(300);
    // The honest twin: with the lock free, the same read settles and is exact (the pending one was not kept).
    const settled = cachedOverview(sqlite, read);
    expect(settled.keptCountsPending).toBeUndefined();
    expect(deferrals(sqlite)).toEqual([]);
    exact(sqlite);
    expect(settled.weekly).not.toEqual(pending.weekly);
  });
});
