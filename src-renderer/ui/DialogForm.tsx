import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from './use-form-submit';

export interface DialogFormProps {
  /** Checks the form and starts its action, resolving whether it succeeded (the dialog then closes); null when the form is not ready. */
  onSubmit: () => Promise<boolean> | null;
  onClose: () => void;
  submitLabel: string;
  submitColor?: string;
  submitDisabled?: boolean;
  submitTestId?: string;
  testId?: string;
  gap?: 'sm' | 'md';
  children: ReactNode;
}

/** The form inside a dialog: its fields, then Cancel and a submit button that is busy while the action runs. */
export function DialogForm({ onSubmit: run, onClose, submitLabel, submitColor, submitDisabled, submitTestId, testId, gap = 'sm', children }: DialogFormProps) {
  const { t } = useTranslation();
  const { busy, onSubmit } = useFormSubmit(run, onClose);
  return (
    <form onSubmit={onSubmit} data-testid={testId}>
      <Stack gap={gap}>
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={submitColor} disabled={submitDisabled} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
