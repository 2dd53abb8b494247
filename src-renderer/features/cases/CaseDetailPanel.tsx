import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { CaseStatusBadge } from '../../ui/badges';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount, formatDateTime, formatMoney } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { CaseDetailsForm } from './CaseDetailsForm';
import { CaseReports } from './CaseReports';
import { CaseWorkflow } from './CaseWorkflow';
import { Slot } from '../../ui/slots';

export function CaseDetailPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const detail = useAppStore((state) => (state.openCaseDetail?.caseId === caseId ? state.openCaseDetail : null));
  const error = useAppStore((state) => state.caseError);
  const loadCase = useAppStore((state) => state.loadCase);

  if (error) return <ErrorAlert error={error} onRetry={() => void loadCase(caseId)} />;
  if (!detail) return <Text size="sm">{t('common.loading')}</Text>;

  return (
    <Stack gap="md" data-testid="case-detail" data-case-id={caseId}>
      <Paper withBorder p="md" radius="sm">
        <Stack gap="sm">
          <Group gap="sm" align="center">
            <Title order={2} fz="h4" data-testid="case-title">
              {detail.title}
            </Title>
            <CaseStatusBadge status={detail.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('cases.detail.created', { at: formatDateTime(detail.createdAt) })} <OfficerName id={detail.createdBy} /> ·{' '}
            {t('cases.detail.totals', { count: detail.reportCount, formatted: formatCount(detail.reportCount), loss: formatMoney(detail.totalLossCents) })}
          </Text>
          <CaseWorkflow status={detail.status} closeReason={detail.closeReason} />
          <CaseDetailsForm key={`${detail.caseId}:${detail.updatedAt}`} detail={detail} />
        </Stack>
      </Paper>
      <CaseReports detail={detail} />
      <Slot name="caseRequests" caseId={caseId} indicators={detail.indicators} />
      <Slot name="notes" subjectType="case" subjectId={caseId} />
    </Stack>
  );
}
