/**
 * An import's batches share a transaction up to recordsPerTransaction records (src-main/ingest/importer.ts): what
 * another connection sees is whole transactions, and an import that stops keeps every batch before the stop, also
 * those still held open in a transaction then.
 */
import Database from 'better-sqlite3';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { ImportStoppedError, importNdjson } from '../../../src-main/ingest/importer';
import { inThreadPreparer, PrepareOutOfMemoryError, type LinePreparer } from '../../../src-main/ingest/prepare-pool';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const ndjson = (records: readonly IntakeRecord[]) => Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]);

/** Reports another connection sees: only what was committed. */
function committedReports(path: string): number {
  const other = new Database(path, { readonly: true });
  try {
    return other.prepare<[], number>('SELECT count(*) FROM reports').pluck().get()!;
  } finally {
    other.close();
  }
}

/** Reports another connection finds in the text index by `words`. */
function committedMatches(path: string, words: string): number {
  const other = new Database(path, { readonly: true });
  try {
    return other.prepare<[string], number>('SELECT count(*) FROM reports_fts WHERE reports_fts MATCH ?').pluck().get(words)!;
  } finally {
    other.close();
  }
}

/** Prepares in this thread, answering each batch after `seen` says what another connection holds by then. */
function watchingPreparer(path: string, seen: number[], failFromLine?: number): LinePreparer {
  return {
    ...inThreadPreparer,
    prepare: (lines) => {
      seen.push(committedReports(path));
      if (failFromLine !== undefined && lines[0]!.number >= failFromLine) return Promise.reject(new PrepareOutOfMemoryError(null, 'a batch of lines'));
      return inThreadPreparer.prepare(lines);
    },
  };
}

describe('the transactions of an import', () => {
  it('commit every recordsPerTransaction records, in whole batches, and at the end', async () => {
    const { writer, path } = openTempStore();
    const seen: number[] = [];
    const records = Array.from({ length: 50 }, () => filedRecord());
    const summary = await importNdjson(ndjson(records), writer, { batchSize: 5, recordsPerTransaction: 20, preparer: watchingPreparer(path, seen) });
    expect(summary).toMatchObject({ read: 50, imported: 50 });
    // Each batch is asked for two batches ahead of the writer: what was committed when batch n was asked for.
    expect(seen).toEqual([0, 0, 0, 0, 0, 0, 20, 20, 20, 20]);
    expect(committedReports(path)).toBe(50);
  });

  it('one batch each when the caller chose the batches and not the transactions', async () => {
    const { writer, path } = openTempStore();
    const seen: number[] = [];
    await importNdjson(ndjson(Array.from({ length: 20 }, () => filedRecord())), writer, { batchSize: 5, preparer: watchingPreparer(path, seen) });
    expect(seen).toEqual([0, 0, 0, 5]);
    expect(committedReports(path)).toBe(20);
  });

  it('that stops keep the batches before the stop, also those still held in an open transaction', async () => {
    const { writer, path } = openTempStore();
    const records = Array.from({ length: 30 }, () => filedRecord());
    const stopped = await importNdjson(ndjson(records), writer, { batchSize: 5, recordsPerTransaction: 100, preparer: watchingPreparer(path, [], 16) }).catch(
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(ImportStoppedError);
    expect((stopped as ImportStoppedError).firstUnwrittenLine).toBe(16);
    expect(committedReports(path)).toBe(15);
  });

  it('index a report added and revised in different batches of one transaction as its last revision reads, once', async () => {
    const { store, writer, path } = openTempStore();
    const first = filedRecord({ incident: { summary: 'Fiets', narrative: 'Betaald voor een kanariegele fiets.' } });
    const others = Array.from({ length: 9 }, () => filedRecord());
    const revised = { ...first, revision: 2, incident: { summary: 'Fiets', narrative: 'Betaald voor een zeegroene fiets.' } };
    await importNdjson(ndjson([first, ...others, revised]), writer, { batchSize: 5, recordsPerTransaction: 100, preparer: inThreadPreparer });
    expect(committedMatches(path, 'zeegroene')).toBe(1);
    expect(committedMatches(path, 'kanariegele')).toBe(0);
    expect(committedMatches(path, 'betaald')).toBe(10);
    // Against the report rows (external content): every row indexed as it reads, nothing more.
    expect(() => store.sqlite.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });

  it('that stops index the text of the batches kept, and nothing of the batch not written', async () => {
    const { store, writer, path } = openTempStore();
    const records = Array.from({ length: 30 }, () => filedRecord());
    await importNdjson(ndjson(records), writer, { batchSize: 5, recordsPerTransaction: 100, preparer: watchingPreparer(path, [], 16) }).catch(() => undefined);
    expect(committedMatches(path, 'fiets')).toBe(15);
    expect(() => store.sqlite.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });
});
