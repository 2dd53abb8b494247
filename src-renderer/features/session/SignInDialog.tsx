import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialInput } from './CredentialInput';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { useOfficerOptions } from '../../state/use-officer-options';

interface SignInDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** Signing in against a real hub: an officer and the credential the hub checks. */
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
      <Select label={t('session.officer')} data={officers} value={officerId} onChange={setOfficerId} searchable required data-autofocus />
      <CredentialInput value={credential} onChange={setCredential} />
    </DialogForm>
  );
}
