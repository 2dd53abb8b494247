// The real prepare worker, except that the first feed page it is asked waits until its asker abandons it (or
// ABANDON_WAIT_MS pass) before the real worker's answer: a page that is still being prepared when its asker gives it
// up, without a race against how fast the page is read.
import { parentPort, workerData } from 'node:worker_threads';
import { ABANDONED, ABANDONED_SLOTS, answerPrepareRequest, servePrepareRequests, type PrepareProgress } from '../../../src-main/ingest/prepare-answer';

export const ABANDON_WAIT_MS = 10_000;

const progress = (workerData as { progress: PrepareProgress }).progress;
const pause = new Int32Array(new SharedArrayBuffer(4));
let pagesAsked = 0;

const abandoned = (id: number) => [...progress.subarray(ABANDONED, ABANDONED + ABANDONED_SLOTS)].includes(id + 1);

if (parentPort) {
  servePrepareRequests(parentPort, (request) => {
    if ('body' in request && pagesAsked++ === 0) {
      const until = Date.now() + ABANDON_WAIT_MS;
      while (!abandoned(request.id) && Date.now() < until) Atomics.wait(pause, 0, 0, 5);
    }
    return answerPrepareRequest(request, progress);
  });
}
