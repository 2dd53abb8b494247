import { Button, Group, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ReportDetail } from '../../../shared/api/views';
import { WORK_STATUSES } from '../../../shared/mutations/kinds';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';
import { clusterCaseSource } from '../../state/cluster-selectors';
import { selectMyId } from '../../state/session-selectors';
import { useOfficerOptions } from '../../state/use-officer-options';
import { Slot } from '../../ui/slots';

const UNASSIGNED = '__unassigned__';

/** Status, assignee and cases of the open report. */
export function WorkPanel({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const myId = useAppStore(selectMyId);
  const officers = useOfficerOptions();
  const caseTitles = useAppStore(useShallow((state) => Object.fromEntries((state.caseList ?? []).map((item) => [item.caseId, item.title]))));
  const graph = useAppStore((state) => state.graph);
  const clusterSource = useMemo(() => clusterCaseSource(graph), [graph]);
  const setReportWorkStatus = useAppStore((state) => state.setReportWorkStatus);
  const assignReport = useAppStore((state) => state.assignReport);
  const loadGraph = useAppStore((state) => state.loadGraph);
  const openCase = useAppStore((state) => state.openCase);
  const [dialog, setDialog] = useState<'create' | 'add' | null>(null);
  const inCluster = report.clusterSize > 1;

  const openCreate = async () => {
    // The cluster's members come from the graph; fetch it first when the graph tab was not opened yet.
    if (inCluster) await loadGraph();
    setDialog('create');
  };

  const reportIds = inCluster && clusterSource ? clusterSource.reportIds : [report.reportId];

  return (
    <Section title={t('report.work.title')} testId="report-work">
      <Stack gap="sm">
        <Select
          label={t('report.work.status')}
          data={WORK_STATUSES.map((status) => ({ value: status, label: t(`workStatus.${status}`) }))}
          value={report.workStatus}
          allowDeselect={false}
          onChange={(value) => value && void setReportWorkStatus(value)}
          data-testid="report-status-select"
        />
        <Select
          label={t('report.work.assignee')}
          data={[{ value: UNASSIGNED, label: t('common.unassigned') }, ...officers]}
          value={report.assignee ?? UNASSIGNED}
          allowDeselect={false}
          searchable
          onChange={(value) => value && void assignReport(value === UNASSIGNED ? null : value)}
          data-testid="report-assignee-select"
        />
        {myId && report.assignee !== myId && (
          <Button size="compact-sm" variant="light" onClick={() => void assignReport(myId)} data-testid="assign-to-me">
            {t('report.work.assignMe')}
          </Button>
        )}
        <div>
          <Text size="sm" fw={500}>
            {t('report.work.cases')}
          </Text>
          {report.caseIds.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('report.work.noCases')}
            </Text>
          ) : (
            <ul className="plain-list">
              {report.caseIds.map((caseId) => (
                <li key={caseId}>
                  <UnstyledButton className="link-button" onClick={() => openCase(caseId)}>
                    {caseTitles[caseId] ?? t('report.work.caseFallback', { id: caseId.slice(0, 8) })}
                  </UnstyledButton>
                </li>
              ))}
            </ul>
          )}
        </div>
        <Group gap="xs">
          <Button size="compact-sm" onClick={() => void openCreate()} data-testid="create-case-from-report">
            {inCluster ? t('report.work.createCaseFromCluster') : t('report.work.createCase')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setDialog('add')} data-testid="add-report-to-case">
            {t('report.work.addToCase')}
          </Button>
        </Group>
      </Stack>
      <Slot
        name="createCase"
        opened={dialog === 'create'}
        onClose={() => setDialog(null)}
        reportIds={reportIds}
        origin={inCluster ? t('cases.create.fromCluster', { count: reportIds.length }) : t('cases.create.fromReport', { id: report.reportId })}
        warning={inCluster && clusterSource?.truncated ? t('cases.create.truncated') : null}
      />
      <Slot name="addToCase" opened={dialog === 'add'} onClose={() => setDialog(null)} reportIds={[report.reportId]} />
    </Section>
  );
}
