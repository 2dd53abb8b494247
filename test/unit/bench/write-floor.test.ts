import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateReports } from '../../../src-generator';
import { openTempStore, tempDir } from '../../support/temp-store';

const FLOOR_CHILD = fileURLToPath(new URL('../../../bench/core/write-floor-child.ts', import.meta.url));
const SEEDED_AT_OPENING = ['__drizzle_migrations', 'store_meta', 'benign_values', 'directory_entries', 'routing_rules'].map((name) => `'${name}'`).join(', ');

/**
 * What a store holds: every table's rows in one order (the text index's own tables aside: its segments depend on how
 * it was written; the defaults seeded when a store opens, which carry that moment), what its text index finds and for
 * how many reports it holds a row, and the audit chain's head.
 */
function contents(path: string) {
  const sqlite = new Database(path, { readonly: true });
  try {
    const names = sqlite
      .prepare<[], string>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'reports_fts%' AND name NOT IN (${SEEDED_AT_OPENING})`,
      )
      .pluck()
      .all();
    const tables = Object.fromEntries(names.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}"`).raw().all().map((row) => JSON.stringify(row)).sort()]));
    const found = sqlite.prepare("SELECT rowid FROM reports_fts WHERE reports_fts MATCH 'betaald' ORDER BY rowid").pluck().all();
    const indexed = sqlite.prepare('SELECT count(*) FROM reports_fts_docsize').pluck().get();
    const auditHead = sqlite.prepare("SELECT value FROM store_meta WHERE key = 'audit_head'").pluck().get();
    return { tables, found, indexed, auditHead };
  } finally {
    sqlite.close();
  }
}

describe("the bench's write floor", () => {
  it('writes exactly the rows of the finished import into a fresh store', async () => {
    const { store, importRecords, path } = openTempStore();
    await importRecords([...generateReports(400, { seed: 7 })]);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const floorPath = join(tempDir(), 'floor.db');

    const output = execFileSync(process.execPath, ['--import', 'tsx', FLOOR_CHILD, path, floorPath], { encoding: 'utf8' });

    const result = JSON.parse(output.trim().split('\n').pop()!) as { records: number; rate: number };
    expect(result.records).toBe(store.sqlite.prepare('SELECT count(*) FROM report_revisions').pluck().get());
    expect(result.rate).toBeGreaterThan(0);
    const imported = contents(path);
    expect(imported.found.length).toBeGreaterThan(0);
    // The overview's kept counts are rows of the finished import too.
    expect(imported.tables.indicator_day_counts!.length).toBeGreaterThan(0);
    expect(contents(floorPath)).toEqual(imported);
  });
});
