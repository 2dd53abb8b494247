import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';

/** Reports that arrived after the request was drafted and mention its indicator: offered to add to the bundle. */
export function NewReportsBanner({ count }: { count: number }) {
  const { t } = useTranslation();
  const updateRequestReports = useAppStore((state) => state.updateRequestReports);
  const [busy, setBusy] = useState(false);
  if (count === 0) return null;
  return (
    <Alert color="yellow" variant="light" data-testid="action-new-reports">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('requests.newReports.text', { count })}</Text>
        <Button
          size="compact-sm"
          color="warn"
          loading={busy}
          onClick={() => {
            setBusy(true);
            void updateRequestReports().finally(() => setBusy(false));
          }}
          data-testid="action-update-reports"
        >
          {t('requests.newReports.update')}
        </Button>
      </Group>
    </Alert>
  );
}
