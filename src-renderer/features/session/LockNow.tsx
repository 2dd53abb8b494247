import { Button } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../state/store-context';

/** Ctrl+L (Cmd+L on a Mac): what an officer presses before turning away from a shared station. */
const isLockShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l';

/** Locks the screen at once, as the idle lock would: the core refuses officer-bound calls until the officer unlocks. */
export function LockNowButton() {
  const { t } = useTranslation();
  const lockScreen = useAppStore((state) => state.lockScreen);
  return (
    <Button size="compact-xs" variant="white" aria-label={t('session.lockNowLabel')} aria-keyshortcuts="Control+L Meta+L" onClick={() => void lockScreen()} data-testid="lock-now">
      {t('session.lockNow')}
    </Button>
  );
}

/** The keyboard way to lock now; mounted with the unlocked workbench only. */
export function LockShortcut() {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isLockShortcut(event) || !store.getState().session?.officer) return;
      // In the browser Ctrl+L would go to the address bar; here it locks.
      event.preventDefault();
      void store.getState().lockScreen();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [store]);
  return null;
}
