// The real prepare worker, telling its progress as the real one does, with records that misbehave by words in their
// narrative: on HANGS_ON it loops for ever (a pathological record); on HANGS_ONCE_ON it does so only if no worker has
// yet (a stuck worker, not a stuck record: it leaves the file named by PREPARE_TEST_HANG_MARK); each SLOW_ON record
// takes SLOW_RECORD_MS (slow, but progressing). A feed page carrying HANGS_ON hangs it before its first report.
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { NdjsonLine } from '../../../shared/intake/ndjson-lines';
import { answerPrepareRequest, PREPARING, servePrepareRequests, type PrepareProgress } from '../../../src-main/ingest/prepare-answer';
import type { PrepareAnswer } from '../../../src-main/ingest/prepare-pool';
import { fromWireBatch, toWire, toWireBatch, type WireBatch } from '../../../src-main/ingest/prepared-wire';
import { HANGS_ON, HANGS_ONCE_ON, SLOW_ON, SLOW_RECORD_MS } from './stalling-prepare-markers';

const progress = (workerData as { progress: PrepareProgress }).progress;
const pause = new Int32Array(new SharedArrayBuffer(4));

function hangOn(where: number): never {
  Atomics.store(progress, PREPARING, where);
  for (;;);
}

function hangsHere(text: string): boolean {
  if (text.includes(HANGS_ON)) return true;
  if (!text.includes(HANGS_ONCE_ON) || existsSync(process.env.PREPARE_TEST_HANG_MARK!)) return false;
  writeFileSync(process.env.PREPARE_TEST_HANG_MARK!, 'hung');
  return true;
}

function answerLine(id: number, line: NdjsonLine) {
  if (hangsHere(line.text)) hangOn(line.number);
  if (line.text.includes(SLOW_ON)) Atomics.wait(pause, 0, 0, SLOW_RECORD_MS);
  return fromWireBatch((answerPrepareRequest({ id, lines: [line] }, progress) as { batch: WireBatch }).batch, [line])[0]!;
}

if (parentPort) {
  servePrepareRequests(parentPort, (request) => {
    if ('body' in request) {
      if (hangsHere(request.body)) hangOn(0);
      return answerPrepareRequest(request, progress);
    }
    return { id: request.id, batch: toWireBatch(request.lines.map((line) => toWire(answerLine(request.id, line)))) } satisfies PrepareAnswer;
  });
}
