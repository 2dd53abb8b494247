import { AppError, errorKind } from '../../shared/errors';
import { UnreadableFeedPage } from '../../shared/hub/feed-page';
import type { CaseStore } from '../db/open-store';
import { createMutationApplier } from '../mutations/applier';
import { countConflictNotices } from '../mutations/conflict-notices';
import { countOutbox } from '../mutations/outbox';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { silentLogger, type Logger } from '../../shared/platform/logger';
import { createFeedPageApplier, type PageOutcome, type PreparedFeedPage, type SliceBudget } from '../ingest/apply-feed-page';
import { UnpreparableRequestError, type LinePreparer } from '../ingest/prepare-pool';
import { DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff';
import { createHubClient } from './hub-client';
import { HubRefusedError, HubUnavailableError, SyncCancelled } from './hub-errors';
import { createOfficerRefresher } from './officer-refresh';
import { createPeriodsRefresher } from './periods-refresh';
import { createOutboxPusher } from './push-outbox';
import { createAuditPusher } from './push-audit';
import { adoptScope, readCursor, START_CURSOR } from '../db/sync-cursor';
import { readAgainWhatOlderVersionsSkipped } from './unread-entries';
import { FEED_READER_VERSION } from '../../shared/mutations/reader-version';
import { formatSyncScope, type SyncScope } from './sync-scope';
import { UnpreparablePageError } from './unpreparable-page';
import { createSyncStateHolder, type SyncState, type SyncStateListener } from './sync-state';
import { createPullHold } from './pull-hold';
import { realTimers, sleep, type SyncTimers } from './timers';

export interface SyncEngineOptions {
  hubUrl: string;
  token: string;
  /** Regions this workstation follows, or `*` (the default). */
  scope?: SyncScope;
  clock?: Clock;
  /** Injected so tests can put faults between workstation and hub. */
  fetch?: typeof fetch;
  timers?: SyncTimers;
  /** Jitter source for the backoff, in [0, 1). */
  random?: () => number;
  /** How long the hub may hold a pull while nothing is new (s). */
  longPollSeconds?: number;
  requestTimeoutMs?: number;
  pageSize?: number;
  /**
   * The size of a fresh store's first page (at most pageSize): small, so that the queue shows its first reports as
   * soon as they are prepared and written — an officer who has just signed in at a new workstation waits for them
   * — and not after a whole page.
   */
  firstPageSize?: number;
  pushBatchSize?: number;
  backoff?: Partial<BackoffOptions>;
  /** A hub that answers an empty page at once although asked to wait is polled this often instead (ms). */
  pollIntervalMs?: number;
  /** Parses and extracts pulled reports off the store's thread (default: on it). */
  preparer?: LinePreparer;
  /** How long each transaction of a pulled page may take (ms; default FEED_SLICE_MS, for a window being served). */
  sliceMs?: SliceBudget;
  /** Which wire this release reads (default FEED_READER_VERSION); a test plays an older release with a lower one. */
  readerVersion?: number;
  /** Where failures the sync outlives are told (kinds of error only, never a record). */
  logger?: Logger;
  /**
   * Empties the WAL a pulled withdrawal owes, away from the store's thread (the core's checkpoint thread): a full
   * checkpoint of a first sync's WAL held the window's calls for up to seconds. Default: on the store's thread.
   */
  settleOwedWal?: () => Promise<unknown>;
  /**
   * Asked between pages, while nothing is written: lets the core's checkpoint thread start a large WAL over (back-to-back
   * slices never begin with the WAL all copied, so a first sync grew it by all it wrote). Default: nothing to ask.
   */
  restartLargeWal?: () => Promise<unknown>;
  /** Told when the hub's registry changed the local officers (roles, teams, who is active). */
  onOfficersChanged?: () => void;
  /** Told, after a pulled page is committed, which reports are new to this store (the workstation routes them). */
  onReportsArrived?: (reportIds: readonly string[]) => void;
}

export interface SyncRoundSummary {
  pulled: number;
  pushed: number;
  cursor: string;
}

const DEFAULTS = { longPollSeconds: 25, pageSize: 500, firstPageSize: 100, pollIntervalMs: 1000 };
/** An empty long-poll answered faster than this was not held: the hub does not long-poll. */
const NOT_HELD_MS = 250;

/**
 * Keeps a workstation's store in step with the hub: pulls the feed (long-polling, so new reports arrive
 * within moments), pushes the officer's outbox, and rides out a missing hub with exponential backoff while
 * the store stays fully usable. One loop, one transaction at a time.
 */
export function createSyncEngine(store: CaseStore, options: SyncEngineOptions) {
  const { sqlite } = store;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const longPollSeconds = options.longPollSeconds ?? DEFAULTS.longPollSeconds;
  const pageSize = options.pageSize ?? DEFAULTS.pageSize;
  const firstPageSize = Math.min(pageSize, options.firstPageSize ?? DEFAULTS.firstPageSize);
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  const scope = formatSyncScope(options.scope ?? '*');
  const logger = options.logger ?? silentLogger;

  adoptScope(sqlite, scope);
  // Entries an older release could not read come back now that this one may.
  readAgainWhatOlderVersionsSkipped(sqlite, options.readerVersion ?? FEED_READER_VERSION);
  const client = createHubClient({ hubUrl: options.hubUrl, token: options.token, fetch: options.fetch, timers, requestTimeoutMs: options.requestTimeoutMs });
  const applier = createMutationApplier(sqlite, { clock });
  const pages = createFeedPageApplier(store, { clock, applier, ...(options.preparer ? { preparer: options.preparer } : {}), ...(options.sliceMs !== undefined ? { sliceMs: options.sliceMs } : {}) });
  const pusher = createOutboxPusher(store, { client, applier, batchSize: options.pushBatchSize });
  const auditPusher = createAuditPusher(store, { client });
  const officers = createOfficerRefresher(store, { client, clock, onChanged: options.onOfficersChanged });
  const periods = createPeriodsRefresher(store, { client, clock });

  const counts = () => ({
    pendingOutbox: applier.outbox.countPending(),
    rejectedOutbox: countOutbox(sqlite, 'rejected'),
    conflicts: countConflictNotices(sqlite),
    cursor: readCursor(sqlite),
  });
  const state = createSyncStateHolder({
    online: false,
    lastSyncAt: null,
    lastError: null,
    initialSync: { active: readCursor(sqlite) === START_CURSOR, received: 0 },
    auditRefused: null,
    ...counts(),
  });

  const stopper = new AbortController();
  let waker = new AbortController();
  let running: Promise<void> | null = null;
  let caughtUp = false;
  /** Set by wake(): the officer changed something since the last push, so do not sit in a long wait. */
  let wakeRequested = false;
  const totals = { pulled: 0, pushed: 0 };

  const succeeded = () => state.update({ online: true, lastError: null, lastSyncAt: clock.now().toISOString(), ...counts() });
  /** `online` speaks of the hub: a local failure (a bug, a full disk) is shown as an error without going offline. */
  function failed(error: unknown): void {
    if (error instanceof SyncCancelled) return;
    const fromHub = error instanceof HubUnavailableError || error instanceof HubRefusedError;
    const message = error instanceof Error ? error.message : String(error);
    let latest = {};
    try {
      latest = counts();
    } catch {
      // The store itself fails (closed, disk full): the error says so already.
    }
    state.update({ ...(fromHub ? { online: false } : {}), lastError: fromHub ? message : `sync failed: ${message}`, ...latest });
  }

  /**
   * The page after the one being applied, asked for and prepared before applying it while the hub has more: the
   * hub reads and sends the next page, and the prepare worker parses it, while this store writes the last (a
   * first sync takes the longest of the three per page, not their sum). Used only if the cursor is then where it
   * was asked from.
   */
  let ahead: { after: string; page: Promise<PreparedFeedPage> } | null = null;

  /**
   * While an officer signs in during the station's first sync (hold()), the engine asks for no page — the sign-in has the
   * machine's cores, and the page the officer's own engine asks for is not fetched and prepared twice — but still pushes
   * the outbox and the audit log. Capped and taken at most once (./pull-hold.ts).
   */
  const pullHold = createPullHold(timers);

  /** A page asked for before the hold came is not written: the officer's engine, or this one once released, asks again. */
  function unlessHeld(): void {
    if (pullHold.held()) throw new SyncCancelled('hold');
  }

  /**
   * Aborted when a sign-in takes the hold, and then renewed for what is asked after it: the pages asked before — the one
   * being pulled, the one asked ahead — are abandoned, their transfer and their preparation on the worker alike, so
   * that neither takes the cores from the sign-in for a page nobody will write.
   */
  let asked = new AbortController();

  function abandonAsked(): void {
    asked.abort(new SyncCancelled('hold'));
    asked = new AbortController();
    ahead = null;
  }

  /**
   * Asks the hub for a page and has it read and prepared; an answer that is no feed page is an outage, not data. A page
   * that exhausts the prepare worker, or hangs it twice, fails the turn with where it is (the loop's backoff spaces the tries).
   */
  async function requestPage(after: string, waitSeconds: number, cancel: AbortSignal): Promise<PreparedFeedPage> {
    const signal = AbortSignal.any([cancel, asked.signal]);
    const body = await client.feed({ after, limit: after === START_CURSOR ? firstPageSize : pageSize, scope, waitSeconds }, signal);
    try {
      return await pages.prepare(body, signal);
    } catch (error) {
      if (error instanceof UnreadableFeedPage) throw new HubUnavailableError(error.message);
      if (error instanceof UnpreparableRequestError) throw new UnpreparablePageError(after, error);
      throw error;
    }
  }

  function fetchPage(after: string, waitSeconds: number, cancel: AbortSignal): Promise<PreparedFeedPage> {
    const prefetched = ahead;
    ahead = null;
    if (prefetched && prefetched.after === after && waitSeconds === 0) return prefetched.page;
    return requestPage(after, waitSeconds, cancel);
  }

  async function pullPage(waitSeconds: number, cancel: AbortSignal) {
    unlessHeld();
    const prepared = await fetchPage(readCursor(sqlite), waitSeconds, cancel);
    // Held while it was on its way: not written, and nothing asked ahead.
    unlessHeld();
    const { page } = prepared;
    if (page.hasMore) {
      const next = requestPage(page.cursor, 0, stopper.signal);
      // Its failure is met where it is awaited; a page asked ahead and never used must not fail unheard.
      next.catch(() => undefined);
      ahead = { after: page.cursor, page: next };
    }
    let outcome: PageOutcome;
    try {
      // Held for a sign-in, the page being written stops at its next slice: the officer's engine goes on from there.
      outcome = await pages.apply(prepared, pullHold.held);
    } catch (error) {
      // The page's own failure is the one reported; what its committed slices redacted still leaves the WAL if it can.
      await settleRedactions();
      throw error;
    }
    if (outcome.arrived.length > 0) options.onReportsArrived?.(outcome.arrived);
    const written = outcome.whole ? page.entries.length : outcome.reports + outcome.mutations + outcome.skipped;
    totals.pulled += written;
    const initial = state.get().initialSync;
    if (initial.active) state.update({ initialSync: { active: !outcome.whole || page.hasMore, received: initial.received + written } });
    if (!outcome.whole) {
      await settleRedactions();
      throw new SyncCancelled('hold');
    }
    caughtUp = !page.hasMore;
    // Redacted text leaves the WAL once the store has caught up (or the pull stops), not after every page. The page is
    // written: a WAL that could not be emptied is this turn's failure, shown and retried like any other.
    if (!page.hasMore || cancel.aborted) {
      const failure = await settleRedactions();
      if (failure) throw failure;
    } else if (options.restartLargeWal) await options.restartLargeWal();
    return page;
  }

  /**
   * Empties the WAL if a withdrawal redacted text since the last time. When it cannot (another connection kept the WAL
   * busy), the writer still owes it and tries again at the next settle; the failure is logged by its kind and returned.
   */
  async function settleRedactions(): Promise<Error | null> {
    try {
      if (options.settleOwedWal) await options.settleOwedWal();
      else pages.settleRedactions();
      return null;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      logger.error('sync.wal_not_emptied', { error: errorKind(failure) });
      return failure;
    }
  }

  async function push(): Promise<number> {
    const outcome = await pusher.pushAll(stopper.signal);
    totals.pushed += outcome.pushed;
    return outcome.pushed;
  }

  /**
   * The audit log follows the officers' changes to the hub. A refusal (the log does not continue the hub's copy, the
   * hub keeps it under another token, or it refuses an entry as malformed or too large) is kept in the state, logged, and not
   * retried by this engine: resending the same entries would fail every turn and show the station offline for ever.
   */
  async function pushAudit(): Promise<void> {
    if (state.get().auditRefused !== null) return;
    try {
      await auditPusher.pushAll(stopper.signal);
    } catch (error) {
      // 409: the log does not continue the hub's copy; 403: the hub keeps it under another station token (replaced
      // without `hub audit rebind`); 400/413: an entry the hub will never take (the chain cannot skip it). Either way an
      // administrator must act; the pull and the officers' work go on.
      if (!(error instanceof HubRefusedError) || ![400, 403, 409, 413].includes(error.status)) throw error;
      logger.error('sync.audit_refused', { status: error.status, code: error.code });
      state.update({ auditRefused: `The hub refused this workstation's audit log: ${error.message}` });
    }
  }

  /** One turn of the continuous loop: push what is pending, pull (held by the hub when caught up), copy the officers when due. */
  async function turn(): Promise<void> {
    wakeRequested = false;
    await push();
    waker = new AbortController();
    const cancel = AbortSignal.any([stopper.signal, waker.signal]);
    if (pullHold.held()) {
      // Held for a sign-in: the audit log still goes, and a change (wake) or the hold's end starts the next turn.
      await pushAudit();
      succeeded();
      await pullHold.until(cancel);
      return;
    }
    const following = caughtUp && !wakeRequested;
    const askedAt = clock.now().getTime();
    const page = await pullPage(following ? longPollSeconds : 0, cancel);
    succeeded();
    await officers.refreshIfDue(cancel);
    await periods.refreshIfDue(cancel);
    await pushAudit();
    // Caught up, nothing new, and the hub did not hold the request: poll instead of hammering it.
    if (following && page.entries.length === 0 && clock.now().getTime() - askedAt < NOT_HELD_MS) {
      await sleep(timers, pollIntervalMs, cancel);
    }
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopper.signal.aborted) {
      try {
        await turn();
        failures = 0;
      } catch (error) {
        if (error instanceof SyncCancelled) continue;
        failed(error);
        waker = new AbortController();
        if (!wakeRequested) await sleep(timers, retryDelay(error, failures, backoff, random), AbortSignal.any([stopper.signal, waker.signal]));
        failures += 1;
      }
    }
  }

  async function round(pull: boolean, pushToo: boolean): Promise<SyncRoundSummary> {
    if (running) throw new AppError('CONFLICT', 'The sync loop is running; a single round would race it.');
    const before = { ...totals };
    try {
      if (pull) {
        do {
          await pullPage(0, stopper.signal);
        } while (!caughtUp);
        await officers.refreshIfDue(stopper.signal);
        await periods.refreshIfDue(stopper.signal);
      }
      if (pushToo) {
        await push();
        await pushAudit();
      }
      succeeded();
    } catch (error) {
      failed(error);
      throw error;
    }
    return { pulled: totals.pulled - before.pulled, pushed: totals.pushed - before.pushed, cursor: readCursor(sqlite) };
  }

  return {
    /** Runs until stop(): keeps pulling and pushing, retrying with backoff while the hub is away. */
    start(): void {
      if (stopper.signal.aborted) throw new AppError('CONFLICT', 'This sync engine was stopped; make a new one.');
      running ??= loop();
    },

    /** Ends the loop after the transaction in progress; resolves when nothing runs any more. */
    async stop(): Promise<void> {
      stopper.abort(new SyncCancelled('stop'));
      await running;
    },

    /**
     * An officer is signing in, and their own engine replaces this one once they are: while the station's first sync
     * runs, it asks for no page until the returned release is called, the cap passes or the engine stops — the page
     * pulled and the one asked ahead are abandoned unread, the one being written stops at its next slice. Pushes go
     * on. Nothing is held when the store has caught up (there is nothing to gain) or once this engine's one hold window
     * has closed: then null.
     * Idempotent release.
     */
    hold(): (() => void) | null {
      if (!state.get().initialSync.active) return null;
      const release = pullHold.take();
      if (release === null) return null;
      abandonAsked();
      return release;
    },

    /** The officer changed something (or asks to retry): push now instead of after the current wait. */
    wake(): void {
      state.update(counts());
      wakeRequested = true;
      waker.abort(new SyncCancelled('wake'));
    },

    /** One round: pull until the feed has no more, then push everything pending. Throws when the hub fails. */
    runOnce: () => round(true, true),
    /** Only the pull half of a round (tools and tests that need to interleave the halves). */
    pullOnce: () => round(true, false),
    /** Only the push half of a round. */
    pushOnce: () => round(false, true),

    getState: (): SyncState => state.get(),
    onStateChange: (listener: SyncStateListener): (() => void) => state.subscribe(listener),
    /** Entries pulled and mutations pushed since this engine was made. */
    totals: (): SyncRoundSummary => ({ ...totals, cursor: readCursor(sqlite) }),
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
