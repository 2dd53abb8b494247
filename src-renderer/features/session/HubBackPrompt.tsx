import { Alert, Badge, Button, Group, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';

/**
 * An officer signed in with their offline code works on while the hub is away; once it answers again they are asked
 * to sign in with their police account — as themselves: a code gives no hub session, so only then do their waiting
 * changes go to the hub in their name. Asked once in a dialog; put off with "Later", a badge beside their name asks
 * on until they do. Rendered (by OfficerSwitcher) only while the core says the hub is back.
 */
export function HubBackPrompt({ officerId }: { officerId: string }) {
  const { t } = useTranslation();
  const waiting = useAppStore((state) => state.policeAccountWaiting);
  const failure = useAppStore((state) => state.policeAccountFailure);
  const signIn = useAppStore((state) => state.signInWithPoliceAccount);
  // Shown only while the hub is back: each time it is, the dialog opens afresh.
  const [opened, setOpened] = useState(true);

  return (
    <>
      <UnstyledButton onClick={() => setOpened(true)} aria-label={t('session.hubBack.title')} data-testid="hub-back-badge">
        <Badge color="blue" variant="light" size="sm">
          {t('session.hubBack.badge')}
        </Badge>
      </UnstyledButton>
      <Modal opened={opened} onClose={() => setOpened(false)} centered title={t('session.hubBack.title')} data-testid="hub-back-prompt">
        <Stack gap="sm">
          <Text size="sm">{t('session.hubBack.intro')}</Text>
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="subtle" onClick={() => setOpened(false)}>
              {t('session.hubBack.later')}
            </Button>
            <Button loading={waiting} onClick={() => void signIn(officerId)}>
              {t('session.policeAccount.button')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
