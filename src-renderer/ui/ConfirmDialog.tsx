import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  explanation: ReactNode;
  confirmLabel: string;
  confirmColor?: string;
  onClose: () => void;
  /** Resolves true when the action succeeded; the dialog then closes. */
  onConfirm: () => Promise<boolean>;
}

/** Asks before something that cannot be undone with one click (removing a rule or an addressee). */
export function ConfirmDialog({ opened, title, explanation, confirmLabel, confirmColor = 'danger', onClose, onConfirm }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const done = await onConfirm();
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={title} size="md">
      <Stack gap="sm">
        <Text size="sm">{explanation}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={confirmColor} loading={busy} onClick={() => void confirm()} data-testid="confirm-dialog-confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
