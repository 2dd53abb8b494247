import type { Readable } from 'node:stream';
import { parseIntakeLine } from '../../shared/intake/parse';
import type { ReportInput, ReportWriter } from '../store/report-writer';
import { readNdjsonLines } from './ndjson-lines';

export interface RejectedLine {
  line: number;
  reason: string;
}

/** The summary `import` prints; the hub's intake answers with the same shape. */
export interface ImportSummary {
  read: number;
  imported: number;
  updated: number;
  ignored: number;
  rejected: RejectedLine[];
}

export interface ImportProgress {
  lines: number;
  bytes: number;
}

export interface ImportOptions {
  /** Whole records per transaction: bigger is faster, smaller loses less work to a crash (none is ever half-applied). */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export function emptySummary(): ImportSummary {
  return { read: 0, imported: 0, updated: 0, ignored: 0, rejected: [] };
}

/** Streams NDJSON intake records into the store in bounded memory; bad lines are listed, good ones applied. */
export async function importNdjson(source: Readable, writer: ReportWriter, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const summary = emptySummary();
  let batch: ReportInput[] = [];
  let bytes = 0;

  const flush = () => {
    if (batch.length === 0) return;
    for (const outcome of writer.applyBatch(batch)) summary[outcome] += 1;
    batch = [];
    options.onProgress?.({ lines: summary.read, bytes });
  };

  for await (const line of readNdjsonLines(source)) {
    bytes += Buffer.byteLength(line.text) + 1;
    if (line.tooLong) {
      summary.read += 1;
      summary.rejected.push({ line: line.number, reason: 'the line is longer than 4 MB; a record is never that large' });
      continue;
    }
    if (line.text.trim() === '') continue;
    summary.read += 1;
    const parsed = parseIntakeLine(line.text);
    if (!parsed.ok) {
      summary.rejected.push({ line: line.number, reason: parsed.reason });
      continue;
    }
    batch.push({ record: parsed.record, raw: line.text });
    if (batch.length >= batchSize) flush();
  }
  flush();
  return summary;
}
