import type { SyncStateView } from '../../shared/api/views';
import type { ApiEventBus } from '../api/events';
import type { SyncLink } from '../api/context';
import type { CaseStore } from '../db/open-store';
import { countConflictNotices } from '../mutations/conflict-notices';
import type { Clock } from '../../shared/platform/clock';
import type { LinePreparer } from '../ingest/prepare-pool';
import { createSyncEngine, type SyncEngine, type SyncScope, type SyncState } from '../sync';

export interface SyncTarget {
  hubUrl: string;
  token: string;
  scope: SyncScope;
}

function viewOf(state: SyncState): SyncStateView {
  return {
    configured: true,
    online: state.online,
    lastSyncAt: state.lastSyncAt,
    pendingOutbox: state.pendingOutbox,
    lastError: state.lastError,
    initialSync: { active: state.initialSync.active, received: state.initialSync.received, total: state.initialSync.total ?? null },
    conflicts: state.conflicts,
  };
}

/**
 * Owns the sync engine: (re)connects it when the hub or scope changes and turns its progress into ApiEvents, so
 * every window refreshes when reports or colleagues' work arrive.
 */
export function createSyncController(deps: {
  store: CaseStore;
  clock: Clock;
  fetch: typeof fetch;
  events: ApiEventBus;
  preparer?: LinePreparer;
  /** Reports new to this store, after each pulled page (see SyncEngineOptions). */
  onReportsArrived?: (reportIds: readonly string[]) => void;
}) {
  const { sqlite } = deps.store;
  let engine: SyncEngine | null = null;
  let unsubscribe: () => void = () => undefined;
  let embedded = false;
  let pulledSoFar = 0;

  function unconfiguredView(): SyncStateView {
    const pendingOutbox = sqlite.prepare<[], number>("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() ?? 0;
    return {
      configured: false,
      online: false,
      lastSyncAt: null,
      pendingOutbox,
      lastError: null,
      initialSync: { active: false, received: 0, total: null },
      conflicts: countConflictNotices(sqlite),
    };
  }

  const state = (): SyncStateView => (engine ? viewOf(engine.getState()) : unconfiguredView());

  function onStateChange(current: SyncEngine, syncState: SyncState): void {
    const pulled = current.totals().pulled;
    if (pulled > pulledSoFar) {
      deps.events.emit('reports.changed', { count: pulled - pulledSoFar });
      deps.events.emit('work.changed', { entities: ['report', 'case', 'note', 'link', 'benign', 'action', 'directory', 'routing'] });
      pulledSoFar = pulled;
    }
    deps.events.emit('sync.state', viewOf(syncState));
  }

  /** Stops the running engine after the transaction in progress. */
  async function disconnect(): Promise<void> {
    unsubscribe();
    unsubscribe = () => undefined;
    const stopping = engine;
    engine = null;
    await stopping?.stop();
  }

  return {
    /** Syncs with `target` from now on (null: with no hub; the store stays fully usable). */
    async connect(target: SyncTarget | null, options: { embedded: boolean }): Promise<void> {
      await disconnect();
      embedded = options.embedded;
      if (target !== null) {
        const next = createSyncEngine(deps.store, {
          hubUrl: target.hubUrl,
          token: target.token,
          scope: target.scope,
          clock: deps.clock,
          fetch: deps.fetch,
          onReportsArrived: deps.onReportsArrived,
          ...(deps.preparer ? { preparer: deps.preparer } : {}),
          onOfficersChanged: () => deps.events.emit('work.changed', { entities: ['officer'] }),
        });
        pulledSoFar = 0;
        unsubscribe = next.onStateChange((syncState) => onStateChange(next, syncState));
        engine = next;
        next.start();
      }
      deps.events.emit('sync.state', state());
    },
    disconnect,
    link: {
      state,
      wake: () => engine?.wake(),
      usesEmbeddedHub: () => embedded,
    } satisfies SyncLink,
  };
}

export type SyncController = ReturnType<typeof createSyncController>;
