/**
 * Wakes long-polling feed readers. Writers of this process call `notify()` after their commit; the LISTEN
 * connection calls it too, for commits of other hub processes (a second wake-up for one commit costs a read).
 * Readers take `version` before they query and wait for a change since then, so a commit between their query
 * and their wait is never slept through. Readers also recheck periodically, so a lost notification costs at
 * most one recheck interval.
 */
export interface FeedNotifier {
  /** Increases with every notification. */
  readonly version: number;
  notify(): void;
  /**
   * Resolves when a notification newer than `since` arrives (at once if one already has), after `timeoutMs`,
   * when `signal` aborts, or when the notifier is closed.
   */
  waitForChange(since: number, timeoutMs: number, signal?: AbortSignal): Promise<void>;
  /** Wakes every waiter for good (server shutdown). */
  close(): void;
  readonly closed: boolean;
}

export function createFeedNotifier(): FeedNotifier {
  let version = 0;
  let closed = false;
  const waiters = new Set<() => void>();

  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };

  return {
    get version() {
      return version;
    },
    get closed() {
      return closed;
    },
    notify() {
      version += 1;
      wakeAll();
    },
    waitForChange(since, timeoutMs, signal) {
      if (closed || version > since || signal?.aborted || timeoutMs <= 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    },
    close() {
      closed = true;
      wakeAll();
    },
  };
}
