import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Section } from '../../ui/Section';
import { RequestContentSection } from './RequestContentSection';
import { RequestDocuments } from './RequestDocuments';
import { RequestEffect } from './RequestEffect';
import { RequestHeader } from './RequestHeader';
import { RequestLifecycle } from './RequestLifecycle';
import { BundleFacts } from './BundleFacts';
import { BundleReports } from './BundleReports';
import { NewReportsBanner } from './NewReportsBanner';
import { NextSteps } from './NextSteps';
import { ReportersWithheld } from './ReportersWithheld';
import { Slot } from '../../ui/slots';

/** One request: where it stands and what comes next, its effect, content, bundle, documents and notes. */
export function RequestDetailPanel({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const detail = useAppStore((state) => (state.openRequestDetail?.actionId === actionId ? state.openRequestDetail : null));
  const error = useAppStore((state) => state.requestError);
  const loadRequest = useAppStore((state) => state.loadRequest);
  const openReport = useAppStore((state) => state.openReport);

  if (error) return <ErrorAlert error={error} onRetry={() => void loadRequest(actionId)} />;
  if (!detail) return <Text size="sm">{t('common.loading')}</Text>;

  return (
    <Stack gap="md" data-testid="request-detail" data-action-id={actionId} data-state={detail.state}>
      <RequestHeader detail={detail} />
      <NewReportsBanner count={detail.newReportIds.length} />
      <NextSteps detail={detail} />
      {detail.effect && <RequestEffect effect={detail.effect} />}
      <RequestLifecycle detail={detail} />
      <RequestContentSection detail={detail} />
      <Section title={t('requests.bundle.title')} testId="action-bundle">
        <BundleFacts bundle={detail.bundle} />
        <BundleReports reports={detail.bundle.reports} onOpenReport={openReport} />
        {detail.reportersWithheld && <ReportersWithheld />}
      </Section>
      <RequestDocuments actionId={actionId} kind={detail.kind} />
      <Slot name="notes" subjectType="action" subjectId={actionId} />
    </Stack>
  );
}
