import type Database from 'better-sqlite3';
import { DisjointSet } from './disjoint-set';

/**
 * Recomputes every cluster from scratch (`clusters --rebuild`: to repair or check a store; tests and the bench use it
 * to verify the incremental upkeep).
 * Memory is two typed arrays over report ids plus the ordered scan; no graph is held in objects.
 */
export function rebuildClusters(sqlite: Database.Database): { clusters: number; clusteredReports: number } {
  const maxId = (sqlite.prepare('SELECT coalesce(max(id), 0) FROM reports').pluck().get() as number) + 1;
  const sets = new DisjointSet(maxId);
  let previousIndicator = -1;
  let previousReport = -1;
  const links = sqlite
    .prepare<[], [number, number]>(
      `SELECT m.indicator_id, m.report_id FROM mentions m INDEXED BY mentions_indicator
       WHERE m.benign = 0 ORDER BY m.indicator_id`,
    )
    .raw()
    .iterate();
  for (const [indicatorId, reportId] of links) {
    if (indicatorId === previousIndicator) sets.union(previousReport, reportId);
    previousIndicator = indicatorId;
    previousReport = reportId;
  }
  const sizes = new Int32Array(maxId);
  const liveIds = sqlite.prepare<[], number>("SELECT id FROM reports WHERE status = 'filed'").pluck().all();
  for (const id of liveIds) sizes[sets.find(id)]!++;

  return sqlite.transaction(() => {
    sqlite.prepare('UPDATE reports SET cluster_id = NULL WHERE cluster_id IS NOT NULL').run();
    sqlite.prepare('DELETE FROM clusters').run();
    const insertCluster = sqlite.prepare<[number, number]>('INSERT INTO clusters (id, size) VALUES (?, ?)');
    const setCluster = sqlite.prepare<[number, number]>('UPDATE reports SET cluster_id = ? WHERE id = ?');
    const created = new Uint8Array(maxId);
    let clusters = 0;
    let clusteredReports = 0;
    for (const id of liveIds) {
      const root = sets.find(id);
      const size = sizes[root]!;
      if (size < 2) continue;
      // The root's row id names the cluster; later incremental clusters get higher ids.
      if (!created[root]) {
        insertCluster.run(root, size);
        created[root] = 1;
        clusters += 1;
      }
      setCluster.run(root, id);
      clusteredReports += 1;
    }
    return { clusters, clusteredReports };
  })();
}
