import { parentPort } from 'node:worker_threads';
import { prepareFeedPageBody } from './prepare-feed-page';
import { prepareLine } from './prepare-line';
import type { PrepareAnswer, PrepareRequest } from './prepare-pool';
import { toWire, WORKER_READY } from './prepared-wire';

/** Worker side of the prepare pool: batches of lines, or feed pages, in; prepared lines out (in their wire form), in order. */
parentPort?.on('message', (request: PrepareRequest) => {
  const answer: PrepareAnswer = 'lines' in request ? { id: request.id, prepared: request.lines.map((line) => toWire(prepareLine(line))) } : { id: request.id, page: prepareFeedPageBody(request.body) };
  parentPort?.postMessage(answer);
});
// Its modules are loaded: from now on a page sent here is not waiting for the worker's start.
parentPort?.postMessage(WORKER_READY);
