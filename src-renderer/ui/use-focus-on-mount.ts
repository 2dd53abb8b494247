import { useEffect } from 'react';

/** The id of the screen's top heading (`ScreenTitle`). */
export const SCREEN_TITLE_ID = 'screen-title';

/**
 * Moves focus to the screen's title (`ScreenTitle`) once it is there, so screen-reader and keyboard users
 * start at the top of a newly opened screen instead of on a button that no longer exists.
 */
export function useFocusOnMount(ready: boolean): void {
  useEffect(() => {
    if (ready) document.getElementById(SCREEN_TITLE_ID)?.focus();
  }, [ready]);
}
