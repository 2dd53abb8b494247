import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenOffParts, type ClusterGraph } from '../../../src-main/linking/broken-off-parts';

/** A graph from report → indicators, counting how often each report is looked beyond. */
function graphOf(links: Record<number, number[]>): ClusterGraph & { explored: number[]; listed: number[] } {
  const explored: number[] = [];
  const listed: number[] = [];
  return {
    explored,
    listed,
    indicatorsOf: (reportId) => {
      explored.push(reportId);
      return links[reportId] ?? [];
    },
    holdersOf: (indicatorId) => {
      listed.push(indicatorId);
      return holdersIn(links, indicatorId);
    },
    holderCount: (indicatorId) => holdersIn(links, indicatorId).length,
  };
}

function holdersIn(links: Record<number, number[]>, indicatorId: number): number[] {
  return Object.entries(links)
    .filter(([, indicators]) => indicators.includes(indicatorId))
    .map(([reportId]) => Number(reportId));
}

/** A chain of reports 1…n, each sharing indicator 100+i with the next. */
function chain(from: number, to: number): Record<number, number[]> {
  const links: Record<number, number[]> = {};
  for (let reportId = from; reportId <= to; reportId++) {
    links[reportId] = [100 + reportId - 1, 100 + reportId].filter((indicator) => indicator > 100 + from - 1 && indicator < 100 + to);
  }
  return links;
}

describe('the parts that break off a cluster', () => {
  it('finds the small piece without exploring the large rest', () => {
    // 1–2 hang together through 500; they lost their link to the long chain 10–200 (seeded by 101's holders).
    const graph = graphOf({ 1: [500], 2: [500], ...chain(10, 200) });
    const parts = brokenOffParts(graph, [
      { reports: [1], indicators: [] },
      { reports: [], indicators: [150] },
    ]);
    expect(parts.map((part) => [...part].sort((a, b) => a - b))).toEqual([[1, 2]]);
    expect(graph.explored.length).toBeLessThan(10);
  });

  it('finds nothing when the ends still meet, and several parts when they do not', () => {
    const ring = graphOf({ 1: [11, 12], 2: [12, 13], 3: [13, 11] });
    expect(brokenOffParts(ring, [{ reports: [1], indicators: [] }, { reports: [], indicators: [13] }])).toEqual([]);

    const three = graphOf({ 1: [11], 2: [11], 3: [12], 4: [12], 5: [13], 6: [13], 7: [13] });
    const parts = brokenOffParts(three, [11, 12, 13].map((indicator) => ({ reports: [], indicators: [indicator] })));
    expect(parts.map((part) => [...part].sort((a, b) => a - b)).sort()).toEqual([[1, 2], [3, 4]]);
  });

  it('gives a lone report as a part of one', () => {
    const graph = graphOf({ 1: [], 2: [20], 3: [20] });
    expect(brokenOffParts(graph, [{ reports: [1], indicators: [] }, { reports: [], indicators: [20] }])).toEqual([[1]]);
  });

  it('finds a cluster cut in two by exploring only the smaller half, however many seeds the cut left', () => {
    // A chain of 2,000 reports; reports 1,801–1,810 are gone, each leaving its two indicators as seeds.
    const links = chain(1, 2000);
    const gone = new Set(Array.from({ length: 10 }, (_, index) => 1801 + index));
    for (const reportId of gone) delete links[reportId];
    const graph = graphOf(links);
    const seeds = [...gone].flatMap((reportId) => [100 + reportId - 1, 100 + reportId]).map((indicator) => ({ reports: [], indicators: [indicator] }));
    const parts = brokenOffParts(graph, seeds).map((part) => [...part].sort((a, b) => a - b));
    expect(parts).toEqual([Array.from({ length: 190 }, (_, index) => 1811 + index)]);
    // Side by side, the rest's search grows as far as the half's: twice the half at most, never the 1,800 of the rest.
    expect(graph.explored.length).toBeLessThanOrEqual(2 * 190 + seeds.length);
  });

  it('never lists the holders of a widely shared indicator that the other seeds reach', () => {
    // Reports 1–1,000 share 900; a purge cut the links of 2001 and 2002 (through 901) and of 1 (through 902).
    const links: Record<number, number[]> = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [index + 1, [900]]));
    links[1] = [900, 902];
    links[2001] = [901, 903];
    links[2002] = [901];
    links[2003] = [902, 903];
    const graph = graphOf(links);
    const seeds = [900, 901, 902].map((indicator) => ({ reports: [], indicators: [indicator] }));
    expect(brokenOffParts(graph, seeds)).toEqual([]);
    expect(graph.listed).not.toContain(900);
    expect(graph.explored.length).toBeLessThan(10);
  });

  it('leaves, of the parts a removal makes, all but one, each whole (against a breadth-first search over what is left)', () => {
    const graphs = fc.record({
      links: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }), { minLength: 2, maxLength: 40 }),
      gone: fc.array(fc.nat(), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(graphs, ({ links, gone }) => {
        const all: Record<number, number[]> = Object.fromEntries(links.map((indicators, reportId) => [reportId, indicators]));
        // One connected cluster before: the component of report 0.
        const cluster = componentOf(all, 0);
        const removed = new Set(gone.map((index) => cluster[index % cluster.length]!));
        const left: Record<number, number[]> = Object.fromEntries(cluster.filter((reportId) => !removed.has(reportId)).map((reportId) => [reportId, all[reportId]!]));
        const seeds = [...removed].flatMap((reportId) => all[reportId]!).map((indicator) => ({ reports: [], indicators: [indicator] }));
        const parts = brokenOffParts(graphOf(left), seeds).map((part) => [...part].sort((a, b) => a - b));

        const components = componentsOf(left);
        expect(parts.length).toBe(Math.max(0, components.length - 1));
        const byFirst = new Map(components.map((component) => [component[0], component]));
        for (const part of parts) expect(part).toEqual(byFirst.get(part[0]));
      }),
    );
  });
});

/** The reports connected to `start`, sorted: a plain breadth-first search over shared indicators. */
function componentOf(links: Record<number, number[]>, start: number): number[] {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const reportId = queue.shift()!;
    for (const [other, indicators] of Object.entries(links)) {
      if (!seen.has(Number(other)) && indicators.some((indicator) => links[reportId]!.includes(indicator))) {
        seen.add(Number(other));
        queue.push(Number(other));
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}

function componentsOf(links: Record<number, number[]>): number[][] {
  const placed = new Set<number>();
  const components: number[][] = [];
  for (const reportId of Object.keys(links).map(Number)) {
    if (placed.has(reportId)) continue;
    const component = componentOf(links, reportId);
    for (const member of component) placed.add(member);
    components.push(component);
  }
  return components;
}
