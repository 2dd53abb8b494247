import type { ResourceLimits, Worker } from 'node:worker_threads';
import { silentLogger, type Logger } from '../../shared/platform/logger';
import { startWorker } from '../platform/start-worker';
import { abandonPage, createPrepareProgress, PREPARING, STEPS } from './prepare-answer';
import type { NdjsonLine } from '../../shared/intake/ndjson-lines';
import { prepareLine, type PreparedLine } from './prepare-line';
import { fromWire, fromWireBatch, WORKER_READY, type WireBatch } from './prepared-wire';
import type { RawFeedPage } from '../../shared/hub/feed-page';
import { prepareFeedPageBodyInSlices, reportEntriesOf, reportLineOf, type WirePreparedPage } from './prepare-feed-page';

/** What the prepare worker is asked (prepare-worker.ts): a batch of lines, or a feed page's body as the hub sent it. */
export type PrepareRequest = { id: number; lines: NdjsonLine[] } | { id: number; body: string };
type LinesAnswer = { id: number; batch: WireBatch };
type PageAnswer = { id: number; page: WirePreparedPage };
/** The worker could not answer (it threw, named by the error's kind): the asking thread reads the request itself, unless it is a large page (PreparePageFailedError). */
type FailedAnswer = { id: number; failed: string };
/** The page's asker abandoned it (its signal aborted) before the worker finished it: the rest was not read. */
type AbandonedAnswer = { id: number; abandoned: true };
export type PrepareAnswer = LinesAnswer | PageAnswer | FailedAnswer | AbandonedAnswer;

/** A pulled feed page with its reports prepared (in the order of `reportEntriesOf`), or why the hub's answer is no page. */
export type PreparedPageBody = { ok: true; page: RawFeedPage; prepared: PreparedLine[] } | { ok: false; problem: string };

/** Turns batches of lines, or a hub's feed page as it was received, into prepared lines; resolves in submission order per batch. */
export interface LinePreparer {
  prepare(lines: NdjsonLine[]): Promise<PreparedLine[]>;
  /**
   * A pulled page; read on the calling thread (see createWorkerPreparer), it holds that thread `sliceMs` at a time.
   * Once `signal` aborts, the page is read no further — on the worker as here — and this rejects with its reason.
   */
  preparePage(body: string, sliceMs: () => number, signal?: AbortSignal): Promise<PreparedPageBody>;
  close(): Promise<void>;
}

/** Back on the calling thread: each report with the line it was prepared from. */
function fromWirePage(wire: WirePreparedPage): PreparedPageBody {
  if (!wire.ok) return wire;
  const prepared = reportEntriesOf(wire.page).map((entry, index) => fromWire(wire.prepared[index]!, reportLineOf(entry, index)));
  return { ok: true, page: wire.page, prepared };
}

/** Why the asker abandoned a page: its signal's reason (an abort without one has a DOMException). */
const abandonment = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));

/** On the calling thread: for small inputs and for callers that cannot start workers. */
export const inThreadPreparer: LinePreparer = {
  prepare: (lines) => Promise.resolve(lines.map(prepareLine)),
  preparePage: (body, sliceMs, signal) => prepareFeedPageBodyInSlices(body, sliceMs, signal).then(fromWirePage),
  close: () => Promise.resolve(),
};

/** The worker's n-th death in a row (1-based) → how long until it is started again: 1 s, doubling, at most a minute. */
export const restartDelayMs = (deaths: number): number => Math.min(60_000, 1000 * 2 ** (deaths - 1));

/**
 * The worker's heap. A 100k import's worker (batches of 2,500 records, two queued) grew to 196 MB of used heap,
 * garbage included, with no limit to make it collect sooner. The limit leaves room for batches of the largest records
 * the line limit lets through, and ends a worker that a hostile file would grow without bound — by default as far as
 * the process's own heap — while the process lives on.
 */
export const PREPARE_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 512 };

/**
 * The largest feed page read on the calling thread (before the worker is ready, or while it is down). Parsed JSON takes
 * at most some tens of times its text (3.6 MB of empty objects outgrew a 48 MB heap), so such a page stays far inside
 * PREPARE_WORKER_LIMITS; a fresh store's first pages (100 and 500 reports of a few KB) are below it. A larger page is
 * read by the worker alone, under its limit, and waits for it.
 */
export const IN_THREAD_PAGE_BYTES = 2 * 1024 * 1024;

/**
 * The prepare worker could not finish this request because of what it holds. What it was preparing is not read on
 * the calling thread instead: that thread serves the window and writes the store.
 */
export abstract class UnpreparableRequestError extends Error {
  constructor(
    /**
     * The line whose record the worker was preparing (an import's batch), or the report's place among a feed page's
     * reports; null when it was preparing no record.
     */
    readonly line: number | null,
    what: 'a feed page' | 'a batch of lines',
    /** What became of preparing it, as the end of a sentence ("ran out of memory"). */
    readonly outcome: string,
    /** Why that is not an intake-report/1 record's doing, for the person who imports. */
    readonly unlikeRecords: string,
  ) {
    const where = what === 'a feed page' ? `report ${line} of a feed page` : `the record on line ${line}`;
    super(`preparing ${line === null ? what : where} ${outcome}`);
  }
}

/** The prepare worker ran out of its heap (PREPARE_WORKER_LIMITS) on this request: it would exhaust the calling thread's too. */
export class PrepareOutOfMemoryError extends UnpreparableRequestError {
  constructor(line: number | null, what: 'a feed page' | 'a batch of lines') {
    super(line, what, 'ran out of memory', 'intake-report/1 records are far smaller');
    this.name = 'PrepareOutOfMemoryError';
  }
}

/**
 * The prepare worker made no progress on this request for its stall limit, and neither did a fresh worker it was
 * asked of again (an endless loop on a pathological record): read on the calling thread, it would hang that thread.
 */
export class PrepareStalledError extends UnpreparableRequestError {
  constructor(line: number | null, what: 'a feed page' | 'a batch of lines', stallMs: number) {
    super(line, what, `made no progress for ${stallMs / 1000} s, twice`, 'an intake-report/1 record normally takes milliseconds');
    this.name = 'PrepareStalledError';
  }
}

/** Deaths in a row of workers that never said they were ready, after which nothing waits for the next one. */
export const NEVER_READY_DEATHS = 3;

/**
 * How long a worker may take to say it is ready before it is ended and counts as a death while loading. Its start
 * cost 1.07–1.32 s of CPU under tsx at load 17–24, 0.42 s from a bundle (4e30a36): a start over twenty times the
 * slowest seen is hung (a module that never finishes loading), and would otherwise hold what waits for it for ever.
 */
export const PREPARE_WORKER_START_DEADLINE_MS = 30_000;

/** Why a worker was ended before it said it was ready (logged as its stop's error). */
const START_TIMED_OUT = 'start-timeout';

/**
 * How long a ready worker with unanswered requests may go without beginning a record or answering before it is ended
 * as hung. Its slowest step is one record of up to the 4 MB line limit, or parsing a feed page's envelope. Extraction
 * is linear in a record's length (test extract-linear), but not free: its slowest shape measured, a text of "(0(0…",
 * took 5.5 s for 400 KB on a loaded machine (load 7, niced), so a 4 MB record of it can exceed this limit and is then
 * ended as stalled. A slow but progressing batch of any size begins a record every few milliseconds and is never ended.
 */
export const PREPARE_WORKER_STALL_MS = 30_000;

/** Why a ready worker was ended: no progress on its oldest request for the stall limit (logged as its stop's error). */
const STALLED = 'stalled';

/**
 * The prepare worker died while loading, or did not finish loading within its start deadline, NEVER_READY_DEATHS
 * times in a row (a broken installation, a module that throws or hangs at load): what waited for it (a page too
 * large to read here, requests after a death by running out of memory) fails with this instead of waiting for ever.
 * The pool still starts it again with its backoff, and takes such requests again once one is ready; the sync shows
 * this and tries again with its own backoff.
 */
export class PrepareWorkerUnavailableError extends Error {
  constructor(readonly deaths: number) {
    super(`the worker that reads large feed pages and import batches could not start (${deaths} starts in a row stopped or hung while loading); tried again later`);
    this.name = 'PrepareWorkerUnavailableError';
  }
}

/**
 * The prepare worker threw on a feed page larger than IN_THREAD_PAGE_BYTES (a bug, named by its error's kind only:
 * the message may quote a record). The page fails rather than be read on the calling thread, outside the worker's
 * heap limit; the sync shows this and tries the page again with its backoff.
 */
export class PreparePageFailedError extends Error {
  constructor(readonly kind: string) {
    super(`the worker that reads large feed pages failed on the next page (${kind}); nothing of it was written, tried again later`);
    this.name = 'PreparePageFailedError';
  }
}

export interface WorkerPreparerOptions {
  /** Where the worker's failures and restarts are told (kinds of error and exit codes only: never a record). */
  logger?: Logger;
  /** How long to wait before starting the worker again after its n-th death in a row. */
  restartDelayMs?: (deaths: number) => number;
  /** The worker's heap limits; PREPARE_WORKER_LIMITS unless a test makes them small. */
  resourceLimits?: ResourceLimits;
  /** How long a start may take before the worker is ended (PREPARE_WORKER_START_DEADLINE_MS unless a test makes it short). */
  startDeadlineMs?: number;
  /** How long a ready worker may make no progress before it is ended (PREPARE_WORKER_STALL_MS unless a test makes it short). */
  stallMs?: number;
}

/** The worker exited (not by running out of memory) before it answered. */
const EXITED = 'exited';

/**
 * The worker was ended as hung on an older request before it began this one: it is sent again to a fresh worker,
 * keeping its own one retry, and never read here — the same record may be in it.
 */
const RESEND = 'resend';

/** The worker was ended as hung while it worked on this request, on this line or report (PREPARING), if on one. */
type Stalled = { stalledOn: number | null };

interface PendingRequest {
  page: boolean;
  /** What the asker receives (a FailedAnswer when the worker threw on it); EXITED when it died first, Stalled when it hung on it, RESEND when it hung on an older one. */
  receive(answer: PrepareAnswer | typeof EXITED | typeof RESEND | Stalled): void;
  fail(error: Error): void;
}

interface RunningWorker {
  worker: Worker;
  /** Its modules are loaded (it said WORKER_READY). */
  ready: boolean;
  /** Requests it was sent and has not answered, oldest first: the first is the one it works on. */
  pending: Map<number, PendingRequest>;
}

const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * Parsing, validating and extracting cost as much CPU as writing; a worker thread does them while the
 * main thread writes the previous batch, so an import uses both cores.
 *
 * A worker takes a while to start (its modules load; seconds under tsx on a busy machine). A feed page that comes
 * before it is ready — a fresh workstation's first, small page, which an officer who just signed in waits for — is
 * read on the calling thread instead of waiting — in slices of the feed's budget, so that the window's calls are
 * answered in between: the pages asked right after it come before the worker too. Only pages of up to
 * IN_THREAD_PAGE_BYTES, though: a larger one waits for the worker, so that no page escapes its heap limit. Import
 * batches always go to the worker: its start is spread over the whole file.
 *
 * A bug in the worker never stops the sync or an import: a request it cannot answer (it threw) is read on the calling
 * thread, which refuses a bad record the normal way — except a page too large to read there, which fails
 * (PreparePageFailedError) and is tried again by the sync; a worker that exited has its unanswered requests read on the
 * calling thread, and is started again after a delay that grows with each death in a row. Until it is back,
 * everything is read on the calling thread. A request is answered exactly once either way, and nothing is written
 * before it is, so no entry is lost or applied twice.
 *
 * Running out of memory is the exception: the worker's heap is limited so that a hostile file cannot grow it until
 * the process dies, and what exhausted it must not be read on the calling thread either. Its unanswered requests
 * fail (PrepareOutOfMemoryError, naming the line it was on); later requests wait for the restarted worker. A worker
 * that keeps dying before it is ready — or hangs while loading, ended at its start deadline — is not waited for:
 * after NEVER_READY_DEATHS, what waits fails
 * (PrepareWorkerUnavailableError) and so does what would wait, until a worker is ready again.
 *
 * A ready worker that hangs on a request (no record begun, no answer, for its stall limit) is ended and started again.
 * The request it hung on is asked once more, of the fresh worker — a hang can be the worker's (a stuck await, a thread
 * starved) rather than the record's, and one more start costs a second — but never read on the calling thread, which
 * an endless loop in a record would hang. Hung on again, it fails (PrepareStalledError, naming the line): the import
 * stops there as at an exhausted heap, and the sync shows it and tries again with its backoff. The requests queued
 * behind it, and those asked until a fresh worker is ready, wait for it and are never read here either (the next
 * batch may hold the same record): each keeps its own one retry.
 */
export function createWorkerPreparer(
  workerUrl = new URL(import.meta.url.endsWith('.ts') ? './prepare-worker.ts' : './prepare-worker.js', import.meta.url),
  options: WorkerPreparerOptions = {},
): LinePreparer {
  const logger = options.logger ?? silentLogger;
  const delayAfter = options.restartDelayMs ?? restartDelayMs;
  let nextId = 0;
  let deaths = 0;
  /** Workers in a row that died before they said they were ready. */
  let unreadyDeaths = 0;
  let closed = false;
  let restart: NodeJS.Timeout | null = null;
  /** Set from a death by running out of memory or a stall until a worker is ready again: requests wait for it meanwhile. */
  let waitingForWorker: Array<{ resume(): void; cancel(error: Error): void }> | null = null;
  /** Pages too large to read here, asked while no worker runs (between a death and the restart): they wait for it. */
  let waitingForRestart: Array<{ resume(): void; cancel(error: Error): void }> = [];
  /** Everything waiting for a worker, taken out of both lists (waitingForWorker stays set if it was). */
  function takeWaiting() {
    const waiting = [...(waitingForWorker ?? []), ...waitingForRestart];
    if (waitingForWorker) waitingForWorker = [];
    waitingForRestart = [];
    return waiting;
  }
  const progress = createPrepareProgress();
  /** Pages abandoned so far: where the next one's id goes among the shared slots (abandonPage). */
  let abandonedPages = 0;
  let running: RunningWorker | null = start();

  function start(): RunningWorker {
    const worker = startWorker(workerUrl, { resourceLimits: options.resourceLimits ?? PREPARE_WORKER_LIMITS, workerData: { progress } });
    worker.unref();
    const started: RunningWorker = { worker, ready: false, pending: new Map() };
    let cause = 'exit';
    // A worker alive but never ready is ended, and its exit counts it as a death while loading. Decided after the
    // messages already queued: when this thread was busy past the deadline, Node runs expired timers before it
    // delivers a "ready" the worker sent meanwhile.
    const startDeadline = setTimeout(() => {
      setImmediate(() => {
        if (started.ready) return;
        cause = START_TIMED_OUT;
        void worker.terminate();
      });
    }, options.startDeadlineMs ?? PREPARE_WORKER_START_DEADLINE_MS);
    startDeadline.unref();
    const watchdog = watchProgress(started, () => {
      cause = STALLED;
      void worker.terminate();
    });
    worker.on('message', (answer: PrepareAnswer | typeof WORKER_READY) => {
      watchdog.answered();
      if (answer === WORKER_READY) {
        clearTimeout(startDeadline);
        watchdog.start();
        started.ready = true;
        unreadyDeaths = 0;
        if (deaths > 0) logger.info('prepare.worker_restarted', { deaths });
        const waiting = takeWaiting();
        waitingForWorker = null;
        for (const request of waiting) request.resume();
        return;
      }
      const pending = started.pending.get(answer.id);
      if (!pending) return;
      started.pending.delete(answer.id);
      deaths = 0;
      if ('failed' in answer) logger.warn('prepare.read_in_thread', { error: answer.failed });
      pending.receive(answer);
    });
    // Out of memory, or a throw outside a request: the exit follows. The error's message may quote a record.
    worker.on('error', (error: NodeJS.ErrnoException) => (cause = error.code ?? error.name));
    worker.on('exit', (code) => {
      clearTimeout(startDeadline);
      watchdog.stop();
      if (running === started) running = null;
      if (cause === STALLED) {
        // The oldest unanswered request is the one it hung on; those behind it were never begun. A neighbouring batch
        // may hold the same record, so nothing is read here until a fresh worker is ready: everything waits for it.
        const stalledOn = Atomics.exchange(progress, PREPARING, 0) || null;
        if (!closed) waitingForWorker ??= [];
        let first = true;
        for (const pending of started.pending.values()) {
          pending.receive(first ? { stalledOn } : RESEND);
          first = false;
        }
      } else if (cause === OUT_OF_MEMORY) {
        // The oldest unanswered request is the one it was preparing; the line it was on says which record.
        const line = Atomics.exchange(progress, PREPARING, 0);
        let first = true;
        for (const pending of started.pending.values()) {
          pending.fail(new PrepareOutOfMemoryError(first && line > 0 ? line : null, pending.page ? 'a feed page' : 'a batch of lines'));
          first = false;
        }
        if (!closed) waitingForWorker ??= [];
      } else for (const pending of started.pending.values()) pending.receive(EXITED);
      started.pending.clear();
      if (closed) return;
      deaths += 1;
      if (!started.ready) unreadyDeaths += 1;
      const delayMs = delayAfter(deaths);
      logger.error('prepare.worker_stopped', { code, error: cause, restartInMs: delayMs });
      if (unreadyDeaths >= NEVER_READY_DEATHS) {
        for (const request of takeWaiting()) request.cancel(new PrepareWorkerUnavailableError(unreadyDeaths));
      }
      restart = setTimeout(() => {
        restart = null;
        if (!closed) running = start();
      }, delayMs);
      restart.unref();
    });
    return started;
  }

  /**
   * Watches a ready worker: while it has unanswered requests and neither begins a record nor answers for the stall
   * limit, `stalled` is called. Checked four times within the limit; decided after the messages already queued, as the
   * start deadline is — an answer sent while this thread was busy is progress.
   */
  function watchProgress(watched: RunningWorker, stalled: () => void) {
    const stallMs = options.stallMs ?? PREPARE_WORKER_STALL_MS;
    let steps = Atomics.load(progress, STEPS);
    let movedAt = performance.now();
    let timer: NodeJS.Timeout | null = null;
    const check = () =>
      setImmediate(() => {
        const now = Atomics.load(progress, STEPS);
        if (now !== steps || watched.pending.size === 0) {
          steps = now;
          movedAt = performance.now();
        } else if (performance.now() - movedAt >= stallMs && timer) stalled();
      });
    return {
      start() {
        timer = setInterval(check, stallMs / 4);
        timer.unref();
      },
      answered: () => void (movedAt = performance.now()),
      stop() {
        if (timer) clearInterval(timer);
        timer = null;
      },
    };
  }

  /**
   * Sends `request` to the worker when `sendable`, else (and when the worker fails it) answers it here. Unless it
   * is `readableHere`: then it waits for a worker rather than be read here, and one that died on it is asked again.
   * Once the worker has thrown on it, it is read here if `readableHere`, else it fails (PreparePageFailedError).
   * Once a worker has hung on it (`stalledBefore`), it is never read here: it waits for a worker, and fails if that hangs too.
   * Once `signal` aborts, the worker stops the page at its next report and this rejects with the signal's reason.
   */
  function ask<T>(
    request: PrepareRequest,
    sendable: (worker: RunningWorker) => boolean,
    fromWorker: (answer: PrepareAnswer) => T,
    here: () => T | Promise<T>,
    readableHere = true,
    stalledBefore = false,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abandonment(signal));
    const again = (stalled = stalledBefore) => ask(request, sendable, fromWorker, here, readableHere, stalled, signal);
    const waitsForWorker = !readableHere || stalledBefore;
    const waiting = waitingForWorker ?? (running === null && waitsForWorker && !closed ? waitingForRestart : null);
    if (waiting && unreadyDeaths >= NEVER_READY_DEATHS) return Promise.reject(new PrepareWorkerUnavailableError(unreadyDeaths));
    if (waiting) return new Promise<void>((resume, cancel) => waiting.push({ resume, cancel })).then(() => again());
    const worker = running;
    if (!worker) return waitsForWorker ? Promise.reject(new Error('the preparer was closed')) : Promise.resolve().then(here);
    if (!waitsForWorker && !sendable(worker)) return Promise.resolve().then(here);
    const page = 'body' in request;
    const answered = new Promise<PrepareAnswer | typeof EXITED | typeof RESEND | Stalled>((receive, fail) => worker.pending.set(request.id, { page, receive, fail }));
    worker.worker.postMessage(request);
    const abandon = () => abandonPage(progress, request.id, abandonedPages++);
    signal?.addEventListener('abort', abandon, { once: true });
    return answered.then((answer) => {
      signal?.removeEventListener('abort', abandon);
      if (answer !== EXITED && answer !== RESEND && 'abandoned' in answer) return Promise.reject(abandonment(signal!));
      if (answer === EXITED) return waitsForWorker ? again() : here();
      if (answer === RESEND) return again();
      if ('stalledOn' in answer) {
        if (!stalledBefore) return again(true);
        return Promise.reject(new PrepareStalledError(answer.stalledOn, page ? 'a feed page' : 'a batch of lines', options.stallMs ?? PREPARE_WORKER_STALL_MS));
      }
      if ('failed' in answer) return readableHere ? here() : Promise.reject(new PreparePageFailedError(answer.failed));
      return fromWorker(answer);
    });
  }

  return {
    prepare: (lines) =>
      ask(
        { id: nextId++, lines },
        () => true,
        (answer) => fromWireBatch((answer as LinesAnswer).batch, lines),
        () => lines.map(prepareLine),
      ),
    preparePage: (body, sliceMs, signal) =>
      ask(
        { id: nextId++, body },
        (worker) => worker.ready,
        (answer) => fromWirePage((answer as PageAnswer).page),
        () => inThreadPreparer.preparePage(body, sliceMs, signal),
        Buffer.byteLength(body) <= IN_THREAD_PAGE_BYTES,
        false,
        signal,
      ),
    async close() {
      closed = true;
      if (restart) clearTimeout(restart);
      restart = null;
      for (const request of takeWaiting()) request.cancel(new Error('the preparer was closed before its worker was back'));
      waitingForWorker = null;
      await running?.worker.terminate();
    },
  };
}
