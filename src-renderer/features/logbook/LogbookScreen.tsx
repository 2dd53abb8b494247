import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { selectIsSupervisor, selectMayReadAudit } from '../../state/session-selectors';
import { useAppStore } from '../../state/store-context';
import { SupervisorScreen } from '../../ui/SupervisorScreen';
import { HubRefusalsSection } from './HubRefusalsSection';
import { LogbookQuestions } from './LogbookQuestions';
import { LogbookResults } from './LogbookResults';

/**
 * Supervisors and the privacy officer: who consulted a report and why, or everything one officer consulted in a
 * period, with a CSV of exactly what is shown; and what the hub refused (changes of deactivated officers, audit
 * logs that forked or left a gap) — the hub answers that to supervisors only.
 */
export function LogbookScreen({ reportId }: { reportId?: string }) {
  const { t } = useTranslation();
  const supervisor = useAppStore(selectIsSupervisor);
  return (
    <SupervisorScreen title={t('logbook.title')} explanation={t('logbook.explain')} maxWidth={1400} allowed={selectMayReadAudit}>
      <Stack gap="md">
        <LogbookQuestions reportId={reportId} />
        <LogbookResults />
        {supervisor && <HubRefusalsSection />}
      </Stack>
    </SupervisorScreen>
  );
}
