import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialInput } from './CredentialInput';
import { useAppStore } from '../../state/store-context';
import { WarningIcon } from '../../ui/icons';

const KNOWN_FAILURES = ['UNAUTHENTICATED', 'FORBIDDEN', 'UNAVAILABLE'] as const;
const failureKey = (code: string) => KNOWN_FAILURES.find((known) => known === code) ?? 'other';

/**
 * The locked screen: nothing of what was on screen, only who locked it. The same officer unlocks with their
 * credential (checked as at sign-in); another officer signs in instead (a shift change), and the locked officer's
 * unsent changes stay theirs. The core refuses every officer-bound call meanwhile.
 */
export function LockScreen() {
  const { t } = useTranslation();
  const name = useAppStore((state) => state.session?.officer?.displayName ?? '');
  const demo = useAppStore((state) => state.session?.demo === true);
  const failure = useAppStore((state) => state.unlockFailure);
  const unlock = useAppStore((state) => state.unlock);
  const setSigningInInstead = useAppStore((state) => state.setSigningInInstead);
  const [credential, setCredential] = useState('');
  const [busy, setBusy] = useState(false);
  // The demo has no credentials: its officers unlock as they sign in, without one.
  const ready = (demo || credential !== '') && !busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    const unlocked = await unlock(demo ? undefined : credential);
    setBusy(false);
    if (!unlocked) setCredential('');
  };

  return (
    <main id="main" className="lock-screen" data-testid="lock-screen">
      <Paper withBorder p="xl" maw={420} mx="auto" mt="10vh">
        <form onSubmit={(event) => void submit(event)}>
          <Stack gap="sm">
            <Title order={1} size="h3">
              {t('lock.title')}
            </Title>
            <Text size="sm" data-testid="lock-officer">
              {t('lock.intro', { name })}
            </Text>
            {failure && (
              <Alert color="red" variant="light" icon={<WarningIcon />} role="alert" title={t(`lock.failure.${failureKey(failure.code)}`)} data-testid="unlock-failure">
                {failure.message}
              </Alert>
            )}
            {!demo && <CredentialInput value={credential} onChange={setCredential} />}
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => setSigningInInstead(true)} data-testid="lock-other-officer">
                {t('lock.otherOfficer')}
              </Button>
              <Button type="submit" loading={busy} disabled={!ready} data-testid="unlock-submit">
                {t('lock.unlock')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
