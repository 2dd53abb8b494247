import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The officer's hub credential, as the sign-in screen and the sign-in dialog both ask it. */
export function CredentialInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('session.credential')}
      description={t('session.credentialHelp')}
      autoComplete="off"
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data-testid="sign-in-credential"
    />
  );
}
