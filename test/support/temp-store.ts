import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { onTestFinished } from 'vitest';
import type { IntakeRecord } from '../../shared/intake/schema';
import { openStore, type Store } from '../../src-main/db/open-store';
import { importNdjson, type ImportSummary } from '../../src-main/import/importer';
import { fixedClock } from '../../shared/platform/clock';
import { IMPORT_ACTOR } from '../../src-main/store/actor';
import { createReportWriter, type ReportWriter } from '../../src-main/store/report-writer';

export const TEST_CLOCK_START = new Date('2026-11-01T09:00:00Z');

/** A fresh directory removed when the test finishes. */
export function tempDir(prefix = 'puzzelstuk-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TempStore {
  store: Store;
  writer: ReportWriter;
  path: string;
  importText: (text: string) => Promise<ImportSummary>;
  importRecords: (records: readonly IntakeRecord[]) => Promise<ImportSummary>;
}

export function openTempStore(options: { key?: string; path?: string } = {}): TempStore {
  const path = options.path ?? join(tempDir(), 'store.db');
  const clock = fixedClock(TEST_CLOCK_START, 1000);
  const store = openStore({ path, key: options.key, clock });
  onTestFinished(() => store.close());
  const writer = createReportWriter(store, { clock, actor: IMPORT_ACTOR });
  const importText = (text: string) => importNdjson(Readable.from([Buffer.from(text)]), writer, { batchSize: 3 });
  return {
    store,
    writer,
    path,
    importText,
    importRecords: (records) => importText(records.map((record) => JSON.stringify(record)).join('\n') + '\n'),
  };
}
