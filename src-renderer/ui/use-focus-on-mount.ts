import { useEffect } from 'react';

/**
 * Moves focus to the screen's title (id `screen-title`) once it is there, so screen-reader and keyboard users
 * start at the top of a newly opened screen instead of on a button that no longer exists.
 */
export function useFocusOnMount(ready: boolean): void {
  useEffect(() => {
    if (ready) document.getElementById('screen-title')?.focus();
  }, [ready]);
}
