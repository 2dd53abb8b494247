import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { listClusters, listReportIndicators } from '../../../src-main/linking/queries';
import { rebuildClusters } from '../../../src-main/linking/rebuild-clusters';
import { IBANS, filedRecord, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { storedRevisions } from '../../support/stored-revisions';

const POOL = {
  bankAccounts: [IBANS.muleA, IBANS.muleB, IBANS.muleC, IBANS.muleD],
  phoneNumbers: ['06-12345678', '+31 (0)6 2345 6789', '0031687654321', '020 22 888 00'],
  websites: ['hxxps://ing-verificatie[.]nl/login', 'https://secure.ing-verificatie.nl/x', 'https://pakket-bezorging.com/track'],
};

const suspectArbitrary = fc.record({
  bankAccounts: fc.subarray(POOL.bankAccounts, { maxLength: 2 }),
  phoneNumbers: fc.subarray(POOL.phoneNumbers, { maxLength: 2 }),
  websites: fc.subarray(POOL.websites, { maxLength: 1 }),
});

/** A report's life: revision 1, maybe an amended revision 2, maybe a withdrawal as revision 3. */
const reportHistoryArbitrary = fc.record({
  first: suspectArbitrary,
  amended: fc.option(suspectArbitrary, { nil: undefined }),
  withdrawn: fc.boolean(),
});

type ReportHistory = ReturnType<typeof reportHistoryArbitrary.generate>['value'];

function recordsOf(histories: ReportHistory[]): IntakeRecord[] {
  return histories.flatMap((history, index) => {
    const first = filedRecord({ reportId: `IA-2026-${String(index + 1).padStart(7, '0')}`, suspect: history.first });
    const records: IntakeRecord[] = [first];
    if (history.amended) records.push({ ...first, revision: 2, receivedAt: '2026-04-03T10:00:00Z', suspect: history.amended });
    if (history.withdrawn) records.push(withdrawal(first, 3));
    return records;
  });
}

function observable(sqlite: Database.Database) {
  return {
    clusters: listClusters(sqlite),
    indicators: [...listReportIndicators(sqlite)],
    reports: sqlite.prepare('SELECT report_id, revision, status, first_received_at, loss_cents FROM reports ORDER BY report_id').all(),
    revisions: storedRevisions(sqlite),
  };
}

/** Every cluster row counts its members, and no cluster is empty or a singleton. */
function expectClusterSizesRight(sqlite: Database.Database) {
  const rows = sqlite
    .prepare('SELECT c.size AS size, (SELECT count(*) FROM reports r WHERE r.cluster_id = c.id) AS members FROM clusters c')
    .all() as Array<{ size: number; members: number }>;
  for (const { size, members } of rows) {
    expect(members).toBe(size);
    expect(size).toBeGreaterThanOrEqual(2);
  }
  const orphans = sqlite.prepare('SELECT count(*) FROM reports WHERE cluster_id IS NOT NULL AND cluster_id NOT IN (SELECT id FROM clusters)').pluck().get();
  expect(orphans).toBe(0);
}

describe('import order', () => {
  it('never changes the result, and incremental clusters equal a full rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reportHistoryArbitrary, { minLength: 2, maxLength: 8 }).chain((histories) => {
          const records = recordsOf(histories);
          return fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }));
        }),
        async ([records, shuffled]) => {
          const ordered = openTempStore();
          await ordered.importRecords(records);
          const reordered = openTempStore();
          await reordered.importRecords(shuffled);
          const expected = observable(ordered.store.sqlite);
          expect(observable(reordered.store.sqlite)).toEqual(expected);
          expectClusterSizesRight(ordered.store.sqlite);
          expectClusterSizesRight(reordered.store.sqlite);
          rebuildClusters(reordered.store.sqlite);
          expect(listClusters(reordered.store.sqlite)).toEqual(expected.clusters);
          expectClusterSizesRight(reordered.store.sqlite);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('in one batch (the clusters’ sizes held until its end) gives what batches of three give', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reportHistoryArbitrary, { minLength: 2, maxLength: 8 }).chain((histories) => fc.shuffledSubarray(recordsOf(histories), { minLength: 1 })),
        async (records) => {
          const inBatches = openTempStore();
          await inBatches.importRecords(records);
          const atOnce = openTempStore();
          atOnce.writer.applyBatch(records.map((record) => ({ record, raw: JSON.stringify(record) })));
          expect(observable(atOnce.store.sqlite)).toEqual(observable(inBatches.store.sqlite));
          expectClusterSizesRight(atOnce.store.sqlite);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
