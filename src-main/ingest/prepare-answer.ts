import type { MessagePort } from 'node:worker_threads';
import { prepareFeedPageBody } from './prepare-feed-page';
import { prepareLine } from './prepare-line';
import type { PrepareAnswer, PrepareRequest } from './prepare-pool';
import { toWire, WORKER_READY } from './prepared-wire';

/** The prepare worker's work: a batch of lines, or a feed page, prepared (in their wire form), in order. */
export function answerPrepareRequest(request: PrepareRequest): PrepareAnswer {
  return 'lines' in request ? { id: request.id, prepared: request.lines.map((line) => toWire(prepareLine(line))) } : { id: request.id, page: prepareFeedPageBody(request.body) };
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
