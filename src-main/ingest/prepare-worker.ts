import { parentPort } from 'node:worker_threads';
import { servePrepareRequests } from './prepare-answer';

/** Worker side of the prepare pool: batches of lines, or feed pages, in; prepared lines out (in their wire form), in order. */
if (parentPort) servePrepareRequests(parentPort);
