import { Alert, Button, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialInput } from './CredentialInput';
import { PoliceAccountSignIn } from './PoliceAccountSignIn';
import { SessionCard } from './SessionCard';
import { useAppStore } from '../../state/store-context';
import { WarningIcon } from '../../ui/icons';

/** Codes a failed sign-in can end in that have their own words for the officer; anything else falls back. */
const KNOWN_FAILURES = ['UNAUTHENTICATED', 'FORBIDDEN', 'UNAVAILABLE', 'NOT_FOUND', 'CONFLICT', 'BAD_INPUT', 'RATE_LIMITED'] as const;
type KnownFailure = (typeof KNOWN_FAILURES)[number];
const failureKey = (code: string): KnownFailure | 'other' => KNOWN_FAILURES.find((known) => known === code) ?? 'other';

/**
 * With a real hub the workstation shows nothing but this until an officer proves who they are: their officer id
 * and the credential the hub issued, or — where the hub offers it — their police account at the force's identity
 * provider. The core refuses every officer-bound call meanwhile, so this is not just a curtain over the app.
 */
export function SignInScreen() {
  const { t } = useTranslation();
  const signIn = useAppStore((state) => state.signIn);
  const failure = useAppStore((state) => state.signInFailure);
  const [officerId, setOfficerId] = useState('');
  const [credential, setCredential] = useState('');
  const [busy, setBusy] = useState(false);
  const ready = officerId.trim() !== '' && credential !== '' && !busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    const signedIn = await signIn(officerId.trim(), credential);
    setBusy(false);
    if (!signedIn) setCredential('');
  };

  return (
    <SessionCard name="sign-in-screen" title={t('session.screenTitle')} onSubmit={(event) => void submit(event)}>
      <Text size="sm">{t('session.screenIntro')}</Text>
      <PoliceAccountSignIn />
      {failure && (
        <Alert color="red" variant="light" icon={<WarningIcon />} role="alert" title={t(`session.failure.${failureKey(failure.code)}`)} data-testid="sign-in-failure">
          {failure.message}
        </Alert>
      )}
      <TextInput label={t('session.officerId')} autoComplete="username" required value={officerId} onChange={(event) => setOfficerId(event.currentTarget.value)} data-testid="sign-in-officer" data-autofocus />
      <CredentialInput value={credential} onChange={setCredential} />
      <Button type="submit" loading={busy} disabled={!ready} data-testid="sign-in-submit">
        {t('session.submit')}
      </Button>
    </SessionCard>
  );
}
