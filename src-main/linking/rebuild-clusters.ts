import type Database from 'better-sqlite3';
import { DisjointSet } from './disjoint-set';

/**
 * Recomputes every cluster from scratch (`clusters --rebuild`: to repair or check a store; tests and the bench use it
 * to verify the incremental upkeep).
 * Memory is a few typed arrays over report ids plus the ordered scan of the linking index; no graph is held in
 * objects. Only what differs from the store is written, so a rebuild of a store that is already right writes nothing.
 */
export function rebuildClusters(sqlite: Database.Database): { clusters: number; clusteredReports: number } {
  const maxId = (sqlite.prepare('SELECT coalesce(max(id), 0) FROM reports').pluck().get() as number) + 1;
  const sets = new DisjointSet(maxId);
  let previousIndicator = -1;
  let previousReport = -1;
  const links = sqlite
    .prepare<[], [number, number]>(
      `SELECT m.indicator_id, m.report_id FROM mentions m INDEXED BY mentions_linking
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

  // The root's row id names the cluster (later incremental clusters get higher ids); 0 means none.
  const wanted = new Int32Array(maxId);
  const wantedSize = new Map<number, number>();
  let clusteredReports = 0;
  for (const id of liveIds) {
    const root = sets.find(id);
    const size = sizes[root]!;
    if (size < 2) continue;
    wanted[id] = root;
    wantedSize.set(root, size);
    clusteredReports += 1;
  }

  sqlite.transaction(() => {
    const clear = sqlite.prepare<[number]>('UPDATE reports SET cluster_id = NULL WHERE id = ?');
    const assign = sqlite.prepare<[number, number]>('UPDATE reports SET cluster_id = ? WHERE id = ?');
    const current = sqlite.prepare<[], [number, number | null]>('SELECT id, cluster_id FROM reports').raw().all();
    for (const [id, clusterId] of current) {
      const target = wanted[id]!;
      if (target === (clusterId ?? 0)) continue;
      if (target === 0) clear.run(id);
      else assign.run(target, id);
    }
    const existing = sqlite.prepare<[], [number, number]>('SELECT id, size FROM clusters').raw().all();
    const remove = sqlite.prepare<[number]>('DELETE FROM clusters WHERE id = ?');
    const resize = sqlite.prepare<[number, number]>('UPDATE clusters SET size = ? WHERE id = ?');
    const kept = new Set<number>();
    for (const [id, size] of existing) {
      const target = wantedSize.get(id);
      if (target === undefined) remove.run(id);
      else {
        kept.add(id);
        if (target !== size) resize.run(target, id);
      }
    }
    const insert = sqlite.prepare<[number, number]>('INSERT INTO clusters (id, size) VALUES (?, ?)');
    for (const [id, size] of wantedSize) if (!kept.has(id)) insert.run(id, size);
  })();
  return { clusters: wantedSize.size, clusteredReports };
}
