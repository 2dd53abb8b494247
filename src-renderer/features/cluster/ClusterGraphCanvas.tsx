import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterGraph } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';
import { GRAPH_STYLE, toElements } from './graph-elements';

/**
 * Draws the cluster with cytoscape (loaded on first use, it is large). A canvas is not accessible, so it is
 * labelled as an image and the related list beside it is the keyboard way to the same reports.
 */
export function ClusterGraphCanvas({ graph, focusReportId }: { graph: ClusterGraph; focusReportId: string }) {
  const { t } = useTranslation();
  const openReport = useAppStore((state) => state.openReport);
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let core: Core | null = null;
    let cancelled = false;
    void import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (cancelled || !container.current) return;
        core = cytoscape({
          container: container.current,
          elements: toElements(graph, focusReportId),
          style: GRAPH_STYLE,
          layout: { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, padding: 24 },
          minZoom: 0.2,
          maxZoom: 3,
        });
        core.on('tap', 'node.report', (event) => {
          const reportId = (event.target as NodeSingular).data('reportId') as string | undefined;
          if (reportId && reportId !== focusReportId) openReport(reportId);
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      core?.destroy();
    };
  }, [graph, focusReportId, openReport]);

  const reports = graph.nodes.filter((node) => node.kind === 'report').length;
  return failed ? (
    <p>{t('cluster.graph.unavailable')}</p>
  ) : (
    <div
      ref={container}
      className="cluster-graph"
      role="img"
      aria-label={t('cluster.graph.label', { reports, indicators: graph.nodes.length - reports })}
      data-testid="cluster-graph"
    />
  );
}
