/**
 * An import batch's WAL settle comes after its commit (src-main/ingest/report-writer.ts). When the WAL cannot be
 * emptied then — another connection reads the store — the batch is still written, and the import answers it as
 * written: the failure is logged by its kind, the truncation stays owed, later batches try once without waiting, the
 * import's end waits once more, and its summary says the removed text is still in the WAL. The next import empties it.
 */
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../shared/platform/clock';
import type { LogFields, Logger } from '../../shared/platform/logger';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { IMPORT_ACTOR } from '../../src-main/audit/actor';
import { importNdjson, type ImportOptions } from '../../src-main/ingest/importer';
import { createReportWriter } from '../../src-main/ingest/report-writer';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord, withdrawal } from '../support/records';
import { tempDir } from '../support/temp-store';
import type { IntakeRecord } from '../../shared/intake/schema';
import { holdReader } from '../support/wal-reader';

const phrase = 'Okapistraat negenenveertig achter de molen';

/** A store holding a report that quotes `phrase`, an import that logs into `lines`, and the report's withdrawal. */
async function storeBeforeWithdrawal() {
  const path = join(tempDir(), 'store.db');
  const clock = fixedClock(new Date('2026-11-01T09:00:00Z'), 1000);
  const store = openCaseStore({ path, clock });
  // A TRUNCATE checkpoint meets the reader below at once instead of after the default 5 s busy wait.
  store.sqlite.pragma('busy_timeout = 20');
  const lines: Array<{ event: string; fields?: LogFields }> = [];
  const logger: Logger = { info: () => undefined, warn: (event, fields) => lines.push({ event, fields }), error: (event, fields) => lines.push({ event, fields }) };
  const writer = createReportWriter(store, { clock, actor: IMPORT_ACTOR, logger });
  const importRecords = (records: IntakeRecord[], options: ImportOptions = {}) =>
    importNdjson(Readable.from([Buffer.from(records.map((record) => `${JSON.stringify(record)}\n`).join(''))]), writer, options);
  const report = filedRecord({ reporter: { type: 'person', name: 'Gerbranda Zeldzaamnaam' }, incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${phrase} en betaalde vooruit.` } });
  expect((await importRecords([report])).imported).toBe(1);
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const status = () => store.sqlite.prepare<[string], string>('SELECT status FROM reports WHERE report_id = ?').pluck().get(report.reportId);
  return { path, store, lines, importRecords, report, status };
}

describe('an import batch whose WAL cannot be emptied after its commit', () => {
  it('is answered as written; later batches do not wait for the WAL, and the summary says the removed text is still in it', async () => {
    const { path, store, lines, importRecords, report, status } = await storeBeforeWithdrawal();
    const truncations = vi.spyOn(store.sqlite, 'pragma');
    const tries = () => truncations.mock.calls.filter(([pragma]) => pragma === 'wal_checkpoint(TRUNCATE)').length;
    const triesAfterBatch: number[] = [];
    const release = holdReader(path);
    // Before: the settle's CONFLICT rejected the import, for a batch that was written.
    const summary = await importRecords([withdrawal(report, 2), filedRecord(), filedRecord(), filedRecord()], { batchSize: 1, onProgress: () => void triesAfterBatch.push(tries()) });
    expect(summary).toMatchObject({ read: 4, imported: 3, updated: 1, rejected: [] });
    expect(summary.walNotEmptied).toMatch(/^text removed by a withdrawal is still in the store's write-ahead log: .*Close other programs using the store/);
    expect(status()).toBe('withdrawn');
    // The first batch tried for checkpointTruncate's patience; each later one once (before: as long again, each).
    const perBatch = triesAfterBatch.map((count, index) => count - (triesAfterBatch[index - 1] ?? 0));
    expect(perBatch[0]).toBeGreaterThan(1);
    expect(perBatch.slice(1)).toEqual([1, 1, 1]);
    // The end waited once more, as long as the first batch.
    expect(tries() - triesAfterBatch[3]!).toBeGreaterThan(1);
    expect(lines).toEqual([
      { event: 'import.wal_not_emptied', fields: { error: 'CONFLICT' } },
      { event: 'import.wal_not_emptied', fields: { error: 'CONFLICT' } },
    ]);
    // Still owed: the redacted words are in the WAL until the reader lets go.
    expect(storeFilesHold(path, phrase)).toBe(true);

    release();
    const next = await importRecords([filedRecord()]);
    expect(next.imported).toBe(1);
    expect(next).not.toHaveProperty('walNotEmptied');
    for (const text of [phrase, 'Zeldzaamnaam']) expect(storeFilesHold(path, text)).toBe(false);
    expect(lines).toHaveLength(2);
    store.close();
  }, 90_000);

  it('the twin: with nobody reading, the same batch empties the WAL at once and logs nothing', async () => {
    const { path, store, lines, importRecords, report, status } = await storeBeforeWithdrawal();
    const summary = await importRecords([withdrawal(report, 2), filedRecord()]);
    expect(summary).toMatchObject({ read: 2, imported: 1, updated: 1, rejected: [] });
    expect(summary).not.toHaveProperty('walNotEmptied');
    expect(status()).toBe('withdrawn');
    for (const text of [phrase, 'Zeldzaamnaam']) expect(storeFilesHold(path, text)).toBe(false);
    expect(lines).toEqual([]);
    store.close();
  });
});
