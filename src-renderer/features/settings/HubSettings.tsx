import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/api/views';
import { selectIsSupervisor } from '../../state/session-selectors';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';
import type { HubChanges } from './settings-slice';

/**
 * Hub address, its certificate authority, scope and token. The token is write-only: the field is always empty and
 * "set" is all we know; another address clears it (the workstation says so under the token field). Once the store
 * holds its hub's reports only a supervisor changes them (the core refuses anyone else); others see them read-only.
 */
function HubForm({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const readOnly = useAppStore((state) => settings.supervisorGuarded && !selectIsSupervisor(state));
  const saveHubSettings = useAppStore((state) => state.saveHubSettings);
  const [hubUrl, setHubUrl] = useState(settings.hubUrl ?? '');
  const [scope, setScope] = useState(settings.scope);
  const [caFile, setCaFile] = useState(settings.hubCaFile ?? '');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (changes: HubChanges) => {
    setBusy(true);
    const saved = await saveHubSettings(changes);
    setBusy(false);
    if (saved) setToken('');
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (readOnly) return;
        void save({ hubUrl: hubUrl.trim() || null, scope: scope.trim() || '*', hubCaFile: caFile.trim() || null, ...(token ? { hubToken: token } : {}) });
      }}
      data-testid="hub-settings-form"
    >
      <Stack gap="sm" maw={560}>
        {readOnly && (
          <Text size="sm" data-testid="hub-settings-supervisor-only">
            {t('settings.hub.supervisorOnly')}
          </Text>
        )}
        <TextInput
          label={t('settings.hub.url')}
          description={t('settings.hub.urlHelp')}
          value={hubUrl}
          onChange={(event) => setHubUrl(event.currentTarget.value)}
          readOnly={readOnly}
          data-testid="hub-url-input"
        />
        <TextInput
          label={t('settings.hub.caFile')}
          description={t('settings.hub.caFileHelp')}
          value={caFile}
          onChange={(event) => setCaFile(event.currentTarget.value)}
          readOnly={readOnly}
          data-testid="hub-ca-input"
        />
        <TextInput
          label={t('settings.hub.scope')}
          description={t('settings.hub.scopeHelp')}
          value={scope}
          onChange={(event) => setScope(event.currentTarget.value)}
          readOnly={readOnly}
          data-testid="hub-scope-input"
        />
        <PasswordInput
          label={t('settings.hub.token')}
          description={settings.hubTokenSet ? t('settings.hub.tokenSet') : t('settings.hub.tokenNotSet')}
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.currentTarget.value)}
          readOnly={readOnly}
          data-testid="hub-token-input"
        />
        {!readOnly && (
          <Group gap="sm">
            <Button type="submit" loading={busy} data-testid="hub-settings-save">
              {t('common.save')}
            </Button>
            {settings.hubTokenSet && (
              <Button variant="subtle" color="danger" onClick={() => void save({ hubUrl: settings.hubUrl, scope: settings.scope, hubToken: null })}>
                {t('settings.hub.clearToken')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function HubSettings() {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.settings);
  return (
    <Section title={t('settings.hub.title')} testId="settings-hub">
      {settings && <HubForm key={`${settings.hubUrl}:${settings.hubCaFile}:${settings.scope}:${settings.hubTokenSet}`} settings={settings} />}
    </Section>
  );
}
