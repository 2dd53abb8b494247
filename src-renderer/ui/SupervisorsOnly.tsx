import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store-context';
import { selectIsSupervisor } from '../state/session-selectors';

/** A screen for supervisors; others (say, after switching officer on it) are told why it is empty. */
export function SupervisorsOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const supervisor = useAppStore(selectIsSupervisor);
  const known = useAppStore((state) => state.session !== null);
  if (!known) return null;
  return supervisor ? (
    <>{children}</>
  ) : (
    <Alert color="yellow" variant="light" data-testid="supervisors-only">
      {t('session.supervisorsOnly')}
    </Alert>
  );
}
