import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount } from '../../ui/format';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { BulkActionBar } from './BulkActionBar';
import { OverviewFilters } from './OverviewFilters';
import { QueueFilterBar } from './QueueFilterBar';
import { QueueTable } from './QueueTable';
import { SavedViewButtons } from './SavedViewButtons';

/** Screen 1: the work queue with its views, filters, bulk actions and the virtualized table. */
export function QueueScreen() {
  const { t } = useTranslation();
  const total = useAppStore((state) => state.queueTotal);
  const loading = useAppStore((state) => state.queueLoading);
  const error = useAppStore((state) => state.queueError);
  const loadQueue = useAppStore((state) => state.loadQueue);
  const cameFrom = useAppStore((state) => state.cameFrom);
  // At start-up focus stays where the browser puts it; coming from a report the grid takes it (QueueTable).
  useFocusOnMount(cameFrom !== null && cameFrom !== 'report');

  return (
    <Stack gap="sm" className="queue-screen">
      <Group justify="space-between" align="center" wrap="wrap">
        <ScreenHeader title={t('queue.title')}>
          {total !== null && (
            <Text size="sm" c="dimmed" data-testid="queue-total" aria-live="polite">
              {t('queue.count', { count: total, formatted: formatCount(total) })}
            </Text>
          )}
        </ScreenHeader>
        <SavedViewButtons />
      </Group>
      <QueueFilterBar />
      <OverviewFilters />
      {error && <ErrorAlert error={error} onRetry={() => void loadQueue()} />}
      <BulkActionBar />
      <QueueTable />
      {total === 0 && !loading && (
        <Text size="sm" c="dimmed" ta="center" py="md" data-testid="queue-empty">
          {t('queue.empty')}
        </Text>
      )}
      <Text size="xs" c="dimmed" id="queue-keyboard-hint">
        {t('queue.keyboardHint')}
      </Text>
    </Stack>
  );
}
