import TinyQueue from 'tinyqueue';
import { DisjointSet } from './disjoint-set';

/** One cluster's links as they are now: reports and the non-benign indicators they share. */
export interface ClusterGraph {
  indicatorsOf(reportId: number): readonly number[];
  /** The cluster's reports that mention the indicator. */
  holdersOf(indicatorId: number): readonly number[];
  /** How many reports mention the indicator: it only orders the work, so counting beyond the cluster does no harm. */
  holderCount(indicatorId: number): number;
}

/** An end of a removed link: a report, or an indicator (whose holders all hang together through it). */
export interface Seed {
  reports: readonly number[];
  indicators: readonly number[];
}

interface PendingIndicator {
  id: number;
  holders: number;
}

interface Search {
  /** Every report the search has reached. */
  reached: number[];
  /** Reached reports it has yet to look beyond. */
  reports: number[];
  /** Reached indicators whose holders it has yet to list. */
  indicators: PendingIndicator[];
  /** Its reports and the holders of its pending indicators: what it would hold were they listed. */
  weight: number;
  done: boolean;
}

/** A search waiting its turn, by its weight when it was queued (a search that grew since is queued again). */
interface Turn {
  search: number;
  weight: number;
}

/**
 * After links inside one connected cluster were removed: the parts that no longer hang together with the rest,
 * each as its reports. Every part holds a seed, so a search runs from each seed, side by side, always the lightest
 * (a heap: a slice of purges seeds thousands): its reports and the holders of the indicators it reached but has not
 * listed yet. An indicator's holders are listed only when its search takes its turn, so a widely shared indicator
 * (thousands of holders in the largest cluster) stays unlisted while lighter searches reach it from one of its holders
 * and merge with its search — the smaller into the larger. A search that runs out has found a whole part; the last
 * one left is the rest of the cluster and is never explored, so a piece breaking off a large cluster costs only the
 * piece, and a cluster that stays whole costs only the way its seeds meet.
 */
export function brokenOffParts(graph: ClusterGraph, seeds: readonly Seed[]): number[][] {
  const joined = new DisjointSet(seeds.length);
  const searches: Search[] = seeds.map(() => ({ reached: [], reports: [], indicators: [], weight: 0, done: false }));
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
    const [larger, smaller] = searches[rootA]!.weight >= searches[rootB]!.weight ? [searches[rootA]!, searches[rootB]!] : [searches[rootB]!, searches[rootA]!];
    for (const reportId of smaller.reached) larger.reached.push(reportId);
    for (const reportId of smaller.reports) larger.reports.push(reportId);
    for (const indicator of smaller.indicators) larger.indicators.push(indicator);
    larger.weight += smaller.weight;
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
      found.reports.push(reportId);
      found.weight += 1;
    }
    return claimed.search;
  }

  function visitIndicator(indicatorId: number, search: number): number {
    const claimed = claim(indicatorOwner, indicatorId, search);
    if (claimed.isNew) {
      const holders = graph.holderCount(indicatorId);
      const found = searches[claimed.search]!;
      found.indicators.push({ id: indicatorId, holders });
      found.weight += holders;
    }
    return claimed.search;
  }

  /** One step of a search: a report looked beyond, else an indicator's holders listed; null when it has run out. */
  function step(index: number): number | null {
    const search = searches[index]!;
    const reportId = search.reports.pop();
    if (reportId !== undefined) {
      let current = index;
      for (const indicatorId of graph.indicatorsOf(reportId)) current = visitIndicator(indicatorId, current);
      return current;
    }
    const indicator = search.indicators.pop();
    if (indicator === undefined) return null;
    search.weight -= indicator.holders;
    let current = index;
    for (const holder of graph.holdersOf(indicator.id)) current = visitReport(holder, current);
    return current;
  }

  seeds.forEach((seed, index) => {
    let search = index;
    for (const reportId of seed.reports) search = visitReport(reportId, search);
    for (const indicatorId of seed.indicators) search = visitIndicator(indicatorId, search);
  });

  const turns = new TinyQueue<Turn>(
    searches.map((search, index) => ({ search: index, weight: search.weight })).filter((turn) => joined.find(turn.search) === turn.search),
    (a, b) => a.weight - b.weight,
  );
  while (running > 1) {
    const turn = turns.pop()!;
    const index = turn.search;
    // Merged into another search since it was queued: that one has its own turn.
    if (joined.find(index) !== index) continue;
    const search = searches[index]!;
    if (search.done) continue;
    if (turn.weight !== search.weight) {
      turns.push({ search: index, weight: search.weight });
      continue;
    }
    const current = step(index);
    if (current === null) {
      search.done = true;
      running -= 1;
      // A seed no report holds any more found nothing.
      if (search.reached.length > 0) parts.push(search.reached);
      continue;
    }
    turns.push({ search: current, weight: searches[current]!.weight });
  }
  return parts;
}
