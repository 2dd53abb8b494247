import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialInput } from './CredentialInput';
import { PoliceAccountSignIn } from './PoliceAccountSignIn';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { useOfficerOptions } from '../../state/use-officer-options';

interface SignInDialogProps {
  opened: boolean;
  onClose: () => void;
}

/**
 * Signing in as someone else against a real hub: an officer and the credential the hub checks, or — where the hub
 * offers it — a police account, as on the sign-in screen.
 */
export function SignInDialog(props: SignInDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={t('session.signInTitle')}>
      {props.opened && <SignInForm {...props} />}
    </Dialog>
  );
}

function SignInForm({ onClose }: SignInDialogProps) {
  const { t } = useTranslation();
  const officers = useOfficerOptions();
  const signIn = useAppStore((state) => state.signIn);
  const [officerId, setOfficerId] = useState<string | null>(null);
  const [credential, setCredential] = useState('');
  const ready = officerId !== null && credential !== '';

  const submit = () => (officerId && ready ? signIn(officerId, credential) : null);

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('session.submit')} submitDisabled={!ready}>
      <PoliceAccountSignIn onSignedIn={onClose} />
      <Select label={t('session.officer')} data={officers} value={officerId} onChange={setOfficerId} searchable required data-autofocus />
      <CredentialInput value={credential} onChange={setCredential} />
    </DialogForm>
  );
}
