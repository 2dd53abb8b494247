import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { AppError } from '../../shared/errors';

/** Where an upgrade of an existing store is: about to apply its `step`th of `of` pending migrations. */
export interface UpgradeStep {
  step: number;
  of: number;
}

/**
 * drizzle's SQLite migrator (drizzle-orm/sqlite-core/dialect.js `migrate`), with a word before each migration: on a
 * large store one migration can take minutes, and drizzle's own `migrate` says nothing until all are done. The same
 * bookkeeping table and rows, the same order and the same ONE transaction: a migration that fails rolls every one
 * back, and the store stays as it was. A new store (nothing applied yet) is created without progress.
 */
export function applyMigrations(sqlite: Database.Database, migrationsFolder: string, path: string, onUpgradeStep?: (step: UpgradeStep) => void): void {
  const migrations = readMigrationFiles({ migrationsFolder });
  sqlite.exec('CREATE TABLE IF NOT EXISTS __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  const lastApplied = sqlite.prepare<[], number | null>('SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1').pluck().get();
  const pending = migrations.filter((migration) => lastApplied === undefined || lastApplied === null || Number(lastApplied) < migration.folderMillis);
  if (pending.length === 0) return;
  const upgrading = lastApplied !== undefined && lastApplied !== null;
  const record = sqlite.prepare('INSERT INTO __drizzle_migrations ("hash", "created_at") VALUES (?, ?)');
  sqlite.exec('BEGIN');
  let step = 0;
  try {
    for (const migration of pending) {
      step += 1;
      if (upgrading) onUpgradeStep?.({ step, of: pending.length });
      for (const statement of migration.sql) sqlite.prepare(statement).run();
      record.run(migration.hash, migration.folderMillis);
    }
    sqlite.exec('COMMIT');
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw new AppError(
      'STORE_UPGRADE_FAILED',
      `The case store ${path} could not be upgraded (step ${step} of ${pending.length} failed: ${(error as Error).message}). It was left as it was; tell your administrator.`,
    );
  }
}
