// A prepare worker that says it is ready as soon as it runs, then leaves a mark (the file named by
// PREPARE_TEST_READY_MARK) so that a test knows its "ready" is on its way; it answers nothing.
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { WORKER_READY } from '../../../src-main/ingest/prepared-wire';

parentPort!.postMessage(WORKER_READY);
writeFileSync(process.env.PREPARE_TEST_READY_MARK!, 'ready');
setInterval(() => undefined, 60_000);
