import type { MessagePort } from 'node:worker_threads';
import { prepareFeedPageBody } from './prepare-feed-page';
import { prepareLine } from './prepare-line';
import type { PrepareAnswer, PrepareRequest } from './prepare-pool';
import { toWire, WORKER_READY } from './prepared-wire';

/**
 * Where the worker is, shared with the thread that started it: the number of the line it is preparing, or the place of
 * the feed page's report it is preparing (0 while it prepares none). It survives the worker, so a worker that ran out
 * of memory still says on which record.
 */
export type PrepareProgress = Int32Array;

export const createPrepareProgress = (): PrepareProgress => new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

/** The prepare worker's work: a batch of lines, or a feed page, prepared (in their wire form), in order. */
export function answerPrepareRequest(request: PrepareRequest, progress?: PrepareProgress): PrepareAnswer {
  if (!('lines' in request)) {
    const page = prepareFeedPageBody(request.body, progress && ((place) => void Atomics.store(progress, 0, place)));
    if (progress) Atomics.store(progress, 0, 0);
    return { id: request.id, page };
  }
  const prepared = request.lines.map((line) => {
    if (progress) Atomics.store(progress, 0, line.number);
    return toWire(prepareLine(line));
  });
  if (progress) Atomics.store(progress, 0, 0);
  return { id: request.id, prepared };
}

/**
 * Answers every request on `port`. A request the worker cannot answer (a throw while preparing, an answer that cannot
 * be sent) is answered as failed, by the kind of error alone — its message may quote the record — and the asking
 * thread then reads it itself; the worker lives on for the next one.
 */
export function servePrepareRequests(port: Pick<MessagePort, 'on' | 'postMessage'>, answer: (request: PrepareRequest) => PrepareAnswer = answerPrepareRequest): void {
  port.on('message', (request: PrepareRequest) => {
    try {
      port.postMessage(answer(request));
    } catch (error) {
      port.postMessage({ id: request.id, failed: error instanceof Error ? error.name : typeof error } satisfies PrepareAnswer);
    }
  });
  // Its modules are loaded: from now on a page sent here is not waiting for the worker's start.
  port.postMessage(WORKER_READY);
}
