import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { onTestFinished } from 'vitest';
import type { IntakeRecord } from '../../shared/intake/schema';
import { openCaseStore } from '../../src-main/app/open-case-store';
import type { CaseStore } from '../../src-main/db/open-store';
import { importNdjson, type ImportSummary } from '../../src-main/ingest/importer';
import { fixedClock } from '../../shared/platform/clock';
import { IMPORT_ACTOR } from '../../src-main/audit/actor';
import { createReportWriter, type ReportWriter } from '../../src-main/ingest/report-writer';

export const TEST_CLOCK_START = new Date('2026-11-01T09:00:00Z');

/** A fresh directory removed when the test finishes. */
export function tempDir(prefix = 'puzzelstuk-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TempStore {
  store: CaseStore;
  writer: ReportWriter;
  path: string;
  importText: (text: string) => Promise<ImportSummary>;
  importRecords: (records: readonly IntakeRecord[]) => Promise<ImportSummary>;
}

export function openTempStore(options: { key?: string; path?: string } = {}): TempStore {
  const path = options.path ?? join(tempDir(), 'store.db');
  const clock = fixedClock(TEST_CLOCK_START, 1000);
  const store = openCaseStore({ path, key: options.key, clock });
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
