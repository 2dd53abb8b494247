import { DisjointSet } from './disjoint-set';

/** One cluster's links as they are now: reports and the non-benign indicators they share. */
export interface ClusterGraph {
  indicatorsOf(reportId: number): readonly number[];
  /** The cluster's reports that mention the indicator. */
  holdersOf(indicatorId: number): readonly number[];
}

/** An end of a removed link: a report, or an indicator (whose holders all hang together through it). */
export interface Seed {
  reports: readonly number[];
  indicators: readonly number[];
}

interface Search {
  /** Every report the search has reached; the first `explored` of them it has also looked beyond. */
  reports: number[];
  explored: number;
  done: boolean;
}

/**
 * After links inside one connected cluster were removed: the parts that no longer hang together with the rest,
 * each as its reports. Every part holds a seed, so a search runs from each seed, side by side, always the one
 * that has reached least; searches that meet merge, and one that runs out has found a whole part. The last search
 * left is the rest of the cluster and is never explored, so a piece breaking off a large cluster costs only the
 * piece, and a cluster that stays whole costs only the way its seeds meet.
 */
export function brokenOffParts(graph: ClusterGraph, seeds: readonly Seed[]): number[][] {
  const joined = new DisjointSet(seeds.length);
  const searches: Search[] = seeds.map(() => ({ reports: [], explored: 0, done: false }));
  const reportOwner = new Map<number, number>();
  const indicatorOwner = new Map<number, number>();
  const parts: number[][] = [];
  let running = seeds.length;

  function merge(a: number, b: number): number {
    const rootA = joined.find(a);
    const rootB = joined.find(b);
    if (rootA === rootB) return rootA;
    joined.union(rootA, rootB);
    const root = joined.find(rootA);
    const kept = searches[root]!;
    const gone = searches[root === rootA ? rootB : rootA]!;
    // Explored reports first, then both queues: nothing is explored twice.
    const queued = [...kept.reports.slice(kept.explored), ...gone.reports.slice(gone.explored)];
    kept.reports = [...kept.reports.slice(0, kept.explored), ...gone.reports.slice(0, gone.explored)];
    kept.explored = kept.reports.length;
    for (const reportId of queued) kept.reports.push(reportId);
    gone.reports = [];
    running -= 1;
    return root;
  }

  /** Claims a node for a search; a node another search holds already means the two have met. */
  function claim(owners: Map<number, number>, node: number, search: number): { search: number; isNew: boolean } {
    const owner = owners.get(node);
    if (owner === undefined) {
      owners.set(node, search);
      return { search, isNew: true };
    }
    return { search: merge(owner, search), isNew: false };
  }

  function visitReport(reportId: number, search: number): number {
    const claimed = claim(reportOwner, reportId, search);
    if (claimed.isNew) searches[claimed.search]!.reports.push(reportId);
    return claimed.search;
  }

  function visitIndicator(indicatorId: number, search: number): number {
    const claimed = claim(indicatorOwner, indicatorId, search);
    if (!claimed.isNew) return claimed.search;
    let current = claimed.search;
    for (const holder of graph.holdersOf(indicatorId)) current = visitReport(holder, current);
    return current;
  }

  seeds.forEach((seed, index) => {
    let search = index;
    for (const reportId of seed.reports) search = visitReport(reportId, search);
    for (const indicatorId of seed.indicators) search = visitIndicator(indicatorId, search);
  });

  while (running > 1) {
    let smallest = -1;
    searches.forEach((search, index) => {
      if (search.done || joined.find(index) !== index) return;
      if (smallest === -1 || search.reports.length < searches[smallest]!.reports.length) smallest = index;
    });
    const search = searches[smallest]!;
    if (search.explored === search.reports.length) {
      search.done = true;
      running -= 1;
      parts.push(search.reports);
      continue;
    }
    const reportId = search.reports[search.explored++]!;
    let current = smallest;
    for (const indicatorId of graph.indicatorsOf(reportId)) current = visitIndicator(indicatorId, current);
  }
  return parts;
}
