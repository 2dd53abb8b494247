import { Alert, Button, Divider, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { WarningIcon } from '../../ui/icons';

/** Codes a failed sign-in with a police account can end in that have their own words; anything else falls back. */
const KNOWN_FAILURES = ['UNAUTHENTICATED', 'FORBIDDEN', 'UNAVAILABLE', 'CONFLICT', 'BAD_INPUT'] as const;
type KnownFailure = (typeof KNOWN_FAILURES)[number];
const failureKey = (code: string): KnownFailure | 'other' => KNOWN_FAILURES.find((known) => known === code) ?? 'other';

/**
 * "Aanmelden met politie-account": shown only when the hub names an identity provider. On the sign-in screen and in
 * the dialog to sign in as someone else, which closes with `onSignedIn`.
 */
export function PoliceAccountSignIn({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const offered = useAppStore((state) => state.policeAccountOffered);
  const waiting = useAppStore((state) => state.policeAccountWaiting);
  const failure = useAppStore((state) => state.policeAccountFailure);
  const loadOffer = useAppStore((state) => state.loadPoliceAccountOffer);
  const signIn = useAppStore((state) => state.signInWithPoliceAccount);
  useEffect(() => void loadOffer(), [loadOffer]);
  if (!offered) return null;

  return (
    <Stack gap="xs">
      {failure && (
        <Alert color="red" variant="light" icon={<WarningIcon />} role="alert" title={t(`session.policeAccount.failure.${failureKey(failure.code)}`)} data-testid="police-account-failure">
          {failure.message}
        </Alert>
      )}
      <Button variant="filled" loading={waiting} onClick={() => void signIn().then((signedIn) => signedIn && onSignedIn?.())} data-testid="police-account-sign-in">
        {t('session.policeAccount.button')}
      </Button>
      {waiting && (
        <Text size="sm" c="dimmed" data-testid="police-account-waiting">
          {t('session.policeAccount.waiting')}
        </Text>
      )}
      <Divider label={t('session.policeAccount.orCredential')} labelPosition="center" />
    </Stack>
  );
}
