import { describe, expect, it } from 'vitest';
import { brokenOffParts, type ClusterGraph } from '../../../src-main/linking/broken-off-parts';

/** A graph from report → indicators, counting how often each report is looked beyond. */
function graphOf(links: Record<number, number[]>): ClusterGraph & { explored: number[] } {
  const explored: number[] = [];
  return {
    explored,
    indicatorsOf: (reportId) => {
      explored.push(reportId);
      return links[reportId] ?? [];
    },
    holdersOf: (indicatorId) =>
      Object.entries(links)
        .filter(([, indicators]) => indicators.includes(indicatorId))
        .map(([reportId]) => Number(reportId)),
  };
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
});
