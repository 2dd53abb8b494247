import type { ClusterGraph } from '../../../shared/api/views';

/** The cluster's reports as the graph shows them, for "create a case from this cluster". */
export const clusterCaseSource = (graph: ClusterGraph | null): { reportIds: string[]; truncated: boolean } | null =>
  graph && { reportIds: graph.nodes.filter((node) => node.kind === 'report').map((node) => node.label), truncated: graph.truncated };
