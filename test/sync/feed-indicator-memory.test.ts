/**
 * The feed's writer remembers indicator rows from one slice to the next once the slice committed, as the import does
 * from one batch to the next (src-main/ingest/report-writer.ts, transactionEnded): a first sync's repeated accounts
 * and numbers are looked up once, not once per slice. Never a row that is gone: a slice rolled back, or a purge
 * between slices (on this connection or another), and the next slice looks the row up again.
 */
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createReportRowPurger } from '../../src-main/ingest/report-purge';
import { feedWorkstation } from '../support/feed-workstation';
import { filedRecord, IBANS } from '../support/records';

/**
 * How often the writer went to the store for an indicator row: its insert-if-new and its lookup, the real
 * statements, counted (the writer inserts first and looks up only when the row was there).
 */
const lookups = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src-main/db/reports/writes', async (load) => {
  const actual = await load<typeof import('../../src-main/db/reports/writes')>();
  return {
    ...actual,
    prepareReportWriting: (sqlite: Database.Database) => {
      const writing = actual.prepareReportWriting(sqlite);
      const { findIndicator, insertIndicatorIfNew } = writing;
      const countedFind = Object.create(findIndicator) as typeof findIndicator;
      countedFind.get = (...args: Parameters<typeof findIndicator.get>) => {
        lookups.count += 1;
        return findIndicator.get(...args);
      };
      const countedInsert = Object.create(insertIndicatorIfNew) as typeof insertIndicatorIfNew;
      countedInsert.run = (...args: Parameters<typeof insertIndicatorIfNew.run>) => {
        lookups.count += 1;
        return insertIndicatorIfNew.run(...args);
      };
      return { ...writing, findIndicator: countedFind, insertIndicatorIfNew: countedInsert };
    },
  };
});

function workstation() {
  const station = feedWorkstation();
  /** The account's indicator rows, with how many reports mention each. */
  const muleRows = () =>
    station.store.sqlite
      .prepare("SELECT i.id, (SELECT count(*) FROM mentions m WHERE m.indicator_id = i.id) AS reports FROM indicators i WHERE i.type = 'iban' AND i.value = ?")
      .all(IBANS.muleA) as Array<{ id: number; reports: number }>;
  return { ...station, muleRows };
}

const withMule = () => filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });

/** Retention's way of removing a report: its rows, and the indicators only it held. */
function purge(sqlite: Database.Database, reportId: string): void {
  const id = sqlite.prepare<[string], number>('SELECT id FROM reports WHERE report_id = ?').pluck().get(reportId)!;
  const purger = createReportRowPurger(sqlite);
  sqlite.transaction(() => purger.purge(id))();
}

describe('indicator rows the feed remembers between slices', () => {
  it('are looked up once for a page of many slices that repeat an account, and link them all', async () => {
    const { store, apply, muleRows, clusterOf } = workstation();
    const records = Array.from({ length: 6 }, withMule);
    lookups.count = 0;
    expect((await apply(records)).reports).toBe(6);
    // The first slice writes the row; the five slices after remember it (11 visits before: each slice's insert found
    // the row taken and looked it up).
    expect(lookups.count).toBe(1);
    expect(muleRows()).toEqual([{ id: expect.any(Number) as number, reports: 6 }]);
    expect(new Set(records.map(clusterOf)).size).toBe(1);
    expect(clusterOf(records[0]!)).not.toBeNull();
    store.close();
  });

  it('are looked up again after a purge between pages on the same connection, and the next report gets a row of its own', async () => {
    const { store, apply, muleRows } = workstation();
    const first = withMule();
    await apply([first]);
    purge(store.sqlite, first.reportId);
    expect(muleRows()).toEqual([]);
    lookups.count = 0;
    // A remembered id of the purged row would fail the mention's foreign key, or name another indicator.
    expect((await apply([withMule()])).reports).toBe(1);
    expect(lookups.count).toBe(1);
    expect(muleRows()).toEqual([{ id: expect.any(Number) as number, reports: 1 }]);
    store.close();
  });

  it('are looked up again after another connection purged between pages', async () => {
    const { store, path, apply, muleRows } = workstation();
    const first = withMule();
    await apply([first]);
    const other = new Database(path);
    try {
      other.pragma('foreign_keys = ON');
      purge(other, first.reportId);
    } finally {
      other.close();
    }
    expect(muleRows()).toEqual([]);
    lookups.count = 0;
    expect((await apply([withMule()])).reports).toBe(1);
    expect(lookups.count).toBe(1);
    expect(muleRows()).toEqual([{ id: expect.any(Number) as number, reports: 1 }]);
    store.close();
  });

  it('are forgotten when the slice that wrote them rolled back after its reports', async () => {
    const { store, apply, muleRows } = workstation();
    // The slice's cursor write fails after its report was written: the whole slice rolls back, the row with it.
    for (const event of ['INSERT', 'UPDATE']) {
      store.sqlite.exec(`CREATE TEMP TRIGGER cursor_fails_${event} BEFORE ${event} ON store_meta WHEN NEW.key = 'sync.cursor' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    }
    await expect(apply([withMule()])).rejects.toThrow('disk full');
    expect(muleRows()).toEqual([]);
    store.sqlite.exec('DROP TRIGGER temp.cursor_fails_INSERT; DROP TRIGGER temp.cursor_fails_UPDATE');
    lookups.count = 0;
    expect((await apply([withMule()])).reports).toBe(1);
    expect(lookups.count).toBe(1);
    expect(muleRows()).toEqual([{ id: expect.any(Number) as number, reports: 1 }]);
    store.close();
  });
});
