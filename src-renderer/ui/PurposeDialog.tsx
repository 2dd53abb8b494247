import { Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { DialogForm } from './DialogForm';
import { PurposeChoice, chosenPurpose, suggestedChoice, usePurposes } from './PurposeChoice';

export interface PurposeDialogProps {
  opened: boolean;
  title: string;
  explanation: ReactNode;
  confirmLabel: string;
  /** Preselected: the purpose last given for this report or its case (null: the officer chooses). */
  suggested: string | null;
  /** Cancel: the officer does not go ahead. */
  onClose: () => void;
  /** After the consultation went ahead; closing the dialog unless said otherwise (it may close by itself). */
  onDone?: () => void;
  /** Resolves true when the consultation went ahead; the dialog then closes. */
  onConfirm: (purpose: string) => Promise<boolean>;
}

/**
 * Asks why the officer consults personal data before they do. The last purpose is preselected and the confirm
 * button focused, so confirming it again is one key (Enter).
 */
export function PurposeDialog(props: PurposeDialogProps) {
  const purposes = usePurposes();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      {/* Mounted only while open (and once the list is known), so each opening starts from the suggestion. */}
      {props.opened && purposes !== null && <PurposeForm {...props} purposes={purposes} />}
    </Dialog>
  );
}

function PurposeForm({ explanation, confirmLabel, suggested, purposes, onClose, onDone, onConfirm }: PurposeDialogProps & { purposes: readonly string[] }) {
  const [value, setValue] = useState(() => suggestedChoice(suggested, purposes));
  const [touched, setTouched] = useState(false);
  const preselected = suggested !== null;

  const submit = () => {
    setTouched(true);
    const chosen = chosenPurpose(value);
    return chosen.ok ? onConfirm(chosen.purpose) : null;
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} onDone={onDone ?? onClose} submitLabel={confirmLabel} submitTestId="purpose-confirm" submitAutoFocus={preselected} testId="purpose-form">
      <Text size="sm">{explanation}</Text>
      <PurposeChoice purposes={purposes} value={value} onChange={setValue} showProblem={touched} autoFocus={!preselected} />
    </DialogForm>
  );
}
