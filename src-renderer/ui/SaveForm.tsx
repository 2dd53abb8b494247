import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from './use-form-submit';

interface SaveFormProps {
  /** Starts saving, resolving whether it succeeded; null when the form is not ready. */
  onSave: () => Promise<boolean> | null;
  saveDisabled: boolean;
  saveTestId?: string;
  testId?: string;
  gap: 'xs' | 'sm';
  children: ReactNode;
}

/** Fields edited in place and saved with one button, without Cancel (a case's details, a concept's content). */
export function SaveForm({ onSave, saveDisabled, saveTestId, testId, gap, children }: SaveFormProps) {
  const { t } = useTranslation();
  const { busy, onSubmit } = useFormSubmit(onSave);
  return (
    <form onSubmit={onSubmit} data-testid={testId}>
      <Stack gap={gap}>
        {children}
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={busy} disabled={saveDisabled} data-testid={saveTestId}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
