import TinyQueue from 'tinyqueue';
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
  /** Every report the search has reached. */
  reached: number[];
  /** The reached reports it has yet to look beyond. */
  frontier: number[];
  done: boolean;
}

/** A search waiting its turn, by its size when it was queued (a search that grew since is queued again). */
interface Turn {
  search: number;
  size: number;
}

/**
 * After links inside one connected cluster were removed: the parts that no longer hang together with the rest,
 * each as its reports. Every part holds a seed, so a search runs from each seed, side by side, always the one
 * that has reached least (a heap: a slice of purges seeds thousands); searches that meet merge, the smaller into the
 * larger, and one that runs out has found a whole part. The last search left is the rest of the cluster and is never
 * explored, so a piece breaking off a large cluster costs only the piece, and a cluster that stays whole costs only
 * the way its seeds meet.
 */
export function brokenOffParts(graph: ClusterGraph, seeds: readonly Seed[]): number[][] {
  const joined = new DisjointSet(seeds.length);
  const searches: Search[] = seeds.map(() => ({ reached: [], frontier: [], done: false }));
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
    const [larger, smaller] = searches[rootA]!.reached.length >= searches[rootB]!.reached.length ? [searches[rootA]!, searches[rootB]!] : [searches[rootB]!, searches[rootA]!];
    for (const reportId of smaller.reached) larger.reached.push(reportId);
    for (const reportId of smaller.frontier) larger.frontier.push(reportId);
    searches[root] = larger;
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
    if (claimed.isNew) {
      const found = searches[claimed.search]!;
      found.reached.push(reportId);
      found.frontier.push(reportId);
    }
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

  const turns = new TinyQueue<Turn>(
    searches.map((search, index) => ({ search: index, size: search.reached.length })).filter((turn) => joined.find(turn.search) === turn.search),
    (a, b) => a.size - b.size,
  );
  while (running > 1) {
    const turn = turns.pop()!;
    const index = turn.search;
    // Merged into another search since it was queued: that one has its own turn.
    if (joined.find(index) !== index) continue;
    const search = searches[index]!;
    if (search.done) continue;
    if (turn.size !== search.reached.length) {
      turns.push({ search: index, size: search.reached.length });
      continue;
    }
    const reportId = search.frontier.pop();
    if (reportId === undefined) {
      search.done = true;
      running -= 1;
      // A seed no report holds any more found nothing.
      if (search.reached.length > 0) parts.push(search.reached);
      continue;
    }
    let current = index;
    for (const indicatorId of graph.indicatorsOf(reportId)) current = visitIndicator(indicatorId, current);
    turns.push({ search: current, size: searches[current]!.reached.length });
  }
  return parts;
}
