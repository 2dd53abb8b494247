import { SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/mutations/kinds';
import { useAppStore } from '../../state/store-context';
import { ReasonDialog } from '../../ui/ReasonDialog';

/** new → in progress → action taken → closed; closing asks for a reason. */
export function CaseWorkflow({ status, closeReason }: { status: CaseStatus; closeReason: string | null }) {
  const { t } = useTranslation();
  const setCaseStatus = useAppStore((state) => state.setCaseStatus);
  const [closing, setClosing] = useState(false);

  const choose = (next: string) => {
    if (next === status) return;
    if (next === 'closed') setClosing(true);
    else void setCaseStatus(next as CaseStatus, null);
  };

  return (
    <div data-testid="case-workflow">
      <Text size="sm" fw={500} mb={4} id="case-workflow-label">
        {t('cases.detail.workflow')}
      </Text>
      <SegmentedControl
        fullWidth
        value={status}
        onChange={choose}
        aria-labelledby="case-workflow-label"
        data={CASE_STATUSES.map((value) => ({ value, label: t(`caseStatus.${value}`) }))}
      />
      {status === 'closed' && closeReason && (
        <Text size="sm" mt="xs">
          {t('cases.detail.closedBecause', { reason: closeReason })}
        </Text>
      )}
      <ReasonDialog
        opened={closing}
        title={t('cases.detail.closeTitle')}
        explanation={t('cases.detail.closeExplain')}
        reasonLabel={t('cases.detail.closeReason')}
        confirmLabel={t('cases.detail.closeConfirm')}
        onClose={() => setClosing(false)}
        onConfirm={(reason) => setCaseStatus('closed', reason)}
      />
    </div>
  );
}
