/**
 * Keeps a hub session (`pzs_…`, from signing in with a police account) alive while its officer works: the hub gives
 * it a short life on purpose, and renewing moves its end. Renewed halfway to its end; when the hub cannot be reached,
 * tried again every minute until the session has ended — then the officer signs in again, as for any expired session.
 */
import type { Clock } from '../../shared/platform/clock';
import type { SyncTimers } from '../sync/timers';

const RETRY_MS = 60_000;
/** Never sooner than this after the last renewal, whatever the hub's lifetime. */
const MIN_WAIT_MS = 1_000;

export interface SessionRenewal {
  /** Renews this session (with `renew`) until `stop`, starting from the end the hub gave it. */
  keep(expiresAt: string, renew: () => Promise<string>): void;
  stop(): void;
}

export function createSessionRenewal(deps: { clock: Clock; timers: SyncTimers; onRenewed?: (expiresAt: string) => void }): SessionRenewal {
  let handle: unknown = null;
  let generation = 0;

  const clear = () => {
    if (handle !== null) deps.timers.clearTimeout(handle);
    handle = null;
  };

  function schedule(mine: number, expiresAt: string, renew: () => Promise<string>, waitMs: number): void {
    clear();
    handle = deps.timers.setTimeout(() => {
      handle = null;
      void renew().then(
        (next) => {
          if (mine !== generation) return;
          deps.onRenewed?.(next);
          schedule(mine, next, renew, halfwayTo(next));
        },
        () => {
          if (mine !== generation) return;
          const left = Date.parse(expiresAt) - deps.clock.now().getTime();
          if (left > MIN_WAIT_MS) schedule(mine, expiresAt, renew, Math.min(RETRY_MS, Math.max(MIN_WAIT_MS, left / 2)));
        },
      );
    }, waitMs);
    (handle as { unref?: () => void } | null)?.unref?.();
  }

  const halfwayTo = (expiresAt: string) => Math.max(MIN_WAIT_MS, (Date.parse(expiresAt) - deps.clock.now().getTime()) / 2);

  return {
    keep(expiresAt, renew) {
      generation += 1;
      schedule(generation, expiresAt, renew, halfwayTo(expiresAt));
    },
    stop() {
      generation += 1;
      clear();
    },
  };
}
