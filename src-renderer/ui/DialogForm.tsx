import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from './use-form-submit';

export interface DialogFormProps {
  /** Checks the form and starts its action, resolving whether it succeeded (the dialog then closes); null when the form is not ready. */
  onSubmit: () => Promise<boolean> | null;
  onClose: () => void;
  /** After the action succeeded; closing the dialog unless said otherwise. */
  onDone?: () => void;
  submitLabel: string;
  submitColor?: string;
  submitDisabled?: boolean;
  submitTestId?: string;
  /** Focus the submit button when the dialog opens (the answer is prefilled: confirming is one key). */
  submitAutoFocus?: boolean;
  testId?: string;
  gap?: 'sm' | 'md';
  children: ReactNode;
}

/** The form inside a dialog: its fields, then Cancel and a submit button that is busy while the action runs. */
export function DialogForm({ onSubmit: run, onClose, onDone = onClose, submitLabel, submitColor, submitDisabled, submitTestId, submitAutoFocus, testId, gap = 'sm', children }: DialogFormProps) {
  const { t } = useTranslation();
  const { busy, onSubmit } = useFormSubmit(run, onDone);
  return (
    <form onSubmit={onSubmit} data-testid={testId}>
      <Stack gap={gap}>
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={submitColor} disabled={submitDisabled} data-autofocus={submitAutoFocus ? true : undefined} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
