/**
 * Ends hub sessions (`pzs_…`, from police-account sign-ins) on the hub when their officer leaves: signing out, or
 * another officer signing in. When the hub cannot be reached the end is kept — in the SecretStore, like every token
 * here (`pending-session-ends`) — and sent again every RETRY_MS, at once when sync is back online, and at the next
 * start, until the hub has taken it or the session has ended by itself. Otherwise a copy of the session would stay
 * good on the hub until its end.
 */
import type { Clock } from '../../shared/platform/clock';
import type { ApiEventBus } from '../api/events';
import { createHubClient } from '../sync/hub-client';
import { HubRefusedError } from '../sync/hub-errors';
import type { SyncTimers } from '../sync/timers';
import { readJsonSecret, type SecretStore } from './secrets';

export const SESSION_END_RETRY_MS = 60_000;

interface PendingEnd {
  hubUrl: string;
  session: string;
  /** When the hub ends the session by itself (ISO): no need to send the end after that. */
  expiresAt: string;
}

export interface SessionEnds {
  /** Ends `session` on the hub at `hubUrl`; kept and retried when the hub cannot be reached. */
  end(hubUrl: string, session: string, expiresAt: string): Promise<void>;
  /** Sends every kept end again (what the timer and sync's return do); resolves when all were tried. */
  flush(): Promise<void>;
  /** Ends kept but not yet taken by the hub. */
  pending(): number;
  stop(): void;
}

export function createSessionEnds(deps: { secrets: SecretStore; fetch: typeof fetch; clock: Clock; timers: SyncTimers; events?: ApiEventBus; retryMs?: number }): SessionEnds {
  const retryMs = deps.retryMs ?? SESSION_END_RETRY_MS;
  let handle: unknown = null;
  let flushing: Promise<void> | null = null;
  let stopped = false;

  // A damaged entry: those sessions end by themselves at their time, as they did before ends were kept.
  const read = (): PendingEnd[] => {
    const parsed = readJsonSecret(deps.secrets, 'pending-session-ends');
    return Array.isArray(parsed) ? (parsed as PendingEnd[]) : [];
  };
  const write = (ends: PendingEnd[]) => deps.secrets.set('pending-session-ends', ends.length === 0 ? null : JSON.stringify(ends));
  const live = (end: PendingEnd) => Date.parse(end.expiresAt) > deps.clock.now().getTime();

  /** Whether the hub is done with the session: it ended it now, or it knew it no longer (401: ended or expired). */
  async function send(end: PendingEnd): Promise<boolean> {
    try {
      await createHubClient({ hubUrl: end.hubUrl, token: end.session, fetch: deps.fetch }).endSession();
      return true;
    } catch (error) {
      return error instanceof HubRefusedError;
    }
  }

  function schedule(): void {
    if (stopped || handle !== null || read().length === 0) return;
    handle = deps.timers.setTimeout(() => {
      handle = null;
      void flush();
    }, retryMs);
    (handle as { unref?: () => void } | null)?.unref?.();
  }

  async function flushOnce(): Promise<void> {
    const tried = read().filter(live);
    const kept: PendingEnd[] = [];
    for (const end of tried) if (!(await send(end))) kept.push(end);
    // Ends kept meanwhile (another officer left while these were sent) stay too.
    const sent = new Set(tried.filter((end) => !kept.includes(end)).map((end) => end.session));
    write(read().filter((end) => live(end) && !sent.has(end.session)));
  }

  function flush(): Promise<void> {
    flushing ??= flushOnce().finally(() => {
      flushing = null;
      schedule();
    });
    return flushing;
  }

  const unsubscribe = deps.events?.subscribe((message) => {
    if (message.event === 'sync.state' && message.payload.online && read().length > 0) void flush();
  });
  // Ends kept at the last run are sent now.
  if (read().length > 0) void flush();

  return {
    async end(hubUrl, session, expiresAt) {
      const end = { hubUrl, session, expiresAt };
      if (await send(end)) return;
      write([...read().filter((kept) => kept.session !== session), end]);
      schedule();
    },
    flush,
    pending: () => read().length,
    stop() {
      stopped = true;
      unsubscribe?.();
      if (handle !== null) deps.timers.clearTimeout(handle);
      handle = null;
    },
  };
}
