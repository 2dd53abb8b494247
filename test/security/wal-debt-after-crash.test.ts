/**
 * A withdrawal's removed text is in the WAL until the WAL is emptied after its transaction. A process that dies in
 * between (a first sync's page, a crash) must not leave it there for good: the debt is kept in the store, and the
 * next start, retention run or settle empties the WAL — while a WAL that owes nothing is left alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { IMPORT_ACTOR } from '../../src-main/audit/actor';
import { settleOwedWalTruncation } from '../../src-main/db/owed-wal-truncation';
import { createReportWriter } from '../../src-main/ingest/report-writer';
import { runRetention } from '../../src-main/retention/retention-run';
import { fixedClock } from '../../shared/platform/clock';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';

const PHRASE = 'Wilhelmina Zonnebloemstraat-Kwak';
const clock = fixedClock(new Date('2026-11-01T09:00:00Z'), 1000);

function withdrawnThenDied(): string {
  const path = join(tempDir(), 'store.db');
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support/withdraw-then-die.ts'), path, PHRASE], { stdio: 'pipe' });
  // What the dead process left: the phrase in the WAL (secure_delete zeroed it in the pages the withdrawal rewrote).
  expect(readFileSync(`${path}-wal`).includes(PHRASE)).toBe(true);
  return path;
}

const walHolds = (path: string) => existsSync(`${path}-wal`) && readFileSync(`${path}-wal`).includes(PHRASE);

describe('a withdrawal whose process died before it emptied the WAL', () => {
  it('is emptied by the next retention run, even one that purges nothing', () => {
    const path = withdrawnThenDied();
    const store = openCaseStore({ path, clock });
    const outcome = runRetention(store.sqlite, { asOf: '2026-11-01', at: '2026-11-01T03:00:00Z', actor: 'system:retention' });
    expect(outcome.purged).toBe(0);
    expect(walHolds(path)).toBe(false);
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(readFileSync(path).includes(PHRASE)).toBe(false);
    store.sqlite.close();
  });

  it('is emptied by the next batch’s settle, and then owes nothing more', () => {
    const path = withdrawnThenDied();
    const store = openCaseStore({ path, clock });
    const writer = createReportWriter(store, { clock, actor: IMPORT_ACTOR });
    const input = (record: ReturnType<typeof filedRecord>) => ({ record, raw: JSON.stringify(record) });
    writer.applyBatch([input(filedRecord())]);
    expect(walHolds(path)).toBe(false);
    expect(readFileSync(path).includes(PHRASE)).toBe(false);
    // Owed no more: the next settle leaves the WAL alone.
    writer.applyBatch([input(filedRecord())]);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    expect(settleOwedWalTruncation(store.sqlite)).toBe(false);
    store.sqlite.close();
  });

  it('the twin: a store whose removals were all emptied owes nothing, and its WAL is left as it is', () => {
    const path = join(tempDir(), 'store.db');
    const store = openCaseStore({ path, clock });
    const writer = createReportWriter(store, { clock, actor: IMPORT_ACTOR });
    const record = filedRecord();
    writer.applyBatch([{ record, raw: JSON.stringify(record) }]);
    const walBytes = statSync(`${path}-wal`).size;
    expect(walBytes).toBeGreaterThan(0);
    expect(settleOwedWalTruncation(store.sqlite)).toBe(false);
    expect(statSync(`${path}-wal`).size).toBe(walBytes);
    store.sqlite.close();
  });
});
