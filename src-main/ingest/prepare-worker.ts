import { parentPort } from 'node:worker_threads';
import type { NdjsonLine } from '../../shared/intake/ndjson-lines';
import { prepareLine } from './prepare-line';
import { toWire } from './prepared-wire';

/** Worker side of the prepare pool: batches of lines in, prepared lines out (in their wire form), in order. */
parentPort?.on('message', (message: { id: number; lines: NdjsonLine[] }) => {
  parentPort?.postMessage({ id: message.id, prepared: message.lines.map((line) => toWire(prepareLine(line))) });
});
