import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ScreenTitle } from '../../ui/ScreenTitle';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { BenignListEditor } from './BenignListEditor';
import { HubSettings } from './HubSettings';
import { IdleLockSettings } from './IdleLockSettings';
import { LanguageSettings } from './LanguageSettings';
import { PurposeListEditor } from './PurposeListEditor';

/** Screen 7: hub connection, language, the idle lock, the benign list and the purposes of consultation. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const error = useAppStore((state) => state.settingsError);
  const loadSettings = useAppStore((state) => state.loadSettings);
  useFocusOnMount(true);
  return (
    <Stack gap="md" maw={1100}>
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      {error && <ErrorAlert error={error} onRetry={() => void loadSettings()} />}
      <HubSettings />
      <LanguageSettings />
      <IdleLockSettings />
      <BenignListEditor />
      <PurposeListEditor />
    </Stack>
  );
}
