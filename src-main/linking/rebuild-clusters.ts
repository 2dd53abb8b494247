import type Database from 'better-sqlite3';
import { prepareClusterAssignment } from '../db/reports/writes';
import { DisjointSet } from './disjoint-set';
import { writeTransaction } from '../db/write-transaction';

/**
 * Recomputes every cluster from scratch (`clusters --rebuild`: to repair or check a store; tests and the bench use it
 * to verify the incremental upkeep).
 * Memory is a few typed arrays over report ids plus the ordered scan of the mentions' indicator index; no graph is held in
 * objects, and every read is of an index, never of the wide report rows. Each cluster found keeps the id most of its
 * reports hold already, so only what differs from the store is written: a rebuild of a store whose clusters are
 * right (as the incremental upkeep leaves them) writes nothing.
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

  // What the store holds now; 0 means none (cluster ids are row ids, never 0).
  const held = new Float64Array(maxId);
  const clusteredNow = sqlite.prepare<[], [number, number]>('SELECT id, cluster_id FROM reports WHERE cluster_id IS NOT NULL').raw().all();
  for (const [id, clusterId] of clusteredNow) held[id] = clusterId;

  const { names, wantedSize, clusteredReports } = nameComponents(liveIds, sets, sizes, held);

  writeTransaction(sqlite, () => {
    const existing = sqlite.prepare<[], [number, number]>('SELECT id, size FROM clusters').raw().all();
    const remove = sqlite.prepare<[number]>('DELETE FROM clusters WHERE id = ?');
    const resize = sqlite.prepare<[number, number]>('UPDATE clusters SET size = ? WHERE id = ?');
    const present = new Set<number>();
    for (const [id, size] of existing) {
      const target = wantedSize.get(id);
      if (target === undefined) remove.run(id);
      else {
        present.add(id);
        if (target !== size) resize.run(target, id);
      }
    }
    // Kept ids first, so that a new cluster's row id (one past the highest) cannot take one of them.
    const insertWithId = sqlite.prepare<[number, number]>('INSERT INTO clusters (id, size) VALUES (?, ?)');
    for (const [id, size] of wantedSize) if (!present.has(id)) insertWithId.run(id, size);
    const insertNew = sqlite.prepare<[number]>('INSERT INTO clusters (size) VALUES (?)');
    for (const [root, name] of names) {
      if (name !== 0) continue;
      const id = Number(insertNew.run(sizes[root]!).lastInsertRowid);
      names.set(root, id);
    }

    const assign = prepareClusterAssignment(sqlite).setCluster;
    for (const id of liveIds) {
      const root = sets.find(id);
      const wanted = sizes[root]! >= 2 ? names.get(root)! : 0;
      if (wanted !== held[id]) assign.run(wanted === 0 ? null : wanted, id);
      held[id] = 0;
    }
    // Whatever else still holds a cluster is not live (withdrawn): it belongs to none.
    for (const [id] of clusteredNow) if (held[id] !== 0) assign.run(null, id);
  })();
  return { clusters: names.size, clusteredReports };
}

/**
 * Names each component of two or more live reports by the cluster id most of its reports hold (ties: the lower id);
 * an id that several components claim goes to the one with most reports holding it. `names` maps a component's root
 * to its id, or to 0 when it needs a new one; `wantedSize` holds the kept ids' sizes.
 */
function nameComponents(liveIds: readonly number[], sets: DisjointSet, sizes: Int32Array, held: Float64Array) {
  const votes = new Map<number, Map<number, number>>();
  const names = new Map<number, number>();
  let clusteredReports = 0;
  for (const id of liveIds) {
    const root = sets.find(id);
    if (sizes[root]! < 2) continue;
    clusteredReports += 1;
    if (!names.has(root)) names.set(root, 0);
    const clusterId = held[id]!;
    if (clusterId === 0) continue;
    const counts = votes.get(root) ?? new Map<number, number>();
    counts.set(clusterId, (counts.get(clusterId) ?? 0) + 1);
    votes.set(root, counts);
  }
  const claims: Array<{ root: number; clusterId: number; count: number }> = [];
  for (const [root, counts] of votes) {
    let best = { clusterId: 0, count: 0 };
    for (const [clusterId, count] of counts) {
      if (count > best.count || (count === best.count && clusterId < best.clusterId)) best = { clusterId, count };
    }
    claims.push({ root, ...best });
  }
  claims.sort((a, b) => b.count - a.count || a.clusterId - b.clusterId || a.root - b.root);
  const wantedSize = new Map<number, number>();
  for (const claim of claims) {
    if (wantedSize.has(claim.clusterId)) continue;
    names.set(claim.root, claim.clusterId);
    wantedSize.set(claim.clusterId, sizes[claim.root]!);
  }
  return { names, wantedSize, clusteredReports };
}
