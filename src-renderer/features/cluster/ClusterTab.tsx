import { Alert, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Section } from '../../ui/Section';
import { ClusterGraphCanvas } from './ClusterGraphCanvas';
import { RelatedList } from './RelatedList';
import { Slot } from '../../ui/slots';

function GraphLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" className="graph-legend" aria-hidden="true">
      <span className="legend-item">
        <span className="legend-swatch report" /> {t('cluster.graph.legendReport')}
      </span>
      <span className="legend-item">
        <span className="legend-swatch indicator" /> {t('cluster.graph.legendIndicator')}
      </span>
      <span className="legend-item">
        <span className="legend-line confirmed" /> {t('cluster.decision.confirmed')}
      </span>
      <span className="legend-item">
        <span className="legend-line rejected" /> {t('cluster.decision.rejected')}
      </span>
    </Group>
  );
}

/** Screen 4: the related reports (the keyboard way), the cluster graph (the overview) and follow-up actions on the cluster. */
export function ClusterTab({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const graph = useAppStore((state) => state.graph);
  const graphError = useAppStore((state) => state.graphError);
  const loadGraph = useAppStore((state) => state.loadGraph);

  useEffect(() => {
    if (report.clusterSize > 1) void loadGraph();
  }, [report.reportId, report.clusterSize, loadGraph]);

  return (
    <Stack gap="md">
      {report.clusterSize > 1 && (
        <Section title={t('cluster.graph.title')} testId="cluster-graph-section" actions={<GraphLegend />}>
          {graphError && <ErrorAlert error={graphError} onRetry={() => void loadGraph()} />}
          {graph?.truncated && (
            <Alert color="yellow" variant="light" mb="sm">
              {t('cluster.graph.truncated')}
            </Alert>
          )}
          {graph ? <ClusterGraphCanvas graph={graph} focusReportId={report.reportId} /> : !graphError && <Text size="sm">{t('common.loading')}</Text>}
          <Text size="xs" c="dimmed" mt="xs">
            {t('cluster.graph.hint')}
          </Text>
        </Section>
      )}
      {report.clusterSize > 1 && <Slot name="clusterRequests" reportId={report.reportId} />}
      <RelatedList reportId={report.reportId} />
    </Stack>
  );
}
