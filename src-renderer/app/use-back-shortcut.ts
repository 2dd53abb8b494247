import { useEffect } from 'react';
import { useAppStoreApi } from '../state/store-context';

/** Alt+← goes back, as in a browser; there is no browser history in the desktop app. */
export function useBackShortcut(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.key === 'ArrowLeft' && store.getState().viewHistory.length > 0) {
        event.preventDefault();
        store.getState().goBack();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
