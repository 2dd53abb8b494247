/**
 * Upgrading a store says where it is (the start screen shows "stap 2 van 3"; one migration can take minutes on a
 * large store), and a migration that fails leaves the store exactly as it was, with a message that says so.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UpgradeStep } from '../../../src-main/db/apply-migrations';
import { openStore } from '../../../src-main/db/open-store';
import { readJournal } from '../../../src-main/db/store-version';
import { filedRecord } from '../../support/records';
import { migrationsBefore } from '../../support/older-migrations';
import { PROJECT_ROOT } from '../../support/paths';
import { openTempStore, tempDir } from '../../support/temp-store';

const MIGRATIONS = join(PROJECT_ROOT, 'migrations');
const FIRST_UPGRADE = '0043_mention_field_codes';

/** This release's migrations and, after them, `extra` as the next release's (tag → SQL). */
function migrationsWith(extra: Record<string, string>): string {
  const folder = join(tempDir(), 'migrations');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }> };
  for (const [tag, sql] of Object.entries(extra)) {
    const last = journal.entries.at(-1)!;
    journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
    writeFileSync(join(folder, `${tag}.sql`), sql);
  }
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('upgrading a store, step by step', () => {
  it('tells each step of an older store’s upgrade, in order, and nothing when it creates a store', () => {
    const path = join(tempDir(), 'old.db');
    openStore({ path, migrationsFolder: migrationsBefore(FIRST_UPGRADE) }).close();
    const entries = readJournal(MIGRATIONS).entries;
    const pending = entries.length - entries.findIndex((entry) => entry.tag === FIRST_UPGRADE);
    expect(pending).toBeGreaterThanOrEqual(3);

    const steps: UpgradeStep[] = [];
    const upgraded = openStore({ path, onUpgradeStep: (step) => steps.push(step) });
    expect(steps).toEqual(Array.from({ length: pending }, (_, index) => ({ step: index + 1, of: pending })));
    expect(upgraded.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(entries.length);
    upgraded.close();

    // Up to date: nothing to tell. A new store is created, not upgraded: nothing either.
    openStore({ path, onUpgradeStep: (step) => steps.push(step) }).close();
    openStore({ path: join(tempDir(), 'new.db'), onUpgradeStep: (step) => steps.push(step) }).close();
    expect(steps).toHaveLength(pending);
  });

  it('rolls a failed upgrade back whole, says which step failed and why, and loses nothing', async () => {
    const { store, path, importRecords } = openTempStore();
    const record = filedRecord({ incident: { summary: 'Nepwebwinkel', narrative: 'Betaald, nooit geleverd.' } });
    await importRecords([record]);
    store.close();
    const broken = migrationsWith({
      '9998_probe_table': 'CREATE TABLE upgrade_probe (id integer PRIMARY KEY);',
      '9999_broken': "UPDATE reports SET summary = 'overschreven';\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);",
    });
    const steps: UpgradeStep[] = [];
    let failure: unknown;
    try {
      openStore({ path, migrationsFolder: broken, onUpgradeStep: (step) => steps.push(step) });
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ code: 'STORE_UPGRADE_FAILED', message: expect.stringMatching(/could not be upgraded \(step 2 of 2 failed: no such table: no_such_table\)\. It was left as it was/) as unknown });
    expect(steps).toEqual([{ step: 1, of: 2 }, { step: 2, of: 2 }]);

    // Its honest twin: the same store opens with this release's migrations, every bit as it was.
    const reopened = openStore({ path });
    const { sqlite } = reopened;
    expect(sqlite.prepare('SELECT summary FROM reports WHERE report_id = ?').pluck().get(record.reportId)).toBe('Nepwebwinkel');
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'upgrade_probe'").pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(readJournal(MIGRATIONS).entries.length);
    reopened.close();
  });
});
