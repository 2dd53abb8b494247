import { Alert, Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '../../../shared/api/views';
import { labelFor } from '../../i18n/label-for';
import { WorkStatusBadge } from '../../ui/badges';
import { FactList } from '../../ui/FactList';
import { formatDateTime, formatMoney } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { ScreenTitle } from '../../ui/ScreenTitle';

const badgeLabel = { label: { color: 'var(--mantine-color-dark-8)' } };

/** The report's identity and key facts at a glance. */
export function ReportHeader({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="sm" data-testid="report-header">
      <Group gap="sm" align="center" mb="xs">
        <ScreenTitle className="mono-title">{report.reportId}</ScreenTitle>
        <Badge variant="light" color="navy" styles={badgeLabel} tt="none">
          {t(`kind.${report.kind}`)}
        </Badge>
        <Badge variant="light" color="gray" styles={badgeLabel} tt="none">
          {t(`categories.${report.category}`)}
        </Badge>
        <WorkStatusBadge status={report.workStatus} />
      </Group>
      {report.summary && (
        <Text size="md" fw={500} mb="sm" data-testid="report-summary">
          {report.summary}
        </Text>
      )}
      {report.status === 'withdrawn' && (
        <Alert color="orange" variant="light" mb="sm">
          {t('report.withdrawn')}
        </Alert>
      )}
      <FactList
        columns={4}
        facts={[
          { label: t('report.facts.received'), value: formatDateTime(report.receivedAt) },
          {
            label: t('report.facts.firstReceived'),
            value: report.firstReceivedAt !== report.receivedAt ? formatDateTime(report.firstReceivedAt) : null,
          },
          { label: t('report.facts.channel'), value: labelFor(t, 'channel', report.channel) },
          { label: t('report.facts.region'), value: report.region ?? '—' },
          { label: t('report.facts.loss'), value: report.lossCents > 0 ? formatMoney(report.lossCents) : '—' },
          {
            label: t('report.facts.cluster'),
            value: report.clusterSize > 1 ? t('report.facts.clusterSize', { count: report.clusterSize }) : t('report.facts.noCluster'),
          },
          { label: t('report.facts.assignee'), value: <OfficerName id={report.assignee} /> },
          { label: t('report.facts.revision'), value: `${report.revision} · ${labelFor(t, 'reportStatus', report.status)}` },
        ]}
      />
    </Paper>
  );
}
