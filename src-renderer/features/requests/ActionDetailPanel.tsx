import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Section } from '../../ui/Section';
import { ActionContentSection } from './ActionContentSection';
import { ActionDocuments } from './ActionDocuments';
import { ActionEffect } from './ActionEffect';
import { ActionHeader } from './ActionHeader';
import { ActionLifecycle } from './ActionLifecycle';
import { BundleFacts } from './BundleFacts';
import { BundleReports } from './BundleReports';
import { NewReportsBanner } from './NewReportsBanner';
import { NextSteps } from './NextSteps';
import { ReportersWithheld } from './ReportersWithheld';
import { Slot } from '../../ui/slots';

/** One request: where it stands and what comes next, its effect, content, bundle, documents and notes. */
export function ActionDetailPanel({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const detail = useAppStore((state) => (state.openActionDetail?.actionId === actionId ? state.openActionDetail : null));
  const error = useAppStore((state) => state.actionError);
  const loadAction = useAppStore((state) => state.loadAction);
  const openReport = useAppStore((state) => state.openReport);

  if (error) return <ErrorAlert error={error} onRetry={() => void loadAction(actionId)} />;
  if (!detail) return <Text size="sm">{t('common.loading')}</Text>;

  return (
    <Stack gap="md" data-testid="action-detail" data-action-id={actionId} data-state={detail.state}>
      <ActionHeader detail={detail} />
      <NewReportsBanner count={detail.newReportIds.length} />
      <NextSteps detail={detail} />
      {detail.effect && <ActionEffect effect={detail.effect} />}
      <ActionLifecycle detail={detail} />
      <ActionContentSection detail={detail} />
      <Section title={t('actions.bundle.title')} testId="action-bundle">
        <BundleFacts bundle={detail.bundle} />
        <BundleReports reports={detail.bundle.reports} onOpenReport={openReport} />
        {detail.reportersWithheld && <ReportersWithheld />}
      </Section>
      <ActionDocuments actionId={actionId} kind={detail.kind} />
      <Slot name="notes" subjectType="action" subjectId={actionId} />
    </Stack>
  );
}
