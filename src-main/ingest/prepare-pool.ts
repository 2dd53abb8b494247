import { startWorker } from '../platform/start-worker';
import type { NdjsonLine } from '../../shared/intake/ndjson-lines';
import { prepareLine, type PreparedLine } from './prepare-line';
import { fromWire, type WirePreparedLine } from './prepared-wire';

/** Turns batches of lines into prepared lines; resolves in submission order per batch. */
export interface LinePreparer {
  prepare(lines: NdjsonLine[]): Promise<PreparedLine[]>;
  close(): Promise<void>;
}

/** On the calling thread: for small inputs and for callers that cannot start workers. */
export const inThreadPreparer: LinePreparer = {
  prepare: (lines) => Promise.resolve(lines.map(prepareLine)),
  close: () => Promise.resolve(),
};

/**
 * Parsing, validating and extracting cost as much CPU as writing; a worker thread does them while the
 * main thread writes the previous batch, so an import uses both cores.
 */
export function createWorkerPreparer(
  workerUrl = new URL(import.meta.url.endsWith('.ts') ? './prepare-worker.ts' : './prepare-worker.js', import.meta.url),
): LinePreparer {
  const worker = startWorker(workerUrl);
  worker.unref();
  const waiting = new Map<number, { lines: NdjsonLine[]; resolve: (prepared: PreparedLine[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.on('message', (message: { id: number; prepared: WirePreparedLine[] }) => {
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    pending.resolve(message.prepared.map((wire, index) => fromWire(wire, pending.lines[index]!)));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    if (waiting.size > 0) failAll(new Error(`the import worker stopped unexpectedly (exit code ${code})`));
  });
  return {
    prepare(lines) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { lines, resolve, reject });
        worker.postMessage({ id, lines });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
