import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { SAVED_VIEW_IDS } from './saved-views';

/** Preset views as toggle buttons; none is pressed once the officer changed a filter. */
export function SavedViewButtons() {
  const { t } = useTranslation();
  const current = useAppStore((state) => state.queueSavedView);
  const applySavedView = useAppStore((state) => state.applySavedView);
  return (
    <Group gap={6} role="group" aria-label={t('queue.views.label')}>
      {SAVED_VIEW_IDS.map((id) => (
        <Button
          key={id}
          size="compact-sm"
          variant={current === id ? 'filled' : 'default'}
          aria-pressed={current === id}
          onClick={() => applySavedView(id)}
          data-testid={`saved-view-${id}`}
        >
          {t(`queue.views.${id}`)}
        </Button>
      ))}
      {current === null && (
        <Text size="sm" c="dimmed" fs="italic">
          {t('queue.views.custom')}
        </Text>
      )}
    </Group>
  );
}
