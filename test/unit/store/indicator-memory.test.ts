import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { createReportRowPurger } from '../../../src-main/ingest/report-purge';
import type { ReportInput } from '../../../src-main/ingest/report-writer';
import { listClusters } from '../../../src-main/linking/queries';
import { IBANS, filedRecord } from '../../support/records';
import { openTempStore, type TempStore } from '../../support/temp-store';

// The report writer remembers indicator rows from one batch to the next (a lookup saved per repeated indicator),
// but only while nothing else wrote the store in between: a row remembered may be purged meanwhile.

const inputOf = (record: IntakeRecord): ReportInput => ({ record, raw: JSON.stringify(record) });
const withMule = () => filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });

function muleRows(temp: TempStore): Array<{ id: number; reports: number }> {
  return temp.store.sqlite
    .prepare("SELECT i.id, (SELECT count(*) FROM mentions m WHERE m.indicator_id = i.id) AS reports FROM indicators i WHERE i.type = 'iban'")
    .all() as Array<{ id: number; reports: number }>;
}

/** Retention's way of removing a report: its rows, and the indicators only it held. */
function purge(sqlite: Database.Database, reportId: string): void {
  const id = sqlite.prepare<[string], number>('SELECT id FROM reports WHERE report_id = ?').pluck().get(reportId)!;
  const purger = createReportRowPurger(sqlite);
  sqlite.transaction(() => purger.purge(id))();
}

describe('the indicator rows the writer remembers between batches', () => {
  it('link the next batch to the rows of the one before', () => {
    const temp = openTempStore();
    const [first, second] = [withMule(), withMule()];
    temp.writer.applyBatch([inputOf(first)]);
    temp.writer.applyBatch([inputOf(second)]);
    expect(muleRows(temp)).toEqual([{ id: expect.any(Number) as number, reports: 2 }]);
    expect(listClusters(temp.store.sqlite).map((cluster) => cluster.cluster)).toEqual([[first.reportId, second.reportId].sort()]);
  });

  it('are forgotten when the store changed in between on the same connection (a purge took the row)', () => {
    const temp = openTempStore();
    const first = withMule();
    temp.writer.applyBatch([inputOf(first)]);
    purge(temp.store.sqlite, first.reportId);
    expect(muleRows(temp)).toEqual([]);
    // A remembered id of the purged row would fail the mention's foreign key, or name another indicator.
    expect(temp.writer.applyBatch([inputOf(withMule())])).toEqual(['imported']);
    expect(muleRows(temp)).toEqual([{ id: expect.any(Number) as number, reports: 1 }]);
  });

  it('are forgotten when the store changed before the writer settles its kept counts (the settle keeps only what was valid)', () => {
    const temp = openTempStore();
    const first = withMule();
    temp.writer.applyBatch([inputOf(first)]);
    purge(temp.store.sqlite, first.reportId);
    expect(temp.writer.settleKeptCounts()).toBeNull();
    expect(muleRows(temp)).toEqual([]);
    expect(temp.writer.applyBatch([inputOf(withMule())])).toEqual(['imported']);
    expect(muleRows(temp)).toEqual([{ id: expect.any(Number) as number, reports: 1 }]);
  });

  it('are forgotten when another connection changed the store in between', () => {
    const temp = openTempStore();
    const first = withMule();
    temp.writer.applyBatch([inputOf(first)]);
    const other = new Database(temp.path);
    try {
      other.pragma('foreign_keys = ON');
      purge(other, first.reportId);
    } finally {
      other.close();
    }
    expect(muleRows(temp)).toEqual([]);
    expect(temp.writer.applyBatch([inputOf(withMule())])).toEqual(['imported']);
    expect(muleRows(temp)).toEqual([{ id: expect.any(Number) as number, reports: 1 }]);
  });

  it('are forgotten when a batch fails', () => {
    const temp = openTempStore();
    const broken = { ...withMule(), reportId: undefined } as unknown as IntakeRecord;
    expect(() => temp.writer.applyBatch([inputOf(withMule()), inputOf(broken)])).toThrow();
    expect(muleRows(temp)).toEqual([]);
    expect(temp.writer.applyBatch([inputOf(withMule())])).toEqual(['imported']);
    expect(muleRows(temp)).toEqual([{ id: expect.any(Number) as number, reports: 1 }]);
  });
});
