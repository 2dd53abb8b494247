import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

const MIN_REASON_LENGTH = 3;

export interface ReasonDialogProps {
  opened: boolean;
  title: string;
  explanation: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  confirmColor?: string;
  onClose: () => void;
  /** Resolves true when the action succeeded; the dialog then closes. */
  onConfirm: (reason: string) => Promise<boolean>;
}

/** Asks for a reason before an accountable action (reveal, link decision, closing a case). */
export function ReasonDialog(props: ReasonDialogProps) {
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      {/* Mounted only while open, so every opening starts with an empty reason. */}
      {props.opened && <ReasonForm {...props} />}
    </Dialog>
  );
}

function ReasonForm({ explanation, reasonLabel, confirmLabel, confirmColor, onClose, onConfirm }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const valid = reason.trim().length >= MIN_REASON_LENGTH;

  const submit = async () => {
    setTouched(true);
    if (!valid) return;
    setBusy(true);
    const done = await onConfirm(reason.trim());
    setBusy(false);
    if (done) onClose();
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{explanation}</Text>
        <Textarea
          label={reasonLabel}
          withAsterisk
          aria-required
          autosize
          minRows={3}
          maxRows={8}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={touched && !valid ? t('common.reasonRequired') : undefined}
          data-testid="reason-input"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={confirmColor} data-testid="reason-confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
