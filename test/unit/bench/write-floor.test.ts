import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateReports } from '../../../src-generator';
import { openTempStore, tempDir } from '../../support/temp-store';

const FLOOR_CHILD = fileURLToPath(new URL('../../../bench/core/write-floor-child.ts', import.meta.url));
const TABLES = ['reports', 'report_revisions', 'indicators', 'mentions', 'audit_log', 'clusters'];

/** What a store holds, table by table, and what its text index finds. */
function contents(path: string) {
  const sqlite = new Database(path, { readonly: true });
  try {
    const tables = Object.fromEntries(
      TABLES.map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ${table === 'audit_log' ? '' : 'ORDER BY 1, 2'}`).raw().all()]),
    );
    const audit = (tables.audit_log as unknown[][]).map((row) => row.slice(1));
    const found = sqlite.prepare("SELECT rowid FROM reports_fts WHERE reports_fts MATCH 'betaald' ORDER BY rowid").pluck().all();
    return { ...tables, audit_log: audit, found };
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
    expect(contents(floorPath)).toEqual(imported);
  });
});
