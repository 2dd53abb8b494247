import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SupervisorScreen } from '../../ui/SupervisorScreen';
import { RequestDetailPanel } from './RequestDetailPanel';
import { RequestTable } from './RequestTable';

function ApprovalQueue() {
  const { t } = useTranslation();
  const rows = useAppStore((state) => state.approvalQueue);
  const error = useAppStore((state) => state.approvalQueueError);
  const loadApprovalQueue = useAppStore((state) => state.loadApprovalQueue);
  const actionId = useAppStore((state) => (state.view.screen === 'approvals' ? state.view.actionId : undefined));
  return (
    <>
      {error && <ErrorAlert error={error} onRetry={() => void loadApprovalQueue()} />}
      <div className="split-layout actions-layout">
        {rows && rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="approvals-empty">
            {t('approvals.empty')}
          </Text>
        ) : rows ? (
          <RequestTable rows={rows} openRequestId={actionId} markOwn />
        ) : (
          <Text size="sm">{t('common.loading')}</Text>
        )}
        {actionId ? (
          <RequestDetailPanel actionId={actionId} />
        ) : (
          <Text size="sm" c="dimmed" className="side-panel">
            {t('approvals.select')}
          </Text>
        )}
      </div>
    </>
  );
}

/** Supervisors: requests waiting for approval, approved or sent back from the request itself (four eyes). */
export function ApprovalsScreen() {
  const { t } = useTranslation();
  return (
    <SupervisorScreen title={t('approvals.title')} explanation={t('approvals.explain')}>
      <ApprovalQueue />
    </SupervisorScreen>
  );
}
