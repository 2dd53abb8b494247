import { useEffect } from 'react';
import { useAppStore } from '../../state/store-context';

/** What counts as the officer being at the keyboard. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** The core hears of activity at most this often; it allows a minute beyond the idle time before it locks itself. */
export const ACTIVITY_REPORT_MS = 30_000;

/**
 * Locks the screen after the idle time (a setting) without keyboard or mouse in this window. The core keeps its
 * own count from the activity reported here, so a window whose timer is stopped does not keep the workstation open.
 */
export function IdleLock() {
  const minutes = useAppStore((state) => state.session?.idleLockMinutes ?? null);
  const lockScreen = useAppStore((state) => state.lockScreen);
  const reportActivity = useAppStore((state) => state.reportActivity);

  useEffect(() => {
    if (minutes === null) return;
    const idleMs = minutes * 60_000;
    const lock = () => void lockScreen();
    let timer = setTimeout(lock, idleMs);
    let reportedAt = Date.now();
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, idleMs);
      if (Date.now() - reportedAt >= ACTIVITY_REPORT_MS) {
        reportedAt = Date.now();
        reportActivity();
      }
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [minutes, lockScreen, reportActivity]);

  return null;
}
