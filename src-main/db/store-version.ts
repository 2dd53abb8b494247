import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

interface Journal {
  entries: Array<{ tag: string; when: number }>;
}

export function readJournal(migrationsFolder: string): Journal {
  try {
    return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  } catch (error) {
    throw new AppError('STORE_CANNOT_OPEN', `The store's migrations could not be read from ${migrationsFolder}: ${(error as Error).message}`);
  }
}

/** Refuses a store that has migrations this code does not know: running old code on it could corrupt it. */
export function assertStoreNotNewer(sqlite: Database.Database, migrationsFolder: string, path: string): void {
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`)
    .get();
  if (!hasTable) return;
  const latestApplied = sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null };
  const journal = readJournal(migrationsFolder);
  const latestKnown = Math.max(0, ...journal.entries.map((entry) => entry.when));
  if (latestApplied.at !== null && Number(latestApplied.at) > latestKnown) {
    throw new AppError(
      'STORE_TOO_NEW',
      `The case store ${path} was written by a newer version of Puzzelstuk. Update Puzzelstuk to open it; it was left untouched.`,
    );
  }
}
