import type { ApiErrorBody } from '../../../shared/api/result';
import type { ClusterGraph, RelatedReportView } from '../../../shared/api/views';
import type { LinkDecision } from '../../../shared/mutations/kinds';
import type { SliceCreator } from '../../state/slice';

export interface ClusterSlice {
  /** The report the related list and graph belong to. */
  clusterReportId: string | null;
  related: RelatedReportView[] | null;
  relatedError: ApiErrorBody | null;
  graph: ClusterGraph | null;
  graphError: ApiErrorBody | null;
  loadRelated: (reportId: string) => Promise<void>;
  loadGraph: () => Promise<void>;
  refreshCluster: () => Promise<void>;
  clearCluster: () => void;
  decideLink: (otherReportId: string, decision: LinkDecision, reason: string) => Promise<boolean>;
}

export const createClusterSlice: SliceCreator<ClusterSlice> = (api) => (set, get) => {
  const fetchRelated = async (reportId: string) => {
    const result = await api.call('report.related', { reportId });
    if (get().clusterReportId !== reportId) return;
    set(result.ok ? { related: result.value, relatedError: null } : { relatedError: result.error });
  };

  const fetchGraph = async (reportId: string) => {
    const result = await api.call('cluster.graph', { reportId });
    if (get().clusterReportId !== reportId) return;
    set(result.ok ? { graph: result.value, graphError: null } : { graphError: result.error });
  };

  return {
    clusterReportId: null,
    related: null,
    relatedError: null,
    graph: null,
    graphError: null,

    loadRelated: async (reportId) => {
      set({ clusterReportId: reportId, related: null, relatedError: null, graph: null, graphError: null });
      await fetchRelated(reportId);
    },

    loadGraph: async () => {
      const reportId = get().clusterReportId;
      if (reportId) await fetchGraph(reportId);
    },

    refreshCluster: async () => {
      const reportId = get().clusterReportId;
      if (!reportId) return;
      await Promise.all([fetchRelated(reportId), get().graph ? fetchGraph(reportId) : null]);
    },

    clearCluster: () => set({ clusterReportId: null, related: null, relatedError: null, graph: null, graphError: null }),

    decideLink: async (otherReportId, decision, reason) => {
      const reportId = get().clusterReportId;
      if (!reportId) return false;
      const result = await api.call('link.decide', { reportA: reportId, reportB: otherReportId, decision, reason });
      if (!result.ok) {
        get().notifyError('decisionFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: `decision.${decision}` });
      await get().refreshCluster();
      return true;
    },
  };
};
