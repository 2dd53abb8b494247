import { Badge, Button, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSummaryView } from '../../../shared/api/summary';
import type { QueueRow } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';
import { IndicatorTypeBadge, WorkStatusBadge } from '../../ui/badges';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EvidenceValue } from '../../ui/EvidenceValue';
import { FactList } from '../../ui/FactList';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../../ui/format';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { enrichmentText } from '../../ui/enrichment-text';
import { Slot } from '../../ui/slots';

function Distribution({ title, counts, label }: { title: string; counts: Record<string, number>; label: (key: string) => string }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <ul className="plain-list distribution">
        {entries.map(([key, count]) => (
          <li key={key}>
            <span>{label(key)}</span>
            <span className="num">{formatCount(count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReportsWithIndicator({ reports }: { reports: QueueRow[] }) {
  const { t } = useTranslation();
  const openReport = useAppStore((state) => state.openReport);
  return (
    <Table verticalSpacing={4} fz="sm" striped data-testid="indicator-reports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('queue.columns.reportId')}</Table.Th>
          <Table.Th>{t('queue.columns.received')}</Table.Th>
          <Table.Th>{t('queue.columns.category')}</Table.Th>
          <Table.Th>{t('queue.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.map((report) => (
          <Table.Tr key={report.reportId}>
            <Table.Td>
              <UnstyledButton className="link-button mono" onClick={() => openReport(report.reportId)}>
                {report.reportId}
              </UnstyledButton>
            </Table.Td>
            <Table.Td className="nowrap">{formatDateTime(report.receivedAt)}</Table.Td>
            <Table.Td>{t(`categories.${report.category}`)}</Table.Td>
            <Table.Td>
              <WorkStatusBadge status={report.workStatus} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SummaryFacts({ summary }: { summary: IndicatorSummaryView }) {
  const { t } = useTranslation();
  return (
    <FactList
      facts={[
        { label: t('indicators.columns.enrichment'), value: enrichmentText(summary.enrichment, t) },
        { label: t('indicators.columns.reports'), value: formatCount(summary.reports) },
        { label: t('indicators.columns.loss'), value: formatMoney(summary.totalLossCents) },
        { label: t('indicators.columns.firstSeen'), value: formatDate(summary.firstSeen) },
        { label: t('indicators.columns.lastSeen'), value: formatDate(summary.lastSeen) },
      ]}
    />
  );
}

/** One puzzle piece (shown in a drawer): where and how often it was seen, which reports mention it, requests about it, marking it benign. */
export function IndicatorDetail() {
  const { t } = useTranslation();
  const summary = useAppStore((state) => state.indicatorSummary);
  const reports = useAppStore((state) => state.indicatorReports);
  const error = useAppStore((state) => state.indicatorDetailError);
  const addBenign = useAppStore((state) => state.addBenign);
  const [markingBenign, setMarkingBenign] = useState(false);

  return (
    <Stack gap="sm" data-testid="indicator-detail">
      {error && <ErrorAlert error={error} />}
      {!summary && !error && <Text size="sm">{t('common.loading')}</Text>}
      {summary && (
        <>
          <Group gap="xs" wrap="nowrap">
            <IndicatorTypeBadge type={summary.type} />
            <EvidenceValue type={summary.type} value={summary.value} />
          </Group>
          {summary.benignReason ? (
            <Badge color="gray" variant="light" tt="none" styles={{ label: { color: 'var(--mantine-color-dark-8)', whiteSpace: 'normal' } }} h="auto" py={4}>
              {t('indicators.benignBecause', { reason: summary.benignReason })}
            </Badge>
          ) : (
            <Group>
              <Button size="compact-sm" variant="default" onClick={() => setMarkingBenign(true)} data-testid="mark-benign">
                {t('indicators.detail.markBenign')}
              </Button>
            </Group>
          )}
          <SummaryFacts summary={summary} />
          <Slot name="indicatorRequests" type={summary.type} value={summary.value} benign={summary.benignReason !== null} />
          <Group align="flex-start" grow>
            <Distribution title={t('indicators.detail.categories')} counts={summary.categories} label={(key) => t(`categories.${key as 'other'}`)} />
            <Distribution title={t('indicators.detail.regions')} counts={summary.regions} label={(key) => key} />
          </Group>
          <Text size="sm" fw={600}>
            {t('indicators.detail.reports')}
          </Text>
          {reports && <ReportsWithIndicator reports={reports} />}
          <ReasonDialog
            opened={markingBenign}
            title={t('indicators.detail.markBenign')}
            explanation={t('indicators.detail.markBenignExplain')}
            reasonLabel={t('common.reason')}
            confirmLabel={t('indicators.detail.markBenign')}
            onClose={() => setMarkingBenign(false)}
            onConfirm={(reason) => addBenign(summary.type, summary.value, reason)}
          />
        </>
      )}
    </Stack>
  );
}
