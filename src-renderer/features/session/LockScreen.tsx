import { Alert, Button, Group, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialInput } from './CredentialInput';
import { SessionCard } from './SessionCard';
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
    <SessionCard name="lock-screen" title={t('lock.title')} onSubmit={(event) => void submit(event)}>
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
    </SessionCard>
  );
}
