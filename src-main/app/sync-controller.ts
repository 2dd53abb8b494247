import type { SeenElsewhereView, SyncStateView } from '../../shared/api/views';
import type { AuditEntriesResponse, AuditQuestion, AuditRefusal, RefusedChange } from '../../shared/hub/protocol';
import type { IndicatorType } from '../../shared/indicators/types';
import { createHubClient } from '../sync/hub-client';
import { HubRefusedError } from '../sync/hub-errors';
import type { ApiEventBus } from '../api/events';
import type { HubUnanswered, SyncLink } from '../api/context';
import type { CaseStore } from '../db/open-store';
import { countConflictNotices } from '../mutations/conflict-notices';
import { countOutbox } from '../mutations/outbox';
import { readCursor, START_CURSOR } from '../db/sync-cursor';
import type { Clock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import type { SliceBudget } from '../ingest/apply-feed-page';
import type { LinePreparer } from '../ingest/prepare-pool';
import { createSyncEngine, type SyncEngine, type SyncScope, type SyncState } from '../sync';

export interface SyncTarget {
  hubUrl: string;
  token: string;
  scope: SyncScope;
}

/**
 * How long an engine started while a sign-in holds the pull (hold()) waits before its first turn: the window draws
 * the officer's workstation from what the store holds meanwhile, not while a first sync's pages take the machine's
 * cores. The page says when it has drawn (the hold's release); this is for a page that never says.
 */
export const FIRST_FRAME_HOLD_CAP_MS = 2000;

/** The report page asks for each indicator as it opens: an answer later than this is no answer. */
const SEEN_ELSEWHERE_TIMEOUT_MS = 5000;
/** A page of the hub's audit entries is counted over every workstation's log: it may take longer. */
const AUDIT_QUESTION_TIMEOUT_MS = 15_000;

type UnrevisedView = Omit<SyncStateView, 'revision'>;

function viewOf(state: SyncState): UnrevisedView {
  return {
    configured: true,
    online: state.online,
    lastSyncAt: state.lastSyncAt,
    pendingOutbox: state.pendingOutbox,
    lastError: state.lastError ?? state.auditRefused,
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
  /** The slice budget of pulled pages (see ../ingest/apply-feed-page.ts): short while the window is in use. */
  sliceMs?: SliceBudget;
  /** Reports new to this store, after each pulled page (see SyncEngineOptions). */
  onReportsArrived?: (reportIds: readonly string[]) => void;
  /** Where failures the sync outlives are told (see SyncEngineOptions). */
  logger?: Logger;
  /** Empties the WAL a pulled withdrawal owes, off the store's thread (see SyncEngineOptions). */
  settleOwedWal?: () => Promise<unknown>;
  /** Whether an officer is signed in (default: always): nobody is, and no window is told what pulled pages changed. */
  anyoneSignedIn?: () => boolean;
  /** Lets the checkpoint thread start a large WAL over between pages (see SyncEngineOptions). */
  restartLargeWal?: () => Promise<unknown>;
}) {
  const { sqlite } = deps.store;
  let engine: SyncEngine | null = null;
  let unsubscribe: () => void = () => undefined;
  let embedded = false;
  let target: SyncTarget | null = null;
  let pulledSoFar = 0;
  /** The engine last stopped, until it has ended (after the page it was writing): the next one starts only then. */
  let ending: Promise<void> = Promise.resolve();
  /** Connections one after another, however their callers wait: each ends the engine of the one before. */
  let connecting: Promise<void> = Promise.resolve();
  /** Why sync could not start with the last target (shown while no engine runs); null when it could. */
  let startFailure: string | null = null;
  /** The last view's revision: every view made after it, by whichever engine, is numbered higher. */
  let revision = 0;
  const revised = (view: UnrevisedView): SyncStateView => ({ revision: ++revision, ...view });
  /** Sign-ins holding the pull (hold()) and not yet released; `holdsReleased` settles when the last lets go. */
  let signInHolds = 0;
  let holdsReleased: Promise<void> = Promise.resolve();
  let releaseHolds: () => void = () => undefined;

  function unconfiguredView(): UnrevisedView {
    const pendingOutbox = countOutbox(sqlite, 'pending');
    return {
      configured: startFailure !== null,
      online: false,
      lastSyncAt: null,
      pendingOutbox,
      lastError: startFailure,
      initialSync: { active: false, received: 0, total: null },
      conflicts: countConflictNotices(sqlite),
    };
  }

  const state = (): SyncStateView => revised(engine ? viewOf(engine.getState()) : unconfiguredView());

  function onStateChange(current: SyncEngine, syncState: SyncState): void {
    const pulled = current.totals().pulled;
    // With nobody signed in every window shows the sign-in screen, and each question it asked on being told would be
    // refused — during a first sync, a dozen a page. The officer who signs in gets everything afresh.
    if (pulled > pulledSoFar && (deps.anyoneSignedIn?.() ?? true)) {
      deps.events.emit('reports.changed', { count: pulled - pulledSoFar });
      deps.events.emit('work.changed', { entities: ['report', 'case', 'note', 'link', 'benign', 'action', 'directory', 'routing'] });
    }
    pulledSoFar = pulled;
    deps.events.emit('sync.state', revised(viewOf(syncState)));
  }

  /**
   * Stops the running engine: told at once, so it starts no push or pull from here; resolves once it has ended,
   * after the page it is writing (up to seconds of a first sync), and any engine stopped before it.
   */
  function disconnect(): Promise<void> {
    unsubscribe();
    unsubscribe = () => undefined;
    const stopping = engine;
    engine = null;
    if (stopping) {
      const before = ending;
      // An engine whose stop failed has ended all the same: the next connection must not fail with it.
      ending = Promise.all([before, stopping.stop().catch(() => undefined)]).then(() => undefined);
    }
    return ending;
  }

  async function switchTo(next: SyncTarget | null): Promise<void> {
    await disconnect();
    startFailure = null;
    if (next !== null) {
      let started: SyncEngine;
      try {
        started = createSyncEngine(deps.store, {
          hubUrl: next.hubUrl,
          token: next.token,
          scope: next.scope,
          clock: deps.clock,
          fetch: deps.fetch,
          onReportsArrived: deps.onReportsArrived,
          ...(deps.logger ? { logger: deps.logger } : {}),
          ...(deps.preparer ? { preparer: deps.preparer } : {}),
          ...(deps.sliceMs !== undefined ? { sliceMs: deps.sliceMs } : {}),
          ...(deps.settleOwedWal ? { settleOwedWal: deps.settleOwedWal } : {}),
          ...(deps.restartLargeWal ? { restartLargeWal: deps.restartLargeWal } : {}),
          onOfficersChanged: () => deps.events.emit('work.changed', { entities: ['officer'] }),
        });
      } catch (error) {
        // Also when nobody waits for this connection (a sign-in does not): the status bar says why sync is not running.
        startFailure = `Sync could not start: ${error instanceof Error ? error.message : String(error)}`;
        deps.events.emit('sync.state', state());
        throw error;
      }
      pulledSoFar = 0;
      unsubscribe = started.onStateChange((syncState) => onStateChange(started, syncState));
      engine = started;
      // An empty store's first page is what the officer waits for; a store holding reports is drawn from first.
      if (signInHolds > 0 && readCursor(sqlite) !== START_CURSOR) startAfterHolds(started);
      else started.start();
    }
    deps.events.emit('sync.state', state());
  }

  /** Starts `next` once every sign-in hold is released, or at FIRST_FRAME_HOLD_CAP_MS — unless it was replaced meanwhile. */
  function startAfterHolds(next: SyncEngine): void {
    let cap: ReturnType<typeof setTimeout> | undefined;
    const capped = new Promise<void>((resolve) => (cap = setTimeout(resolve, FIRST_FRAME_HOLD_CAP_MS)));
    void Promise.race([holdsReleased, capped]).then(() => {
      clearTimeout(cap);
      if (engine === next) next.start();
    });
  }

  /**
   * Holds the pull while an officer signs in during the station's first sync: the running engine's (SyncEngine.hold:
   * capped, once per engine), and the first turn of the engine their sign-in starts, until released (see
   * FIRST_FRAME_HOLD_CAP_MS). Nothing is held when nothing would be pulled. The release is idempotent.
   */
  function hold(): () => void {
    const releaseEngine = engine?.hold() ?? null;
    if (releaseEngine === null) return () => undefined;
    if (signInHolds++ === 0) holdsReleased = new Promise<void>((resolve) => (releaseHolds = resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      releaseEngine();
      if (--signInHolds === 0) releaseHolds();
    };
  }

  /** Asked of the hub synced with, with its token; what the officer sees when it cannot be asked. */
  async function seenElsewhere(type: IndicatorType, value: string, officer: string): Promise<SeenElsewhereView> {
    if (target === null) return { available: false, reason: 'no-hub', message: 'this workstation has no hub to ask' };
    try {
      const answer = await createHubClient({ hubUrl: target.hubUrl, token: target.token, fetch: deps.fetch, requestTimeoutMs: SEEN_ELSEWHERE_TIMEOUT_MS }).seenElsewhere(type, value, officer);
      return { available: true, total: answer.total, regions: answer.regions };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { available: false, reason: error instanceof HubRefusedError ? 'refused' : 'offline', message };
    }
  }

  /** Asks the hub for a supervisors' list; null when there is no hub or it cannot be asked. */
  async function askHub<T>(ask: (client: ReturnType<typeof createHubClient>) => Promise<T>): Promise<T | null> {
    if (target === null) return null;
    try {
      return await ask(createHubClient({ hubUrl: target.hubUrl, token: target.token, fetch: deps.fetch, requestTimeoutMs: SEEN_ELSEWHERE_TIMEOUT_MS }));
    } catch {
      return null;
    }
  }

  async function auditRefusals(): Promise<{ reachable: boolean; refusals: AuditRefusal[] }> {
    const refusals = await askHub((client) => client.auditRefusals());
    return { reachable: refusals !== null, refusals: refusals ?? [] };
  }

  async function refusedChanges(): Promise<{ reachable: boolean; refused: RefusedChange[] }> {
    const refused = await askHub((client) => client.refusedChanges());
    return { reachable: refused !== null, refused: refused ?? [] };
  }

  /** A page of every workstation's audit entries, asked of the hub synced with; or why it could not be asked or answered. */
  async function auditEntries(question: AuditQuestion): Promise<AuditEntriesResponse | HubUnanswered> {
    if (target === null) return { unanswered: 'no-hub', message: 'this workstation has no hub to ask' };
    try {
      return await createHubClient({ hubUrl: target.hubUrl, token: target.token, fetch: deps.fetch, requestTimeoutMs: AUDIT_QUESTION_TIMEOUT_MS }).auditEntries(question);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { unanswered: error instanceof HubRefusedError ? 'refused' : 'offline', message };
    }
  }

  return {
    /**
     * Syncs with `target` from now on (null: with no hub; the store stays fully usable). The running engine is
     * stopped at once; the next starts once it has ended. Resolves when the next runs.
     */
    connect(next: SyncTarget | null, options: { embedded: boolean }): Promise<void> {
      void disconnect();
      // The hub's questions (seen elsewhere, the Logboek, supervisors' lists) go with the new token from now on, not
      // with the one being left while its engine ends: a question asked right after a sign-in is the officer's.
      target = next;
      embedded = options.embedded;
      const connected = connecting.then(() => switchTo(next));
      connecting = connected.catch(() => undefined);
      return connected;
    },
    /** Stops sync for good (the workstation closes): also a connection still waiting to start is ended. */
    async disconnect(): Promise<void> {
      await connecting;
      await disconnect();
    },
    hold,
    link: {
      state,
      wake: () => engine?.wake(),
      usesEmbeddedHub: () => embedded,
      seenElsewhere,
      auditRefusals,
      refusedChanges,
      auditEntries,
    } satisfies SyncLink,
  };
}

export type SyncController = ReturnType<typeof createSyncController>;
