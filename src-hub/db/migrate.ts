/**
 * Applies the migrations drizzle-kit generated into ../migrations, at startup and before serving: all pending
 * ones in one transaction (PostgreSQL DDL is transactional, so a failure leaves the schema as it was), under an
 * advisory lock so that hub processes starting together over one database migrate once.
 * The bookkeeping table is drizzle's own (`drizzle.__drizzle_migrations`), so drizzle-kit's tools agree.
 * A database that has migrations this code does not know is newer than the code and is refused.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { AppError } from '../../shared/errors';
import { inTransaction, queryRows, type HubDb } from './database';
import { MIGRATION_LOCK } from './locks';

export const HUB_MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

export interface MigrationResult {
  /** Migrations applied now. */
  applied: number;
  /** Migrations the database has in total afterwards. */
  total: number;
}

export function hubMigrations(migrationsFolder = HUB_MIGRATIONS_FOLDER): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder });
}

export async function migrateHub(db: HubDb, migrations: readonly MigrationMeta[] = hubMigrations()): Promise<MigrationResult> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${sql.raw(MIGRATION_LOCK.toString())})`);
    await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
    const done = await queryRows<{ created_at: string }>(tx, sql`SELECT created_at::text AS created_at FROM drizzle.__drizzle_migrations`);
    const known = new Set(migrations.map((migration) => String(migration.folderMillis)));
    const unknown = done.filter((row) => !known.has(row.created_at));
    if (unknown.length > 0) {
      throw new AppError(
        'STORE_TOO_NEW',
        `the hub database has ${unknown.length} migration(s) this hub does not know: it was upgraded by a newer hub. Run that version (or newer).`,
      );
    }
    const applied = new Set(done.map((row) => row.created_at));
    let count = 0;
    for (const migration of migrations) {
      if (applied.has(String(migration.folderMillis))) continue;
      for (const statement of migration.sql) {
        if (statement.trim() !== '') await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`);
      count += 1;
    }
    return { applied: count, total: done.length + count };
  });
}
