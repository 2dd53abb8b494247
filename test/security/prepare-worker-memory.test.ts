/**
 * A hostile or broken intake file cannot grow the import's prepare worker until the process dies: the worker's heap
 * is limited, and a record that exhausts it stops the import with a message that names its line, keeps every batch
 * before it and is never read again on the thread that writes the store. The limits here are small (the test's
 * own, passed where the preparer is made); the product's are PREPARE_WORKER_LIMITS.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { NdjsonLine } from '../../shared/intake/ndjson-lines';
import type { Logger } from '../../shared/platform/logger';
import { ImportStoppedError, importNdjson } from '../../src-main/ingest/importer';
import { createWorkerPreparer, IN_THREAD_PAGE_BYTES, inThreadPreparer, PrepareOutOfMemoryError, type LinePreparer } from '../../src-main/ingest/prepare-pool';
import { filedRecord } from '../support/records';
import { openTempStore } from '../support/temp-store';

const SMALL_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };

/** Valid by the contract (unknown fields are kept), under the 4 MB line limit, and over a million objects once parsed. */
const oversized = (): IntakeRecord => ({ ...filedRecord(), evidence: Array.from({ length: 1_200_000 }, () => ({})) });

const ndjson = (records: readonly IntakeRecord[]) => Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]);

const storedIds = (store: ReturnType<typeof openTempStore>['store']) => store.sqlite.prepare('SELECT report_id FROM reports ORDER BY report_id').pluck().all();

describe('the import’s prepare worker has a limited heap', () => {
  it('a record that exhausts it stops the import at its batch, named by its line; the batches before it are kept', async () => {
    const { store, writer } = openTempStore();
    const before = Array.from({ length: 30 }, () => filedRecord());
    const after = Array.from({ length: 10 }, () => filedRecord());
    const events: string[] = [];
    const logger: Logger = { info: (event) => void events.push(event), warn: (event) => void events.push(event), error: (event) => void events.push(event) };
    const preparer = createWorkerPreparer(undefined, { logger, resourceLimits: SMALL_LIMITS, restartDelayMs: () => 100 });
    try {
      const stopped = await importNdjson(ndjson([...before, oversized(), ...after]), writer, { preparer, batchSize: 10 }).catch((error: unknown) => error);
      expect(stopped).toBeInstanceOf(ImportStoppedError);
      expect((stopped as Error).message).toBe(
        'the import stopped: preparing the record on line 31 ran out of memory; intake-report/1 records are far smaller. ' +
          'Nothing from line 31 on was written; the 30 records before it were (30 new, 0 updated, 0 rejected).',
      );
      // Not read again on this thread (which would have imported all 41): the batches before it, whole, and nothing after.
      expect(storedIds(store)).toEqual(before.map((record) => record.reportId).sort());
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(events).toEqual(['prepare.worker_stopped']);

      // What comes next waits for the restarted worker; nothing is read on this thread meanwhile.
      const next = await preparer.prepare([{ number: 1, text: JSON.stringify(filedRecord()), tooLong: false, bytes: 0 }]);
      expect(next).toMatchObject([{ line: 1, ok: true }]);
      expect(events).toEqual(['prepare.worker_stopped', 'prepare.worker_restarted']);
    } finally {
      await preparer.close();
    }
  }, 120_000);

  it('the same limits import a file of ordinary records whole', async () => {
    const { store, writer } = openTempStore();
    const records = Array.from({ length: 41 }, () => filedRecord());
    const preparer = createWorkerPreparer(undefined, { resourceLimits: SMALL_LIMITS });
    try {
      const summary = await importNdjson(ndjson(records), writer, { preparer, batchSize: 10 });
      expect(summary).toMatchObject({ read: 41, imported: 41, rejected: [] });
      expect(storedIds(store)).toEqual(records.map((record) => record.reportId).sort());
    } finally {
      await preparer.close();
    }
  }, 120_000);
});

/** A feed page as the hub sends it, of these records. */
const feedPage = (records: readonly IntakeRecord[]) =>
  JSON.stringify({
    entries: records.map((record, index) => ({ seq: String(index + 1), type: 'report', reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) })),
    cursor: String(records.length),
    hasMore: false,
  });

describe('a feed page asked before the prepare worker is ready', () => {
  it('is read by the worker, under its heap limit, when it is too large to read on the calling thread: an oversized one fails there', async () => {
    const preparer = createWorkerPreparer(undefined, { resourceLimits: SMALL_LIMITS, restartDelayMs: () => 100 });
    try {
      const page = feedPage([filedRecord(), oversized(), filedRecord()]);
      expect(Buffer.byteLength(page)).toBeGreaterThan(IN_THREAD_PAGE_BYTES);
      // Asked at once, while the worker still loads. Before, it was read on this thread, whose heap has no such limit.
      const read = preparer.preparePage(page, () => 50);
      await expect(read).rejects.toBeInstanceOf(PrepareOutOfMemoryError);
      await expect(read).rejects.toThrow('preparing report 2 of a feed page ran out of memory');
    } finally {
      await preparer.close();
    }
  }, 120_000);

  it('the twin: a large ordinary page waits for the same worker and is read whole; a small one is read at once', async () => {
    const preparer = createWorkerPreparer(undefined, { resourceLimits: SMALL_LIMITS });
    try {
      const large = Array.from({ length: 6 }, () => ({ ...filedRecord(), evidence: Array.from({ length: 50_000 }, () => ({ n: 1 })) }));
      const page = feedPage(large);
      expect(Buffer.byteLength(page)).toBeGreaterThan(IN_THREAD_PAGE_BYTES);
      const small = feedPage([filedRecord()]);
      const [largeRead, smallRead] = await Promise.all([preparer.preparePage(page, () => 50), preparer.preparePage(small, () => 50)]);
      expect(largeRead).toMatchObject({ ok: true, prepared: large.map((_, index) => ({ line: index + 1, ok: true })) });
      expect(smallRead).toMatchObject({ ok: true, prepared: [{ ok: true }] });
    } finally {
      await preparer.close();
    }
  }, 120_000);
});

describe('an import batch is bounded in bytes as well as in records', () => {
  /** The preparer of this thread, telling how many bytes each batch it was given held. */
  function measuringPreparer(): { preparer: LinePreparer; batchBytes: number[] } {
    const batchBytes: number[] = [];
    const preparer: LinePreparer = {
      ...inThreadPreparer,
      prepare: (lines: NdjsonLine[]) => {
        batchBytes.push(lines.reduce((sum, line) => sum + line.bytes, 0));
        return inThreadPreparer.prepare(lines);
      },
    };
    return { preparer, batchBytes };
  }

  it('lines near the line limit end a batch at 16 MB, not at 2,500 lines', async () => {
    const { writer } = openTempStore();
    const { preparer, batchBytes } = measuringPreparer();
    const large = Array.from({ length: 12 }, () => ({ ...filedRecord(), attachmentText: 'x'.repeat(3_000_000) }));
    const summary = await importNdjson(ndjson(large), writer, { preparer });
    expect(summary).toMatchObject({ read: 12, imported: 12 });
    expect(batchBytes.length).toBeGreaterThan(1);
    for (const bytes of batchBytes) expect(bytes).toBeLessThan(16 * 1024 * 1024 + 3_100_000);
  });

  it('ordinary records are still batched by count', async () => {
    const { writer } = openTempStore();
    const { preparer, batchBytes } = measuringPreparer();
    const summary = await importNdjson(ndjson(Array.from({ length: 12 }, () => filedRecord())), writer, { preparer });
    expect(summary).toMatchObject({ read: 12, imported: 12 });
    expect(batchBytes).toHaveLength(1);
  });
});
