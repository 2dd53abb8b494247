import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount } from '../../ui/format';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { ActionDetailPanel } from './ActionDetailPanel';
import { ActionFilterBar } from './ActionFilterBar';
import { ActionTable } from './ActionTable';
import { BatchDraftBar } from './BatchDraftBar';
import { batchOfConcepts, isBatchableConcept } from './letter-batch';

/** Every follow-up request, filtered, with the open one beside the list. */
export function ActionsScreen() {
  const { t } = useTranslation();
  const rows = useAppStore((state) => state.actionList);
  const error = useAppStore((state) => state.actionListError);
  const loadActions = useAppStore((state) => state.loadActions);
  const actionId = useAppStore((state) => (state.view.screen === 'actions' ? state.view.actionId : undefined));
  const conceptBatch = useAppStore((state) => state.conceptBatch);
  const chooseForBatch = useAppStore((state) => state.chooseForBatch);
  // Only concepts the list still shows: one submitted (or filtered away) meanwhile drops out.
  const chosen = rows?.filter((row) => conceptBatch.includes(row.actionId) && isBatchableConcept(row)) ?? [];
  useFocusOnMount(true);

  return (
    <Stack gap="sm">
      <ScreenHeader title={t('actions.title')}>
        {rows && (
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="action-count">
            {t('actions.count', { count: rows.length, formatted: formatCount(rows.length) })}
          </Text>
        )}
      </ScreenHeader>
      <ActionFilterBar />
      {chosen.length > 0 && <BatchDraftBar batch={batchOfConcepts(chosen)} chosen={t('actions.batch.chosen', { count: chosen.length })} testId="actions-batch" />}
      {error && <ErrorAlert error={error} onRetry={() => void loadActions()} />}
      <div className="split-layout actions-layout">
        {rows ? <ActionTable rows={rows} openActionId={actionId} batch={{ chosen: conceptBatch, onChoose: chooseForBatch }} /> : <Text size="sm">{t('common.loading')}</Text>}
        {actionId ? (
          <ActionDetailPanel actionId={actionId} />
        ) : (
          <Text size="sm" c="dimmed" className="side-panel">
            {t('actions.select')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
