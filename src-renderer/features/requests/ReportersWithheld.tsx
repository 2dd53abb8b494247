import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { PurposeDialog } from '../../ui/PurposeDialog';

/** The request includes the reporters' data, kept back until the officer says why they look at it (logged). */
export function ReportersWithheld() {
  const { t } = useTranslation();
  const showRequestReporters = useAppStore((state) => state.showRequestReporters);
  const suggestRequestPurpose = useAppStore((state) => state.suggestRequestPurpose);
  const [suggested, setSuggested] = useState<string | null | undefined>(undefined);
  return (
    <Alert color="gray" variant="light" mt="sm" data-testid="reporters-withheld">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('requests.bundle.reportersWithheld')}</Text>
        <Button size="compact-sm" variant="light" onClick={() => void suggestRequestPurpose().then(setSuggested)} data-testid="show-reporters">
          {t('requests.bundle.showReporters')}
        </Button>
      </Group>
      <PurposeDialog
        opened={suggested !== undefined}
        title={t('requests.bundle.showReportersTitle')}
        explanation={t('requests.bundle.showReportersExplain')}
        confirmLabel={t('requests.bundle.showReporters')}
        suggested={suggested ?? null}
        onClose={() => setSuggested(undefined)}
        onConfirm={showRequestReporters}
      />
    </Alert>
  );
}
