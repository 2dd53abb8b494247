import type { SyncTimers } from './timers';

/**
 * How long an officer's sign-in may keep the station's pull held. A police-account sign-in ends in seconds (provider,
 * hub, first queue); a hold any longer gains it nothing and only delays reports and the hub's withdrawals and purges.
 */
export const PULL_HOLD_CAP_MS = 20_000;

/**
 * The one window in which an engine's pull may be held (SyncEngine.hold). It opens at the first take and closes when
 * every take is released or the cap passes, whichever is first; takes inside it nest without extending it, and once
 * closed it does not open again — repeated sign-in clicks cannot keep a station from pulling.
 */
export function createPullHold(timers: SyncTimers, capMs: number = PULL_HOLD_CAP_MS) {
  let phase: 'unused' | 'open' | 'closed' = 'unused';
  let takes = 0;
  let capTimer: unknown = null;
  let closeWindow: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (closeWindow = resolve));

  function close(): void {
    if (phase !== 'open') return;
    phase = 'closed';
    timers.clearTimeout(capTimer);
    closeWindow();
  }

  return {
    /** Holds the pull, or returns null once the window has closed. The release is idempotent. */
    take(): (() => void) | null {
      if (phase === 'closed') return null;
      if (phase === 'unused') {
        phase = 'open';
        capTimer = timers.setTimeout(close, capMs);
      }
      takes += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        takes -= 1;
        if (takes === 0) close();
      };
    },

    held: (): boolean => phase === 'open',

    /** Resolves once the window closes, or early (without error) when `cancel` aborts. */
    until(cancel: AbortSignal): Promise<void> {
      if (phase !== 'open' || cancel.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        cancel.addEventListener('abort', () => resolve(), { once: true });
        void closed.then(() => resolve());
      });
    },
  };
}
