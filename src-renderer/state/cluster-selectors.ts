import type { ClusterGraph } from '../../shared/api/views';
import { isIndicatorType, type IndicatorType } from '../../shared/indicators/types';

/** The cluster's reports as the graph shows them, for "create a case from this cluster". */
export const clusterCaseSource = (graph: ClusterGraph | null): { reportIds: string[]; truncated: boolean } | null =>
  graph && { reportIds: graph.nodes.filter((node) => node.kind === 'report').map((node) => node.label), truncated: graph.truncated };

export interface ClusterIndicator {
  type: IndicatorType;
  value: string;
  /** Reports of the (drawn) cluster that mention it. */
  reports: number;
}


/** The cluster's non-benign puzzle pieces a request could be about, the most shared first. */
export function clusterIndicators(graph: ClusterGraph | null): ClusterIndicator[] {
  if (!graph) return [];
  const mentions = new Map<string, number>();
  for (const edge of graph.edges) if (edge.kind === 'mention') mentions.set(edge.target, (mentions.get(edge.target) ?? 0) + 1);
  return graph.nodes
    .flatMap((node) => (node.kind === 'indicator' && !node.benign && isIndicatorType(node.group) ? [{ type: node.group, value: node.label, reports: mentions.get(node.id) ?? 0 }] : []))
    .sort((a, b) => b.reports - a.reports || a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
}
