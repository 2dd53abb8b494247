/** What the UI shows about sync. Never holds personal data: counts, times and error sentences only. */
export interface SyncState {
  /** The last exchange with the hub succeeded. */
  online: boolean;
  /** When the last exchange with the hub succeeded. */
  lastSyncAt: string | null;
  /** The officer's changes not yet acknowledged by the hub. */
  pendingOutbox: number;
  /** Changes the hub refused for good (shown to the officer, not retried). */
  rejectedOutbox: number;
  lastError: string | null;
  /** Why the hub refused this workstation's audit log (a fork or a gap), until the engine is made again. */
  auditRefused: string | null;
  /** The first pull into a store that never synced; `total` is unknown (the feed does not say). */
  initialSync: { active: boolean; received: number; total?: number };
  /** "Your change was overridden" notices not yet dismissed. */
  conflicts: number;
  cursor: string;
}

export type SyncStateListener = (state: SyncState) => void;

/** Holds the state and tells subscribers when (and only when) it changed. */
export function createSyncStateHolder(initial: SyncState) {
  let state = initial;
  const listeners = new Set<SyncStateListener>();
  return {
    get: (): SyncState => state,
    update(change: Partial<SyncState>): void {
      const next = { ...state, ...change };
      if (JSON.stringify(next) === JSON.stringify(state)) return;
      state = next;
      for (const listener of listeners) {
        try {
          listener(state);
        } catch {
          // A subscriber's failure must not stop sync.
        }
      }
    },
    subscribe(listener: SyncStateListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
