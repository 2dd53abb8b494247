import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount } from '../../ui/format';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { RequestDetailPanel } from './RequestDetailPanel';
import { RequestFilterBar } from './RequestFilterBar';
import { RequestTable } from './RequestTable';
import { BatchDraftBar } from './BatchDraftBar';
import { batchOfConcepts, isBatchableConcept } from './letter-batch';

/** Every follow-up request, filtered, with the open one beside the list. */
export function RequestsScreen() {
  const { t } = useTranslation();
  const rows = useAppStore((state) => state.requestList);
  const error = useAppStore((state) => state.requestListError);
  const loadRequests = useAppStore((state) => state.loadRequests);
  const actionId = useAppStore((state) => (state.view.screen === 'requests' ? state.view.actionId : undefined));
  const conceptBatch = useAppStore((state) => state.conceptBatch);
  const chooseForBatch = useAppStore((state) => state.chooseForBatch);
  // Only concepts the list still shows: one submitted (or filtered away) meanwhile drops out.
  const chosen = rows?.filter((row) => conceptBatch.includes(row.actionId) && isBatchableConcept(row)) ?? [];
  useFocusOnMount(true);

  return (
    <Stack gap="sm">
      <ScreenHeader title={t('requests.title')}>
        {rows && (
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="action-count">
            {t('requests.count', { count: rows.length, formatted: formatCount(rows.length) })}
          </Text>
        )}
      </ScreenHeader>
      <RequestFilterBar />
      {chosen.length > 0 && <BatchDraftBar batch={batchOfConcepts(chosen)} chosen={t('requests.batch.chosen', { count: chosen.length })} testId="actions-batch" />}
      {error && <ErrorAlert error={error} onRetry={() => void loadRequests()} />}
      <div className="split-layout actions-layout">
        {rows ? <RequestTable rows={rows} openRequestId={actionId} batch={{ chosen: conceptBatch, onChoose: chooseForBatch }} /> : <Text size="sm">{t('common.loading')}</Text>}
        {actionId ? (
          <RequestDetailPanel actionId={actionId} />
        ) : (
          <Text size="sm" c="dimmed" className="side-panel">
            {t('requests.select')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
