import { Button, Group, Loader, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { selectMayReadAudit } from '../../state/session-selectors';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BackIcon } from '../../ui/icons';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { AuditSection } from './AuditSection';
import { ReportDetailsTab } from './ReportDetailsTab';
import { ReportHeader } from './ReportHeader';
import { RevisionsSection } from './RevisionsSection';
import { WorkPanel } from './WorkPanel';
import { PurposeDialog } from '../../ui/PurposeDialog';
import { Slot } from '../../ui/slots';

/** Screen 2: one report, with its related reports and history in tabs and the work panel beside it. */
export function ReportScreen({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const report = useAppStore((state) => (state.report?.reportId === reportId ? state.report : null));
  const error = useAppStore((state) => state.reportError);
  const revisions = useAppStore((state) => state.revisions);
  const audit = useAppStore((state) => state.audit);
  const mayReadAudit = useAppStore(selectMayReadAudit);
  const relatedCount = useAppStore((state) => state.related?.length ?? null);
  const goBack = useAppStore((state) => state.goBack);
  const loadReport = useAppStore((state) => state.loadReport);
  const purposeAsked = useAppStore((state) => (state.reportPurposeAsked?.reportId === reportId ? state.reportPurposeAsked : null));
  const openReportFor = useAppStore((state) => state.openReportFor);
  useFocusOnMount(report !== null);

  return (
    <Stack gap="md" data-testid="report-detail" data-report-id={reportId}>
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<BackIcon />} onClick={goBack} data-testid="back">
          {t('common.back')}
        </Button>
      </Group>
      <PurposeDialog
        opened={purposeAsked !== null}
        title={t('report.purpose.title', { id: reportId })}
        explanation={t('report.purpose.explain')}
        confirmLabel={t('report.purpose.confirm')}
        suggested={purposeAsked?.suggested ?? null}
        onClose={goBack}
        // The dialog closes as the report opens; going back is only for cancelling.
        onDone={() => undefined}
        onConfirm={openReportFor}
      />
      {error && <ErrorAlert error={error} onRetry={() => void loadReport(reportId)} />}
      {!report && !error && !purposeAsked && <Loader size="sm" aria-label={t('common.loading')} />}
      {report && (
        <>
          <ReportHeader report={report} />
          <div className="report-layout">
            <Tabs defaultValue="details" keepMounted={false} className="report-tabs">
              <Tabs.List aria-label={t('report.tabs.label')}>
                <Tabs.Tab value="details" data-testid="tab-details">
                  {t('report.tabs.details')}
                </Tabs.Tab>
                <Tabs.Tab value="related" data-testid="tab-related">
                  {relatedCount === null ? t('report.tabs.relatedPlain') : t('report.tabs.related', { count: relatedCount })}
                </Tabs.Tab>
                <Tabs.Tab value="history" data-testid="tab-history">
                  {t('report.tabs.history')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="details" pt="md">
                <ReportDetailsTab report={report} />
              </Tabs.Panel>
              <Tabs.Panel value="related" pt="md">
                <Slot name="clusterTab" report={report} />
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <Stack gap="md">
                  <RevisionsSection revisions={revisions} />
                  {mayReadAudit && <AuditSection entries={audit} />}
                </Stack>
              </Tabs.Panel>
            </Tabs>
            <Stack gap="md" component="aside" aria-label={t('report.work.asideLabel')} className="report-aside">
              <WorkPanel report={report} />
              <Slot name="routeExplanation" reportId={report.reportId} />
              <Slot name="notes" subjectType="report" subjectId={report.reportId} />
            </Stack>
          </div>
        </>
      )}
    </Stack>
  );
}
