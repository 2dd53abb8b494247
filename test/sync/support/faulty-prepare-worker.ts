// The real prepare worker, with two faults a record can trigger: a page naming THROWS_ON makes it throw (a bug in
// reading one record), a page naming EXITS_ON ends the worker's thread (as a crash does).
import { parentPort } from 'node:worker_threads';
import { answerPrepareRequest, servePrepareRequests } from '../../../src-main/ingest/prepare-answer';
import { EXITS_ON, THROWS_ON } from './faulty-prepare-markers';

if (parentPort) {
  servePrepareRequests(parentPort, (request) => {
    if ('body' in request && request.body.includes(THROWS_ON)) throw new TypeError('cannot read this record');
    if ('body' in request && request.body.includes(EXITS_ON)) process.exit(7);
    return answerPrepareRequest(request);
  });
}
