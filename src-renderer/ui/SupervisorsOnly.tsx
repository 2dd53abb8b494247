import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../state/app-state';
import { useAppStore } from '../state/store-context';
import { selectIsSupervisor } from '../state/session-selectors';

/**
 * A screen for supervisors (or whom `allowed` names, e.g. the privacy officer too); others (say, after switching
 * officer on it) are told why it is empty.
 */
export function SupervisorsOnly({ children, allowed = selectIsSupervisor }: { children: ReactNode; allowed?: (state: AppState) => boolean }) {
  const { t } = useTranslation();
  const supervisor = useAppStore(allowed);
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
