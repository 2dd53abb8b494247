/**
 * While an officer is signed in offline, the hub is asked again whether their credential holds: as soon as sync
 * is online again or fails in another way than before (a revoked credential keeps sync from ever going online, so
 * waiting for that alone would not do), and otherwise at most every OFFLINE_RECHECK_MS while sync reports its state.
 */
import type { Clock } from '../../shared/platform/clock';
import type { ApiEventBus } from '../api/events';

export const OFFLINE_RECHECK_MS = 30_000;

export function recheckOnSyncState(deps: { events: ApiEventBus; clock: Clock; recheck: () => Promise<void> }): () => void {
  let wasOnline = false;
  let lastError: string | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  let running = false;
  return deps.events.subscribe((message) => {
    if (message.event !== 'sync.state') return;
    const now = deps.clock.now().getTime();
    const { online, lastError: error } = message.payload;
    // Back online, or another answer than before (the hub refusing the token stops sync: no state follows it), or
    // the interval passed — also when the clock was set back.
    const due = (online && !wasOnline) || (error !== null && error !== lastError) || now < lastAt || now - lastAt >= OFFLINE_RECHECK_MS;
    wasOnline = online;
    lastError = error;
    if (!due || running) return;
    running = true;
    lastAt = now;
    // A check that fails for any reason is tried again at the next state past the interval.
    void deps
      .recheck()
      .catch(() => undefined)
      .finally(() => (running = false));
  });
}
