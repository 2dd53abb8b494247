import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateReports } from '../../../src-generator';
import { rebuildClusters } from '../../../src-main/linking/rebuild-clusters';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const reportId = (index: number) => `IA-2026-${String(6_000_000 + index).padStart(7, '0')}`;
const PHONES = ['06-21000001', '06-21000002', '06-21000003', '06-21000004'];

function clusterRows(sqlite: Database.Database) {
  return {
    clusters: sqlite.prepare('SELECT id, size FROM clusters ORDER BY id').raw().all(),
    reports: sqlite.prepare('SELECT id, cluster_id FROM reports ORDER BY id').raw().all(),
  };
}

describe('full cluster rebuild', () => {
  it('repairs every kind of damage to the stored clusters and writes nothing when they are right', async () => {
    const { store, importRecords } = openTempStore();
    // Chains 0–1–2 (two phones) and 3–4, a loner 5, and 6 linked to 3 but withdrawn.
    const phonesOf = [[PHONES[0]], [PHONES[0], PHONES[1]], [PHONES[1]], [PHONES[2]], [PHONES[2]], [PHONES[3]], [PHONES[2]]];
    const records = phonesOf.map((phones, index) => filedRecord({ reportId: reportId(index), suspect: { phoneNumbers: phones as string[] } }));
    await importRecords(records);
    await importRecords([withdrawal(records[6]!, records[6]!.revision + 1)]);
    const sqlite = store.sqlite;
    expect(rebuildClusters(sqlite)).toEqual({ clusters: 2, clusteredReports: 5 });
    const right = clusterRows(sqlite);

    sqlite.exec(`
      UPDATE reports SET cluster_id = 999 WHERE id = (SELECT min(id) FROM reports);
      UPDATE reports SET cluster_id = NULL WHERE id = (SELECT max(id) FROM reports WHERE cluster_id IS NOT NULL);
      UPDATE reports SET cluster_id = (SELECT min(id) FROM clusters) WHERE id = (SELECT max(id) FROM reports);
      DELETE FROM clusters WHERE id = (SELECT max(id) FROM clusters);
      UPDATE clusters SET size = 40;
      INSERT INTO clusters (id, size) VALUES (998, 3);`);
    expect(clusterRows(sqlite)).not.toEqual(right);
    expect(rebuildClusters(sqlite)).toEqual({ clusters: 2, clusteredReports: 5 });
    expect(clusterRows(sqlite)).toEqual(right);

    const changesBefore = sqlite.prepare('SELECT total_changes()').pluck().get();
    rebuildClusters(sqlite);
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
  });

  it('keeps the ids the incremental upkeep gave: right after an import it writes nothing', async () => {
    const { store, importRecords } = openTempStore();
    // Generated reports share mule accounts, phones and sites; revisions and withdrawals join and split clusters.
    await importRecords([...generateReports(600, { seed: 11 })]);
    const sqlite = store.sqlite;
    const before = clusterRows(sqlite);
    expect(before.clusters.length).toBeGreaterThan(5);
    const changesBefore = sqlite.prepare('SELECT total_changes()').pluck().get();
    const rebuilt = rebuildClusters(sqlite);
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
    expect(rebuilt.clusters).toBe(before.clusters.length);
    expect(clusterRows(sqlite)).toEqual(before);
  });

  it('gives a cluster that split into two its id for the larger part and a new id for the other', async () => {
    const { store, importRecords } = openTempStore();
    // One chain 0–1–2 (phones 0, 1) and a pair 3–4 (phone 2), joined into one cluster by hand as if report 2 held phone 2.
    const phonesOf = [[PHONES[0]], [PHONES[0], PHONES[1]], [PHONES[1]], [PHONES[2]], [PHONES[2]]];
    await importRecords(phonesOf.map((phones, index) => filedRecord({ reportId: reportId(index), suspect: { phoneNumbers: phones as string[] } })));
    const sqlite = store.sqlite;
    const [larger, smaller] = sqlite.prepare('SELECT id FROM clusters ORDER BY size DESC').pluck().all() as [number, number];
    sqlite.exec(`UPDATE reports SET cluster_id = ${larger} WHERE cluster_id = ${smaller}; DELETE FROM clusters WHERE id = ${smaller}; UPDATE clusters SET size = 5`);

    expect(rebuildClusters(sqlite)).toEqual({ clusters: 2, clusteredReports: 5 });
    const sizes = new Map(sqlite.prepare<[], [number, number]>('SELECT id, size FROM clusters').raw().all());
    expect(sizes.get(larger)).toBe(3);
    const other = [...sizes.keys()].find((id) => id !== larger)!;
    expect(other).toBeGreaterThan(larger);
    expect(sizes.get(other)).toBe(2);
    expect(sqlite.prepare('SELECT count(*) FROM reports WHERE cluster_id = ?').pluck().get(other)).toBe(2);
  });
});
