import type { MessagePort } from 'node:worker_threads';
import { compileIntakeFastPath } from '../../shared/intake/fast-validate';
import { prepareFeedPageBody } from './prepare-feed-page';
import { prepareLine } from './prepare-line';
import type { PrepareAnswer, PrepareRequest } from './prepare-pool';
import { toWire, toWireBatch, WORKER_READY } from './prepared-wire';

/**
 * Where the worker is, shared with the thread that started it. At PREPARING: the number of the line it is preparing, or
 * the place of the feed page's report it is preparing (0 while it prepares none); it survives the worker, so a worker
 * that ran out of memory or hung still says on which record. At STEPS: how many records it has begun (wrapping), which
 * its pool watches to tell a slow worker from a hung one. From ABANDONED on, ABANDONED_SLOTS slots: the ids (+ 1) of
 * the feed pages last abandoned by their askers, round robin — a page stops at its next report when its id is among
 * them. Pages in flight are few (the one pulled and the one asked ahead); one overwritten is only prepared in vain.
 */
export type PrepareProgress = Int32Array;
export const PREPARING = 0;
export const STEPS = 1;
export const ABANDONED = 2;
export const ABANDONED_SLOTS = 8;

export const createPrepareProgress = (): PrepareProgress => new Int32Array(new SharedArrayBuffer((ABANDONED + ABANDONED_SLOTS) * Int32Array.BYTES_PER_ELEMENT));

/** The asker no longer wants page `id` (the worker stops it at its next report); `nth` counts the pages abandoned. */
export function abandonPage(progress: PrepareProgress, id: number, nth: number): void {
  Atomics.store(progress, ABANDONED + (nth % ABANDONED_SLOTS), id + 1);
}

function isAbandoned(progress: PrepareProgress, id: number): boolean {
  for (let slot = ABANDONED; slot < ABANDONED + ABANDONED_SLOTS; slot++) if (Atomics.load(progress, slot) === id + 1) return true;
  return false;
}

/** The worker begins the record on this line, or the feed page's report at this place. */
function begin(progress: PrepareProgress, where: number): void {
  Atomics.store(progress, PREPARING, where);
  Atomics.add(progress, STEPS, 1);
}

/** The prepare worker's work: a batch of lines, or a feed page, prepared (in their wire form), in order. */
export function answerPrepareRequest(request: PrepareRequest, progress?: PrepareProgress): PrepareAnswer {
  if (!('lines' in request)) {
    const page = prepareFeedPageBody(request.body, progress && ((place) => begin(progress, place)), progress && (() => isAbandoned(progress, request.id)));
    if (progress) Atomics.store(progress, PREPARING, 0);
    return page === null ? { id: request.id, abandoned: true } : { id: request.id, page };
  }
  // Each line in its wire form at once: the parsed record is garbage before the next line, not held (and copied by
  // every scavenge) until the batch is sent.
  const prepared = request.lines.map((line) => {
    if (progress) begin(progress, line.number);
    return toWire(prepareLine(line));
  });
  if (progress) Atomics.store(progress, PREPARING, 0);
  return { id: request.id, batch: toWireBatch(prepared) };
}

/**
 * Answers every request on `port`. A request the worker cannot answer (a throw while preparing, an answer that cannot
 * be sent) is answered as failed, by the kind of error alone — its message may quote the record — and the asking
 * thread then reads it itself; the worker lives on for the next one.
 */
export function servePrepareRequests(port: Pick<MessagePort, 'on' | 'postMessage'>, answer: (request: PrepareRequest) => PrepareAnswer = answerPrepareRequest): void {
  port.on('message', (request: PrepareRequest) => {
    try {
      const answered = answer(request);
      // A batch's packed revisions are handed over, not copied.
      port.postMessage(answered, 'batch' in answered ? [answered.batch.packed] : []);
    } catch (error) {
      port.postMessage({ id: request.id, failed: error instanceof Error ? error.name : typeof error } satisfies PrepareAnswer);
    }
  });
  // The intake contract's compiled validator is part of the start, not of the first record's time.
  compileIntakeFastPath();
  // Its modules are loaded: from now on a page sent here is not waiting for the worker's start.
  port.postMessage(WORKER_READY);
}
