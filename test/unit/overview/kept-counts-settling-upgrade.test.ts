/**
 * The settle counts the indicator and shape days from the pairs of a report and an indicator it names, made once in
 * `kept_counts_settling` (migration kept_counts_settling_pairs), and every grouping from the reports it counts, read
 * once into `kept_counts_settling_reports` (kept_counts_settling_reports). A store from before either — with the
 * deferral a crash left — is upgraded when opened and settled by the new trigger, exactly; neither table outlives
 * the settle.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { fixedClock } from '../../../shared/platform/clock';
import { openCaseStore } from '../../../src-main/app/open-case-store';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { openStore } from '../../../src-main/db/open-store';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { migrationsBefore } from '../../support/older-migrations';
import { filedRecord, IBANS } from '../../support/records';
import { openTempStore, tempDir, TEST_CLOCK_START } from '../../support/temp-store';
import { fromScratch, groupsFromScratch, kept, keptGroups } from './kept-recount';

const input = (record: IntakeRecord) => ({ record, raw: JSON.stringify(record) });
const deferrals = (sqlite: Database.Database) => sqlite.prepare('SELECT count(*) FROM kept_counts_deferral').pluck().get();
const pairsLeft = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT (SELECT count(*) FROM kept_counts_settling) + (SELECT count(*) FROM kept_counts_settling_reports)').pluck().get();
const hasTable = (sqlite: Database.Database, name: string) => sqlite.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name) !== undefined;
const exact = (sqlite: Database.Database) => {
  expect(kept(sqlite)).toEqual(fromScratch(sqlite));
  expect(keptGroups(sqlite)).toEqual(groupsFromScratch(sqlite));
};

/** Reports naming one account twice (paid to it and named as the suspect's) and two phones of one number range. */
function reportsNamingTwice(count: number): IntakeRecord[] {
  const accounts = [IBANS.muleA, IBANS.muleB, IBANS.muleC] as const;
  return Array.from({ length: count }, (_, index) =>
    filedRecord({
      receivedAt: `2026-03-${String(1 + (index % 9)).padStart(2, '0')}T${String((index * 5) % 24).padStart(2, '0')}:15:00Z`,
      payments: [{ amount: `${20 + index}.00`, currency: 'EUR', beneficiaryAccount: accounts[index % 3]! }],
      suspect: { bankAccounts: [accounts[index % 3]!], phoneNumbers: ['+31612345678', `+3161234${String(5000 + index)}`] },
    }),
  );
}

describe('the settle counts from the pairs made once', () => {
  it.each([
    ['the pairs table', '_kept_counts_settling_pairs', 'kept_counts_settling'],
    ['the reports table', '_kept_counts_settling_reports', 'kept_counts_settling_reports'],
  ])('upgrades a store a crash left with a deferral before %s, and its opening settles it exactly', (_, before, table) => {
    const path = join(tempDir(), 'old.db');
    const clock = fixedClock(TEST_CLOCK_START, 1000);
    const old = openStore({ path, migrationsFolder: migrationsBefore(before) });
    expect(hasTable(old.sqlite, table)).toBe(false);
    const writer = createReportWriter(old, { clock, actor: IMPORT_ACTOR });
    const reports = reportsNamingTwice(10);
    // An earlier import, settled by the old trigger; then two batches of another, the second revising the first's.
    writer.applyBatch(reports.slice(0, 4).map(input));
    expect(writer.settleKeptCounts()).toBeNull();
    writer.applyBatch(reports.slice(4, 8).map(input));
    writer.applyBatch([...reports.slice(8), { ...reports[5]!, revision: 2, receivedAt: '2026-03-20T23:30:00Z' }].map(input));
    expect(deferrals(old.sqlite)).toBe(1);
    old.close();

    const reopened = openCaseStore({ path, clock });
    try {
      expect(hasTable(reopened.sqlite, table)).toBe(true);
      expect(deferrals(reopened.sqlite)).toBe(0);
      expect(pairsLeft(reopened.sqlite)).toBe(0);
      exact(reopened.sqlite);
    } finally {
      reopened.close();
    }
  });

  it('counts an indicator a report names in several fields once, a shape two of its indicators share once, and leaves no pair', async () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    await temp.importRecords(reportsNamingTwice(12));
    expect(pairsLeft(sqlite)).toBe(0);
    exact(sqlite);
    // Each report once per account and once for its number range, though it names each twice.
    const perReport = sqlite
      .prepare("SELECT sum(reports) FROM indicator_day_counts d JOIN indicators i ON i.id = d.indicator_id WHERE i.type = 'iban'")
      .pluck()
      .get();
    expect(perReport).toBe(12);
    expect(sqlite.prepare("SELECT sum(reports) FROM shape_day_counts WHERE kind = 'phone-range'").pluck().get()).toBe(12);
  });
});
