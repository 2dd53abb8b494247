import { Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { DialogForm } from './DialogForm';
import { isReasonGiven } from './reason';

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
  const [touched, setTouched] = useState(false);
  const valid = isReasonGiven(reason);

  const submit = () => {
    setTouched(true);
    return valid ? onConfirm(reason.trim()) : null;
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={confirmLabel} submitColor={confirmColor} submitTestId="reason-confirm">
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
    </DialogForm>
  );
}
