import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { listClusters } from '../../../src-main/linking/queries';
import { rebuildClusters } from '../../../src-main/linking/rebuild-clusters';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

/** Twelve distinct Dutch mobile numbers: enough for chains, cycles and bridges between reports. */
const PHONES = Array.from({ length: 12 }, (_, index) => `06-${String(20_000_000 + index * 7_919)}`);
const REPORTS = 10;

const phoneSet = fc.subarray(PHONES, { minLength: 0, maxLength: 3 });
const change = fc.record({
  report: fc.integer({ min: 0, max: REPORTS - 1 }),
  phones: fc.option(phoneSet, { nil: undefined }),
});

const reportId = (index: number) => `IA-2026-${String(5_000_000 + index).padStart(7, '0')}`;

function clusterSizesAreRight(sqlite: Database.Database): boolean {
  const wrong = sqlite
    .prepare('SELECT count(*) FROM clusters c WHERE c.size < 2 OR c.size != (SELECT count(*) FROM reports r WHERE r.cluster_id = c.id)')
    .pluck()
    .get();
  const orphans = sqlite.prepare('SELECT count(*) FROM reports WHERE cluster_id IS NOT NULL AND cluster_id NOT IN (SELECT id FROM clusters)').pluck().get();
  return wrong === 0 && orphans === 0;
}

describe('incremental cluster splitting', () => {
  it('after every amendment and withdrawal, equals a full rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(phoneSet, { minLength: REPORTS, maxLength: REPORTS }), fc.array(change, { minLength: 1, maxLength: 25 }), async (initial, changes) => {
        const { store, importRecords } = openTempStore();
        const latest = initial.map((phones, index) => filedRecord({ reportId: reportId(index), suspect: { phoneNumbers: phones } }));
        await importRecords(latest);
        for (const { report, phones } of changes) {
          const current = latest[report]!;
          if (current.status === 'withdrawn') continue;
          const next: IntakeRecord =
            phones === undefined
              ? withdrawal(current, current.revision + 1)
              : { ...current, revision: current.revision + 1, suspect: { phoneNumbers: phones } };
          latest[report] = next;
          await importRecords([next]);
          const incremental = listClusters(store.sqlite);
          expect(clusterSizesAreRight(store.sqlite)).toBe(true);
          rebuildClusters(store.sqlite);
          expect(incremental).toEqual(listClusters(store.sqlite));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
