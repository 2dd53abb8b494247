import { startWorker } from '../platform/start-worker';
import type { NdjsonLine } from '../../shared/intake/ndjson-lines';
import { prepareLine, type PreparedLine } from './prepare-line';
import { fromWire, WORKER_READY, type WirePreparedLine } from './prepared-wire';
import type { RawFeedPage } from '../../shared/hub/feed-page';
import { prepareFeedPageBody, reportEntriesOf, reportLineOf, type WirePreparedPage } from './prepare-feed-page';

/** What the prepare worker is asked (prepare-worker.ts): a batch of lines, or a feed page's body as the hub sent it. */
export type PrepareRequest = { id: number; lines: NdjsonLine[] } | { id: number; body: string };
type LinesAnswer = { id: number; prepared: WirePreparedLine[] };
type PageAnswer = { id: number; page: WirePreparedPage };
export type PrepareAnswer = LinesAnswer | PageAnswer;

/** A pulled feed page with its reports prepared (in the order of `reportEntriesOf`), or why the hub's answer is no page. */
export type PreparedPageBody = { ok: true; page: RawFeedPage; prepared: PreparedLine[] } | { ok: false; problem: string };

/** Turns batches of lines, or a hub's feed page as it was received, into prepared lines; resolves in submission order per batch. */
export interface LinePreparer {
  prepare(lines: NdjsonLine[]): Promise<PreparedLine[]>;
  preparePage(body: string): Promise<PreparedPageBody>;
  close(): Promise<void>;
}

/** Back on the calling thread: each report with the line it was prepared from. */
function fromWirePage(wire: WirePreparedPage): PreparedPageBody {
  if (!wire.ok) return wire;
  const prepared = reportEntriesOf(wire.page).map((entry, index) => fromWire(wire.prepared[index]!, reportLineOf(entry, index)));
  return { ok: true, page: wire.page, prepared };
}

/** On the calling thread: for small inputs and for callers that cannot start workers. */
export const inThreadPreparer: LinePreparer = {
  prepare: (lines) => Promise.resolve(lines.map(prepareLine)),
  preparePage: (body) => Promise.resolve(fromWirePage(prepareFeedPageBody(body))),
  close: () => Promise.resolve(),
};

/**
 * Parsing, validating and extracting cost as much CPU as writing; a worker thread does them while the
 * main thread writes the previous batch, so an import uses both cores.
 *
 * A worker takes a while to start (its modules load; seconds under tsx on a busy machine). A feed page that comes
 * before it is ready — a fresh workstation's first, small page, which an officer who just signed in waits for — is
 * read on the calling thread instead of waiting. Import batches always go to the worker: its start is spread
 * over the whole file.
 */
export function createWorkerPreparer(
  workerUrl = new URL(import.meta.url.endsWith('.ts') ? './prepare-worker.ts' : './prepare-worker.js', import.meta.url),
): LinePreparer {
  const worker = startWorker(workerUrl);
  worker.unref();
  const waiting = new Map<number, { receive: (answer: PrepareAnswer) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let ready = false;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: PrepareAnswer | typeof WORKER_READY) => {
    if (answer === WORKER_READY) {
      ready = true;
      return;
    }
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    pending.receive(answer);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    if (waiting.size > 0) failAll(new Error(`the import worker stopped unexpectedly (exit code ${code})`));
  });

  function ask<T>(request: PrepareRequest, answered: (answer: PrepareAnswer) => T): Promise<T> {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      waiting.set(request.id, { receive: (answer) => resolve(answered(answer)), reject });
      worker.postMessage(request);
    });
  }

  return {
    prepare: (lines) => ask({ id: nextId++, lines }, (answer) => (answer as LinesAnswer).prepared.map((wire, index) => fromWire(wire, lines[index]!))),
    preparePage: (body) => (ready ? ask({ id: nextId++, body }, (answer) => fromWirePage((answer as PageAnswer).page)) : inThreadPreparer.preparePage(body)),
    async close() {
      await worker.terminate();
    },
  };
}
