import type Database from 'better-sqlite3';
import { prepareClusterAssignment } from '../db/reports/writes';
import { brokenOffParts, type ClusterGraph, type Seed } from './broken-off-parts';
import { DisjointSet } from './disjoint-set';

/**
 * Keeps `reports.cluster_id` equal to the connected components of live reports linked by shared
 * non-benign indicators, incrementally. Invariant: all live reports that mention one non-benign
 * indicator are in one cluster; singletons have no cluster. Call inside the writer's transaction.
 */
export function createClusterMaintainer(sqlite: Database.Database) {
  const clusterOf = sqlite.prepare<[number], { cluster_id: number | null }>('SELECT cluster_id FROM reports WHERE id = ?');
  const anotherReportWith = sqlite
    .prepare<[number, number], number>('SELECT report_id FROM mentions WHERE indicator_id = ? AND benign = 0 AND report_id != ? LIMIT 1')
    .pluck();
  // The same report as anotherReportWith, with its cluster: one statement where the import ran two per indicator.
  const anotherReportWithCluster = sqlite.prepare<[number, number], { reportId: number; clusterId: number | null }>(
    `SELECT m.report_id AS reportId, r.cluster_id AS clusterId FROM mentions m JOIN reports r ON r.id = m.report_id
     WHERE m.indicator_id = ? AND m.benign = 0 AND m.report_id != ? ORDER BY m.report_id LIMIT 1`,
  );
  const sizeOf = sqlite.prepare<[number], number>('SELECT size FROM clusters WHERE id = ?').pluck();
  const createCluster = sqlite.prepare<[number]>('INSERT INTO clusters (size) VALUES (?)');
  const setSize = sqlite.prepare<[number, number]>('UPDATE clusters SET size = ? WHERE id = ?');
  const deleteCluster = sqlite.prepare<[number]>('DELETE FROM clusters WHERE id = ?');
  const { moveMembers, setCluster } = prepareClusterAssignment(sqlite);
  const membersOf = sqlite.prepare<[number], number>('SELECT id FROM reports WHERE cluster_id = ?').pluck();
  const linksInside = sqlite.prepare<[number], { report_id: number; indicator_id: number }>(
    `SELECT m.report_id, m.indicator_id FROM reports r JOIN mentions m ON m.report_id = r.id
     WHERE r.cluster_id = ? AND m.benign = 0 ORDER BY m.indicator_id`,
  );

  const linkingIndicatorsOf = sqlite
    .prepare<[number], number>('SELECT DISTINCT indicator_id FROM mentions WHERE report_id = ? AND benign = 0')
    .pluck();
  // A revised report may already share an indicator with reports of other clusters; `link` joins them afterwards.
  const holdersInCluster = sqlite
    .prepare<[number, number], number>(
      `SELECT DISTINCT m.report_id FROM mentions m JOIN reports r ON r.id = m.report_id
       WHERE m.indicator_id = ? AND m.benign = 0 AND r.cluster_id = ?`,
    )
    .pluck();

  const holderCount = sqlite.prepare<[number], number>('SELECT count(*) FROM mentions WHERE indicator_id = ? AND benign = 0').pluck();

  /**
   * The cluster each indicator's holders are in, as last read or made by joinUnwritten: a new report's shared
   * indicators are then looked up once per import, not once per report (the import's most run statement). A merge
   * leaves its moved clusters' ids pointing at the one they joined; a cluster that lost members or links (split,
   * separate, unlinked) is stale, as is every entry leading through it; a new cluster with an id seen before (SQLite
   * reuses the highest deleted one) forgets all. Only this maintainer's writes are followed: its owner calls forget
   * whenever anything else may have changed clusters (the report writer: with its remembered indicator rows).
   */
  const clusterOfIndicator = new Map<number, number>();
  const mergedInto = new Map<number, number>();
  const stale = new Set<number>();

  function knownClusterOf(indicatorId: number): number | undefined {
    let cluster = clusterOfIndicator.get(indicatorId);
    while (cluster !== undefined && !stale.has(cluster)) {
      const next = mergedInto.get(cluster);
      if (next === undefined) return cluster;
      cluster = next;
    }
    return undefined;
  }

  /**
   * While held (an import's batch, in which only this maintainer writes clusters): the clusters' sizes as read or
   * worked out, and those of them still to be written. A batch's new reports join the same few clusters over and
   * over; each one's size is then read once and written once, at writeSizes, not at every join.
   */
  let heldSizes: { sizes: Map<number, number>; unwritten: Set<number> } | null = null;

  function sizeOfCluster(clusterId: number): number {
    const held = heldSizes?.sizes.get(clusterId);
    if (held !== undefined) return held;
    const size = sizeOf.get(clusterId) ?? 0;
    heldSizes?.sizes.set(clusterId, size);
    return size;
  }

  function resize(clusterId: number, size: number): void {
    if (!heldSizes) {
      setSize.run(size, clusterId);
      return;
    }
    heldSizes.sizes.set(clusterId, size);
    heldSizes.unwritten.add(clusterId);
  }

  function removeCluster(clusterId: number): void {
    deleteCluster.run(clusterId);
    heldSizes?.sizes.delete(clusterId);
    heldSizes?.unwritten.delete(clusterId);
  }

  function forget(): void {
    clusterOfIndicator.clear();
    mergedInto.clear();
    stale.clear();
  }

  /** Indicators that still link some live report (an indicator no one mentions any more connects nothing). */
  const stillHeld = (indicatorIds: Iterable<number>) => [...indicatorIds].filter((id) => anotherReportWith.get(id, -1) !== undefined);

  function newCluster(size: number): number {
    const id = Number(createCluster.run(size).lastInsertRowid);
    heldSizes?.sizes.set(id, size);
    if (mergedInto.has(id) || stale.has(id)) forget();
    return id;
  }

  /** Adds the clusters and the lone reports that hold one of these indicators, `reportId` aside. */
  function addHolders(reportId: number, indicatorIds: Iterable<number>, clustersToJoin: Set<number>, loneReports: Set<number>): void {
    for (const indicatorId of indicatorIds) {
      // Only for a report not written yet (-1): a written one may itself be the holder remembered.
      const known = reportId === -1 ? knownClusterOf(indicatorId) : undefined;
      if (known !== undefined) {
        clustersToJoin.add(known);
        continue;
      }
      const neighbour = anotherReportWithCluster.get(indicatorId, reportId);
      if (neighbour === undefined) continue;
      if (neighbour.clusterId === null) loneReports.add(neighbour.reportId);
      else clustersToJoin.add(neighbour.clusterId);
    }
  }

  /**
   * Makes one cluster of these clusters and lone reports, and answers its id. `unwritten` reports join it too
   * (they count in its size), whose rows the caller writes with that id.
   */
  function merge(clustersToJoin: Set<number>, loneReports: Set<number>, unwritten: number): number {
    // Keep the largest cluster's id so the fewest rows move.
    let target: number | null = null;
    let largest = 0;
    for (const cluster of clustersToJoin) {
      const size = sizeOfCluster(cluster);
      if (target === null || size > largest) {
        target = cluster;
        largest = size;
      }
    }
    if (target === null) target = newCluster(0);
    let total = largest + unwritten;
    for (const cluster of clustersToJoin) {
      if (cluster === target) continue;
      total += sizeOfCluster(cluster);
      moveMembers(target, cluster);
      removeCluster(cluster);
      mergedInto.set(cluster, target);
    }
    for (const lone of loneReports) {
      setCluster.run(target, lone);
      total += 1;
    }
    resize(target, total);
    return target;
  }

  /** Joins a live report with every report that shares one of these (non-benign) indicators. */
  function link(reportId: number, indicatorIds: Iterable<number>): void {
    const clustersToJoin = new Set<number>();
    const loneReports = new Set<number>();
    const own = clusterOf.get(reportId)?.cluster_id ?? null;
    if (own === null) loneReports.add(reportId);
    else clustersToJoin.add(own);
    addHolders(reportId, indicatorIds, clustersToJoin, loneReports);
    if (clustersToJoin.size + loneReports.size <= 1) return;
    merge(clustersToJoin, loneReports, 0);
  }

  /**
   * The cluster a report about to be written joins through these (non-benign) indicators, which other reports hold
   * already: their clusters merged, their lone reports in it. Null when no other report holds one. The caller
   * writes the report's row with this id: once, instead of once and again with its cluster. `createdIds`: the
   * report's indicators no report held before, remembered as held in that cluster too.
   */
  function joinUnwritten(indicatorIds: readonly number[], createdIds: Iterable<number> = []): number | null {
    const clustersToJoin = new Set<number>();
    const loneReports = new Set<number>();
    addHolders(-1, indicatorIds, clustersToJoin, loneReports);
    if (clustersToJoin.size + loneReports.size === 0) return null;
    const target = merge(clustersToJoin, loneReports, 1);
    for (const indicatorId of indicatorIds) clusterOfIndicator.set(indicatorId, target);
    for (const indicatorId of createdIds) clusterOfIndicator.set(indicatorId, target);
    return target;
  }

  /** Recomputes one cluster after links inside it were removed; it may fall apart into several. */
  function split(clusterId: number): void {
    stale.add(clusterId);
    const members = membersOf.all(clusterId);
    const indexOf = new Map<number, number>(members.map((id, index) => [id, index]));
    const sets = new DisjointSet(members.length);
    let previous: { report_id: number; indicator_id: number } | undefined;
    for (const row of linksInside.iterate(clusterId)) {
      if (previous && previous.indicator_id === row.indicator_id) {
        sets.union(indexOf.get(previous.report_id)!, indexOf.get(row.report_id)!);
      }
      previous = row;
    }
    const components = new Map<number, number[]>();
    members.forEach((id, index) => {
      const root = sets.find(index);
      const component = components.get(root);
      if (component) component.push(id);
      else components.set(root, [id]);
    });
    const ordered = [...components.values()].sort((a, b) => b.length - a.length);
    const [largest, ...rest] = ordered;
    if (!largest || largest.length < 2) {
      for (const id of members) setCluster.run(null, id);
      removeCluster(clusterId);
      return;
    }
    resize(clusterId, largest.length);
    for (const component of rest) {
      const target = component.length >= 2 ? newCluster(component.length) : null;
      for (const id of component) setCluster.run(target, id);
    }
  }

  /**
   * Links inside one cluster were removed (`seeds` are their ends): the parts that broke off leave it as clusters
   * of their own, or as lone reports. `remaining` is the cluster's size without the reports that left it already.
   */
  function separate(clusterId: number, seeds: Seed[], remaining: number): void {
    stale.add(clusterId);
    const graph: ClusterGraph = {
      indicatorsOf: (reportId) => linkingIndicatorsOf.all(reportId),
      holdersOf: (indicatorId) => holdersInCluster.all(indicatorId, clusterId),
      holderCount: (indicatorId) => holderCount.get(indicatorId) ?? 0,
    };
    for (const part of brokenOffParts(graph, seeds)) {
      remaining -= part.length;
      const target = part.length >= 2 ? newCluster(part.length) : null;
      for (const reportId of part) setCluster.run(target, reportId);
    }
    if (remaining >= 2) {
      resize(clusterId, remaining);
      return;
    }
    for (const reportId of membersOf.all(clusterId)) setCluster.run(null, reportId);
    removeCluster(clusterId);
  }

  /** A report stopped mentioning these indicators (its mentions are already replaced). */
  function unlinked(reportId: number, lostIndicatorIds: Iterable<number>): void {
    const own = clusterOf.get(reportId)?.cluster_id ?? null;
    if (own === null) return;
    // An indicator it alone held leads nowhere now, though its cluster stays whole.
    stale.add(own);
    const lost = stillHeld(lostIndicatorIds);
    if (lost.length === 0) return;
    separate(own, [{ reports: [reportId], indicators: [] }, ...lost.map((indicatorId) => ({ reports: [], indicators: [indicatorId] }))], sizeOfCluster(own));
  }

  /**
   * Reports left this cluster (their rows are out of it, their mentions gone): the rest is mended from the
   * indicators they held that other reports still hold, so only the parts that broke off are walked, and the way
   * their seeds meet — not the whole cluster, which at 1M holds a quarter of the store.
   */
  function leftBy(clusterId: number, gone: number, formerIndicatorIds: Iterable<number>): void {
    const seeds = stillHeld(formerIndicatorIds).map((indicatorId) => ({ reports: [], indicators: [indicatorId] }));
    separate(clusterId, seeds, sizeOfCluster(clusterId) - gone);
  }

  /** Takes a report out of its cluster (withdrawn, or all its links gone; its mentions are already removed). */
  function detach(reportId: number, formerIndicatorIds: Iterable<number>): void {
    const own = clusterOf.get(reportId)?.cluster_id ?? null;
    if (own === null) return;
    setCluster.run(null, reportId);
    leftBy(own, 1, formerIndicatorIds);
  }

  return {
    link,
    joinUnwritten,
    split,
    unlinked,
    detach,
    leftBy,
    forget,
    clusterOf: (reportId: number) => clusterOf.get(reportId)?.cluster_id ?? null,
    /** From here until writeSizes or dropSizes, clusters' sizes are kept here and written once: only while nothing else writes clusters. */
    holdSizes(): void {
      heldSizes = { sizes: new Map(), unwritten: new Set() };
    },
    /** Writes the sizes held since holdSizes, and holds none any more; before the transaction commits. */
    writeSizes(): void {
      const held = heldSizes;
      heldSizes = null;
      if (held) for (const clusterId of held.unwritten) setSize.run(held.sizes.get(clusterId)!, clusterId);
    },
    /** The transaction rolls back: forgets the sizes held. */
    dropSizes(): void {
      heldSizes = null;
    },
  };
}

export type ClusterMaintainer = ReturnType<typeof createClusterMaintainer>;
