import type { Readable } from 'node:stream';
import type { ReportInput, ReportWriter } from './report-writer';
import { readNdjsonLines, type NdjsonLine } from '../../shared/intake/ndjson-lines';
import { inThreadPreparer, UnpreparableRequestError, type LinePreparer } from './prepare-pool';
import type { PreparedLine } from './prepare-line';
import { PURGED_REPORT_REASON } from '../../shared/retention/tombstone';

export interface RejectedLine {
  line: number;
  reason: string;
}

/** The summary `import` prints; the hub's intake answers with the same shape (without walNotEmptied). */
export interface ImportSummary {
  read: number;
  imported: number;
  updated: number;
  ignored: number;
  rejected: RejectedLine[];
  /**
   * Only when text a withdrawal removed is still in the store's write-ahead log at the end (another program kept it
   * busy): why, and what to do. The next import, the retention run or the workstation's start empties it.
   */
  walNotEmptied?: string;
}

export interface ImportProgress {
  lines: number;
  bytes: number;
}

export interface ImportOptions {
  /**
   * Whole records per transaction: bigger is faster, smaller loses less work to a crash (none is ever half-applied).
   * The first batches are smaller, so the writer need not wait long for the preparer to finish the first one.
   */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Records a transaction takes at most, in whole batches: the batches before are kept open in it (report-writer.ts
   * applyBatch). Without it: DEFAULT_RECORDS_PER_TRANSACTION with the default batches, one batch each with a chosen size.
   */
  recordsPerTransaction?: number;
  /** Where lines are parsed, validated and extracted; a worker thread for big files. */
  preparer?: LinePreparer;
  /**
   * Reports a deferral may leave to be counted before the import settles it (and a new deferral starts with the next
   * batch): a settle counts them all in one transaction holding the writer's lock, so this bounds it. Counted while
   * the writer waits (keptCountsWhileWaiting), they stay fewer, and an import with such waits settles only at its end.
   */
  keptCountsSettleEvery?: number;
  /**
   * While the writer waits for a batch still being prepared it counts deferred reports for the overview: `step`
   * report ids at a time, never the newest `leftDeferred`. Defaults KEPT_COUNTS_STEP and KEPT_COUNTS_LEFT_DEFERRED.
   */
  keptCountsWhileWaiting?: { step: number; leftDeferred: number };
}

/**
 * Same-import revisions across batches are what one deferral saves; 50k reports keep a settle's transaction to a
 * fraction of a second's worth of grouping at 1M instead of one over every report of the import.
 */
export const KEPT_COUNTS_SETTLE_EVERY = 50_000;

/**
 * While the writer waits for its next prepared batch it counts the deferred reports for the overview, this many
 * report ids a step (about 15 ms; the batch is taken up after the step it became ready in), and until the file is
 * read never the newest KEPT_COUNTS_LEFT_DEFERRED: a revision of a report counted already passes the kept counts' triggers, and in the
 * bench's 100k records half the revisions come within 1,114 records of their report, nine in ten within 6,665.
 */
const KEPT_COUNTS_STEP = 1000;
const KEPT_COUNTS_LEFT_DEFERRED = 10_000;

/** The rest of this turn of the event loop: a prepared batch's answer from the worker is taken in first. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Once the file is read, a deferral over at least this share of keptCountsSettleEvery is settled before the last
 * batches are applied, while the preparer still works on them: settled after them, its grouping (about a second per
 * 50k reports) is time the import's end waits for alone. The settle after the last batches then counts only theirs.
 */
const SETTLE_BEFORE_LAST_BATCHES_FROM = 1 / 4;

/**
 * The import stopped at a batch it could not prepare (the worker ran out of memory on it, or hung on it twice):
 * everything before the batch is in the store (whole
 * transactions), nothing from it on. The message is for the person who imports; it names lines, never a value.
 */
export class ImportStoppedError extends Error {
  constructor(
    readonly firstUnwrittenLine: number,
    readonly written: ImportSummary,
    cause: UnpreparableRequestError,
  ) {
    const where = cause.line === null ? `lines ${firstUnwrittenLine} and after` : `the record on line ${cause.line}`;
    super(
      `the import stopped: preparing ${where} ${cause.outcome}; ${cause.unlikeRecords}. ` +
        `Nothing from line ${firstUnwrittenLine} on was written; the ${written.read} records before it were (${written.imported} new, ${written.updated} updated, ${written.rejected.length} rejected).`,
    );
    this.name = 'ImportStoppedError';
  }
}

export function emptySummary(): ImportSummary {
  return { read: 0, imported: 0, updated: 0, ignored: 0, rejected: [] };
}

/**
 * A commit writes every page its batch touched (index pages, one FTS segment): 2,500 records a transaction write
 * far fewer pages per record than 1,000. 5,000 gain a little more, but hold twice as many records in memory.
 */
const DEFAULT_BATCH_SIZE = 2500;

/**
 * Four default batches a transaction: a commit writes each page its batches touched once, and the text index of a
 * report the transaction adds and revises is written once (report-writer.ts openHeld), so 10,000 records a commit
 * cost the writer less than 5,000 (100k records, two side-by-side pairs: 25.5 and 25.2 s writer CPU instead of 27.0
 * and 26.2; peak RSS 635 and 661 MiB instead of 680 and 633, within its noise; 20k: 7 % fewer bytes written), while
 * memory holds 2,500-record batches. The writer's lock is held twice as long (about 3.6 s quiet): another
 * connection's write waits for it (busy_timeout 5 s).
 */
const DEFAULT_RECORDS_PER_TRANSACTION = 10_000;
const FIRST_BATCH_SIZE = 1000;

/**
 * A batch also ends at this many bytes: 2,500 contract records take ~4 MB, but lines near the 4 MB line limit would
 * make a batch of gigabytes, held here and in the preparer at once.
 */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

/** Batches of lines, read ahead of the writer; they double in size from the first until `size` (or MAX_BATCH_BYTES). */
async function* lineBatches(source: Readable, size: number): AsyncGenerator<{ lines: NdjsonLine[]; bytes: number }> {
  let lines: NdjsonLine[] = [];
  let bytes = 0;
  let next = Math.min(FIRST_BATCH_SIZE, size);
  for await (const line of readNdjsonLines(source)) {
    lines.push(line);
    bytes += line.bytes;
    if (lines.length >= next || bytes >= MAX_BATCH_BYTES) {
      yield { lines, bytes };
      lines = [];
      bytes = 0;
      next = Math.min(next * 2, size);
    }
  }
  if (lines.length > 0) yield { lines, bytes };
}

/**
 * Batches handed to the preparer before the writer takes the oldest: while the writer applies one, the preparer
 * always has the next queued behind the one it works on, so it never waits for the writer to read more lines.
 */
const BATCHES_AHEAD = 2;

/**
 * Streams NDJSON intake records into the store in bounded memory; bad lines are listed, good ones applied.
 * While the writer applies one batch, the preparer already works on the next ones.
 */
export async function importNdjson(source: Readable, writer: ReportWriter, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const settleEvery = options.keptCountsSettleEvery ?? KEPT_COUNTS_SETTLE_EVERY;
  const whileWaiting = options.keptCountsWhileWaiting ?? { step: KEPT_COUNTS_STEP, leftDeferred: KEPT_COUNTS_LEFT_DEFERRED };
  const perTransaction = options.recordsPerTransaction ?? (options.batchSize === undefined ? DEFAULT_RECORDS_PER_TRANSACTION : batchSize);
  let readAtLastCommit = 0;
  const preparer = options.preparer ?? inThreadPreparer;
  const summary = emptySummary();
  let bytes = 0;

  const apply = (prepared: PreparedLine[]) => {
    const inputs: ReportInput[] = [];
    const inputLines: number[] = [];
    for (const line of prepared) {
      if (line.ok === 'blank') continue;
      summary.read += 1;
      if (line.ok) {
        inputs.push(line.input);
        inputLines.push(line.line);
      } else summary.rejected.push({ line: line.line, reason: line.reason });
    }
    if (inputs.length === 0) return;
    const keepOpen = summary.read - readAtLastCommit < perTransaction;
    writer.applyBatch(inputs, keepOpen).forEach((outcome, index) => {
      if (outcome === 'purged') summary.rejected.push({ line: inputLines[index]!, reason: PURGED_REPORT_REASON });
      else summary[outcome] += 1;
    });
    if (!keepOpen) readAtLastCommit = summary.read;
    if (writer.keptCountsOwed() >= settleEvery) settle();
  };

  /** The batches held open committed, then the kept counts settled over them (a settle counts only what is committed). */
  const settle = () => {
    writer.commitHeld();
    readAtLastCommit = summary.read;
    writer.settleKeptCounts();
  };

  const ahead: Array<{ prepared: Promise<PreparedLine[]>; ready: boolean; bytes: number; firstLine: number }> = [];
  let leftDeferred = whileWaiting.leftDeferred;
  /** Counts deferred reports for the overview until `batch` is prepared (or nothing more may be counted). */
  const countWhilePreparing = async (batch: (typeof ahead)[number]) => {
    while (!batch.ready && writer.countDeferredSlice(whileWaiting.step, leftDeferred)) await nextTurn();
  };
  const applyOldest = async () => {
    const oldest = ahead.shift()!;
    await countWhilePreparing(oldest);
    apply(
      await oldest.prepared.catch((error: unknown) => {
        throw error instanceof UnpreparableRequestError ? new ImportStoppedError(oldest.firstLine, summary, error) : error;
      }),
    );
    bytes += oldest.bytes;
    options.onProgress?.({ lines: summary.read, bytes });
  };
  try {
    for await (const batch of lineBatches(source, batchSize)) {
      const next = { prepared: preparer.prepare(batch.lines), ready: false, bytes: batch.bytes, firstLine: batch.lines[0]!.number };
      // Awaited in applyOldest; until then a failure must not count as unhandled.
      next.prepared.then(
        () => (next.ready = true),
        () => (next.ready = true),
      );
      ahead.push(next);
      if (ahead.length > BATCHES_AHEAD) await applyOldest();
    }
    // The file is read: only the last batches can still revise a report, so the waits count every deferred report,
    // and what the wait for the next one leaves is settled while the preparer works on them.
    leftDeferred = 0;
    if (ahead.length > 0) await countWhilePreparing(ahead[0]!);
    if (writer.keptCountsOwed() >= settleEvery * SETTLE_BEFORE_LAST_BATCHES_FROM) settle();
    while (ahead.length > 0) await applyOldest();
  } finally {
    // The last batches committed (also those applied before the import stopped) and their reports counted for the
    // overview in one go. A failed settle is logged, not thrown: the import's own error (if any) is the one the
    // caller sees.
    try {
      writer.commitHeld();
    } finally {
      writer.settleKeptCounts();
    }
  }
  const unsettled = writer.settleAfterImport();
  if (unsettled) summary.walNotEmptied = `text removed by a withdrawal is still in the store's write-ahead log: ${unsettled.message}`;
  return summary;
}
