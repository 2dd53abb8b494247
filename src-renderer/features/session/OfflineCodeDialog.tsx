import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFLINE_CODE_MIN_CHARACTERS, OFFLINE_CODE_MIN_DIGITS, offlineCodeProblem } from '../../../shared/api/offline-code';
import { useAppStore } from '../../state/store-context';
import { useFormSubmit } from '../../ui/use-form-submit';
import { WarningIcon } from '../../ui/icons';

/**
 * Right after signing in with a police account: the officer sets their offline code (the first time here), or
 * confirms it when its proof nears its end or after a lockout, so that they can sign in and unlock while the hub
 * cannot be reached, and unlock without the identity provider. It cannot be waved away: the core asks for it only now, and an officer without one is stuck at the
 * next outage. Forgotten? They choose a new one — the police account just proved who they are.
 */
export function OfflineCodeDialog() {
  const { t } = useTranslation();
  const asked = useAppStore((state) => state.session?.offlineCode ?? null);
  return (
    <Modal opened={asked !== null} onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} centered title={asked && t(`offlineCode.${asked}.title`)}>
      {asked && <OfflineCodeForm key={asked} asked={asked} />}
    </Modal>
  );
}

function OfflineCodeForm({ asked }: { asked: 'set' | 'confirm' }) {
  const { t } = useTranslation();
  const failure = useAppStore((state) => state.offlineCodeFailure);
  const setOfflineCode = useAppStore((state) => state.setOfflineCode);
  const [choosing, setChoosing] = useState(asked === 'set');
  const [code, setCode] = useState('');
  const [repeated, setRepeated] = useState('');
  const problem = choosing && code !== '' ? offlineCodeProblem(code) : null;
  const mismatch = choosing && repeated !== '' && repeated !== code;
  const ready = code !== '' && (!choosing || (problem === null && repeated === code));
  const { busy, onSubmit } = useFormSubmit(() => (ready ? setOfflineCode(code, choosing) : null));

  return (
    <form onSubmit={onSubmit} data-testid="offline-code-form">
      <Stack gap="sm">
        <Text size="sm">{t(choosing ? 'offlineCode.set.intro' : 'offlineCode.confirm.intro')}</Text>
        {failure && (
          <Alert color="red" variant="light" icon={<WarningIcon />} role="alert" data-testid="offline-code-failure">
            {failure.message}
          </Alert>
        )}
        <PasswordInput
          label={t('offlineCode.code')}
          description={choosing ? t('offlineCode.rule', { digits: OFFLINE_CODE_MIN_DIGITS, characters: OFFLINE_CODE_MIN_CHARACTERS }) : undefined}
          error={problem && t(`offlineCode.problem.${problem}`, { digits: OFFLINE_CODE_MIN_DIGITS, characters: OFFLINE_CODE_MIN_CHARACTERS })}
          autoComplete="new-password"
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          data-autofocus
          data-testid="offline-code"
        />
        {choosing && (
          <PasswordInput
            label={t('offlineCode.repeat')}
            error={mismatch && t('offlineCode.mismatch')}
            autoComplete="new-password"
            required
            value={repeated}
            onChange={(event) => setRepeated(event.currentTarget.value)}
            data-testid="offline-code-repeat"
          />
        )}
        <Group justify={choosing ? 'flex-end' : 'space-between'} gap="sm">
          {!choosing && (
            <Button variant="subtle" onClick={() => setChoosing(true)} data-testid="offline-code-new">
              {t('offlineCode.chooseNew')}
            </Button>
          )}
          <Button type="submit" loading={busy} disabled={!ready} data-testid="offline-code-submit">
            {t(choosing ? 'offlineCode.set.submit' : 'offlineCode.confirm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
