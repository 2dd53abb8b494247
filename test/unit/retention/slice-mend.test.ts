import type Database from 'better-sqlite3';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { describe, expect, it } from 'vitest';
import { generateReports } from '../../../src-generator';
import { rebuildClusters } from '../../../src-main/linking/rebuild-clusters';
import { createCase } from '../../../src-main/mutations/services/case-services';
import { rebuildKeptCounts } from '../../../src-main/overview/kept-counts';
import { runRetention } from '../../../src-main/retention/retention-run';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { serviceDeps } from '../../sync/support/mutation-fixtures';

const KEPT_TABLES = ['report_day_counts', 'indicator_day_counts', 'shape_day_counts', 'cluster_day_counts', 'summary_day_counts'];

/** The run's day: a year after the older half of the reports, before the younger half's. */
const AS_OF = '2027-06-01';

/**
 * Generated reports in two halves (the same campaigns, so their mule accounts, phones and sites link old reports with
 * young ones), and four bridges: an old report whose two phones join two young pairs into one cluster.
 */
function recordsWithBridges(): IntakeRecord[] {
  const old = [...generateReports(200, { seed: 15 })];
  const young = [...generateReports(200, { seed: 15, startId: 500_000, startAt: new Date('2026-09-01T08:00:00Z') })];
  const bridges = [0, 1, 2, 3].flatMap((bridge) => {
    const [left, right] = [`06-2200${bridge}001`, `06-2200${bridge}002`];
    const pairedWith = (phone: string) => filedRecord({ receivedAt: '2026-09-02T10:00:00Z', suspect: { phoneNumbers: [phone] } });
    const bridging = filedRecord({ receivedAt: '2026-01-03T10:00:00Z', suspect: { phoneNumbers: [left, right] } });
    return [pairedWith(left), pairedWith(left), bridging, pairedWith(right), pairedWith(right)];
  });
  return [...old, ...young, ...bridges];
}

/** A store of these records, three of the oldest in an open case. */
async function storeOf(records: IntakeRecord[]) {
  const temp = openTempStore();
  await temp.importRecords(records);
  const oldest = temp.store.sqlite.prepare<[], string>("SELECT report_id FROM reports WHERE status = 'filed' ORDER BY received_at LIMIT 3").pluck().all();
  createCase(temp.store, serviceDeps(), { officer: 'agent.jansen', title: 'Oudste drie', reportIds: oldest });
  return temp;
}

/** Each cluster as the sorted report ids of its members (cluster ids themselves may differ between equal stores). */
function clusterMembers(sqlite: Database.Database): string[][] {
  const rows = sqlite.prepare<[], { clusterId: number; reportId: string }>('SELECT cluster_id AS clusterId, report_id AS reportId FROM reports WHERE cluster_id IS NOT NULL ORDER BY report_id').all();
  const byCluster = new Map<number, string[]>();
  for (const row of rows) byCluster.set(row.clusterId, [...(byCluster.get(row.clusterId) ?? []), row.reportId]);
  return [...byCluster.values()].sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function clusterSizesRight(sqlite: Database.Database): boolean {
  const wrong = sqlite.prepare('SELECT count(*) FROM clusters c WHERE c.size < 2 OR c.size <> (SELECT count(*) FROM reports r WHERE r.cluster_id = c.id)').pluck().get();
  const orphans = sqlite.prepare('SELECT count(*) FROM reports WHERE cluster_id IS NOT NULL AND cluster_id NOT IN (SELECT id FROM clusters)').pluck().get();
  return wrong === 0 && orphans === 0;
}

/** The overview's kept counts, with each cluster named by its first member so that stores with other ids compare. */
function keptCounts(sqlite: Database.Database) {
  const firstMember = new Map(sqlite.prepare<[], [number, string]>('SELECT cluster_id, min(report_id) FROM reports WHERE cluster_id IS NOT NULL GROUP BY cluster_id').raw().all());
  return Object.fromEntries(
    KEPT_TABLES.map((table) => {
      const rows = sqlite.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>;
      const named = rows.map((row) => JSON.stringify('cluster_id' in row ? { ...row, cluster_id: firstMember.get(row.cluster_id as number) ?? `gone:${String(row.cluster_id)}` } : row));
      return [table, named.sort()];
    }),
  );
}

function observable(sqlite: Database.Database) {
  return {
    clusters: clusterMembers(sqlite),
    reports: sqlite.prepare('SELECT report_id FROM reports ORDER BY report_id').pluck().all(),
    indicators: sqlite.prepare('SELECT type, value, benign_reason FROM indicators ORDER BY type, value').raw().all(),
    mentions: sqlite.prepare('SELECT r.report_id, i.type, i.value, m.field FROM mentions m JOIN reports r ON r.id = m.report_id JOIN indicators i ON i.id = m.indicator_id ORDER BY 1, 2, 3, 4').raw().all(),
    kept: keptCounts(sqlite),
  };
}

/** Whether a full rebuild finds the clusters right: it writes nothing then. */
function rebuildChangesNothing(sqlite: Database.Database): boolean {
  const before = sqlite.prepare('SELECT total_changes()').pluck().get();
  rebuildClusters(sqlite);
  return sqlite.prepare('SELECT total_changes()').pluck().get() === before;
}

describe('retention mends each cluster once per slice', () => {
  it('leaves the same clusters, counts and indicators as purging report by report, and clusters a full rebuild finds right', async () => {
    const records = recordsWithBridges();
    const perReport = await storeOf(records);
    const sliced = await storeOf(records);
    const before = clusterMembers(sliced.store.sqlite);
    const run = { asOf: AS_OF, at: `${AS_OF}T03:00:00Z`, actor: 'system:retention' } as const;

    const oneByOne = runRetention(perReport.store.sqlite, { ...run, sliceSize: 1 });
    // Slices of 40: several reports of one cluster, and several clusters, mended at each slice's end.
    const bySlice = runRetention(sliced.store.sqlite, { ...run, sliceSize: 40 });

    expect(bySlice).toEqual(oneByOne);
    expect(bySlice.purged).toBeGreaterThan(100);
    expect(bySlice.held).toEqual({ openCase: 3 });
    const after = observable(sliced.store.sqlite);
    expect(after).toEqual(observable(perReport.store.sqlite));

    // The run did split clusters: two survivors together before are apart after (at least the bridged pairs).
    const clusterAfter = new Map(after.clusters.flatMap((members, index) => members.map((reportId) => [reportId, index] as const)));
    const survivors = new Set(after.reports as string[]);
    const splitApart = before.some((members) => {
      const left = members.filter((reportId) => survivors.has(reportId));
      return left.some((reportId) => clusterAfter.get(reportId) !== clusterAfter.get(left[0]!));
    });
    expect(splitApart).toBe(true);

    for (const { store } of [sliced, perReport]) {
      expect(clusterSizesRight(store.sqlite)).toBe(true);
      expect(rebuildChangesNothing(store.sqlite)).toBe(true);
      // The text index lost each purged report once, in the slice's one delete of the report rows.
      expect(() => store.sqlite.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
      // The overview's kept counts equal a fresh count.
      const kept = keptCounts(store.sqlite);
      rebuildKeptCounts(store.sqlite);
      expect(keptCounts(store.sqlite)).toEqual(kept);
    }
  });
});
