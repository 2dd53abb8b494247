import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type HubConnection } from '../../src-hub/db/connect';
import { lockDataDir } from '../../src-hub/db/data-dir-lock';
import { queryRows } from '../../src-hub/db/database';
import { hubMigrations, migrateHub } from '../../src-hub/db/migrate';
import { silentLogger } from '../../shared/platform/logger';
import { startHub } from '../../src-hub/start';
import { BACKENDS, freshDatabase, hubClock, type TestDatabase } from './harness';

describe.each(BACKENDS)('hub database (%s)', (backend) => {
  let testDatabase: TestDatabase;
  let database: HubConnection;
  let closed = false;
  beforeAll(async () => {
    testDatabase = await freshDatabase(backend, { empty: true });
    database = await connect(testDatabase.options);
  });
  afterAll(async () => {
    if (!closed) await database?.close();
    await testDatabase?.dispose();
  });

  it('applies the generated migrations once, in one go, and is a no-op afterwards', async () => {
    const migrations = hubMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    const runs = await Promise.all([migrateHub(database.db), migrateHub(database.db)]);
    expect(runs.map((run) => run.applied).sort()).toEqual([0, migrations.length]);
    expect(await migrateHub(database.db)).toEqual({ applied: 0, total: migrations.length });
    const tables = await queryRows<{ name: string }>(
      database.db,
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((table) => table.name)).toEqual(['audit_chain_heads', 'audit_chain_keys', 'audit_chain_refusals', 'audit_entries', 'audit_entry_reports', 'audit_questions', 'audit_report_regions', 'auto_routes', 'elsewhere_questions', 'feed', 'hub_tokens', 'mutation_regions', 'mutation_subjects', 'mutations', 'officer_keys', 'officer_sessions', 'officers', 'purge_key', 'purged_holders', 'purged_reports', 'redaction_compaction_due', 'refused_mutations', 'report_indicators', 'report_revisions', 'reports', 'request_states', 'retention_periods', 'retention_runs', 'subject_reports']);
  });

  it('keeps the feed append-only', async () => {
    await expect(database.db.execute(sql`DELETE FROM feed`)).rejects.toThrow();
    await expect(database.db.execute(sql`UPDATE feed SET reannounce = true`)).rejects.toThrow();
  });

  it('refuses to serve a database that a newer hub has migrated', async () => {
    await migrateHub(database.db);
    await database.db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-the-future', 99999999999999)`);
    await expect(migrateHub(database.db)).rejects.toMatchObject({ code: 'STORE_TOO_NEW' });
    await database.close();
    closed = true;
    await expect(startHub({ database: testDatabase.options, port: 0, clock: hubClock(), logger: silentLogger })).rejects.toMatchObject({
      code: 'STORE_TOO_NEW',
      message: expect.stringMatching(/newer hub/) as unknown,
    });
  });
});

describe('hub data directory lock (embedded PGlite)', () => {
  it('lets one process open a data directory at a time and takes over the lock of a dead one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-hub-lock-'));
    try {
      const release = lockDataDir(dir);
      expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ code: 'STORE_CANNOT_OPEN', message: expect.stringMatching(/in use by process \d+/) as unknown }));
      release();
      expect(existsSync(join(dir, 'hub.lock'))).toBe(false);
      writeFileSync(join(dir, 'hub.lock'), '2147483646');
      lockDataDir(dir)();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
