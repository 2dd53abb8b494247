import { parentPort, workerData } from 'node:worker_threads';
import { answerPrepareRequest, servePrepareRequests, type PrepareProgress } from './prepare-answer';

/** Worker side of the prepare pool: batches of lines, or feed pages, in; prepared lines out (in their wire form), in order. */
const progress = (workerData as { progress?: PrepareProgress } | undefined)?.progress;
if (parentPort) servePrepareRequests(parentPort, (request) => answerPrepareRequest(request, progress));
