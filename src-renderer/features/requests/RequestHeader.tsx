import { Group, Paper, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../shared/api/request-views';
import { useAppStore } from '../../state/store-context';
import { RequestStateBadge, OverdueBadge } from '../../ui/badges';
import { FactList } from '../../ui/FactList';
import { formatCount, formatDateTime, formatDay } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { IndicatorLink } from '../../ui/IndicatorLink';

/** What the request is about: the indicator (every one of a batched letter), the case or the cluster it was drafted from. */
function Subject({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const openCase = useAppStore((state) => state.openCase);
  const openReport = useAppStore((state) => state.openReport);
  const caseTitle = useAppStore((state) => state.caseList?.find((item) => item.caseId === detail.caseId)?.title);
  return (
    <Group gap="sm" wrap="wrap">
      {detail.indicatorType && detail.indicatorValue && <IndicatorLink type={detail.indicatorType} value={detail.indicatorValue} />}
      {detail.batchIndicators.map((indicator) => (
        <IndicatorLink key={indicator.value} type={indicator.type} value={indicator.value} />
      ))}
      {detail.caseId && (
        <UnstyledButton className="link-button" onClick={() => openCase(detail.caseId!)}>
          {caseTitle ?? t('requests.detail.case')}
        </UnstyledButton>
      )}
      {detail.clusterReportId && (
        <UnstyledButton className="link-button" onClick={() => openReport(detail.clusterReportId!)}>
          {t('requests.detail.cluster', { id: detail.clusterReportId })}
        </UnstyledButton>
      )}
      {!detail.indicatorValue && !detail.caseId && !detail.clusterReportId && t('requests.warningSubject')}
    </Group>
  );
}

/** The request at a glance: title, type, state, addressee and the dates that matter. */
export function RequestHeader({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="sm" data-testid="action-header">
      <Group gap="sm" align="center" mb="xs">
        <Title order={2} fz="h4" data-testid="action-title-text">
          {detail.title}
        </Title>
        <RequestStateBadge state={detail.state} />
        {detail.overdue && <OverdueBadge />}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t(`requestKind.${detail.kind}`)} · {t('requests.detail.created', { at: formatDateTime(detail.createdAt) })} <OfficerName id={detail.createdBy} />
      </Text>
      <FactList
        facts={[
          { label: t('requests.detail.subject'), value: <Subject detail={detail} /> },
          { label: t('requests.detail.addressee'), value: detail.addressee?.name ?? detail.addresseeName ?? t('requests.noAddressee') },
          { label: t('requests.columns.reports'), value: formatCount(detail.reportCount) },
          { label: t('requests.stepForm.sentAt'), value: detail.sentAt ? formatDay(detail.sentAt) : null },
          { label: t('requests.stepForm.dueAt'), value: detail.dueAt ? formatDay(detail.dueAt) : null },
          { label: t('requestState.executed'), value: detail.executedAt ? formatDay(detail.executedAt) : null },
        ]}
      />
    </Paper>
  );
}
