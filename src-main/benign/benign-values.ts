import type Database from 'better-sqlite3';
import type { Actor } from '../audit/actor';
import type { BenignEntry } from './benign-matcher';

/**
 * The `benign_values` table: every read and write of it stands here (src-main/README.md, "Who owns which
 * table"). What a change means for indicators and clusters is benign-list.ts's; who may change it, the services'.
 */
export interface BenignListEntry extends BenignEntry {
  addedBy: string;
  addedAt: string;
}

/** Per connection, how often the list was written (or may have been: a transaction can still roll back). */
const writesOf = new WeakMap<Database.Database, number>();
const wrote = (sqlite: Database.Database) => writesOf.set(sqlite, (writesOf.get(sqlite) ?? 0) + 1);

/**
 * Whether the list may have changed since a reader last read it: this connection's count of writes, which moves with
 * every write through this module. Another connection's commits show in `PRAGMA data_version`, which the reader adds.
 */
export function benignListWrites(sqlite: Database.Database): number {
  return writesOf.get(sqlite) ?? 0;
}

export function listBenignValues(sqlite: Database.Database): BenignListEntry[] {
  return sqlite
    .prepare<[], Omit<BenignListEntry, 'coversUrls'> & { coversUrls: number }>(
      'SELECT type, value, reason, covers_urls AS coversUrls, added_by AS addedBy, added_at AS addedAt FROM benign_values ORDER BY type, value',
    )
    .all()
    .map((row) => ({ ...row, coversUrls: row.coversUrls === 1 }));
}

/** One entry as stored, or undefined when the value is not on the list. */
export function findBenignValue(sqlite: Database.Database, type: string, value: string): BenignListEntry | undefined {
  const row = sqlite
    .prepare<[string, string], Omit<BenignListEntry, 'coversUrls'> & { coversUrls: number }>(
      'SELECT type, value, reason, covers_urls AS coversUrls, added_by AS addedBy, added_at AS addedAt FROM benign_values WHERE type = ? AND value = ?',
    )
    .get(type, value);
  return row && { ...row, coversUrls: row.coversUrls === 1 };
}

/** The shipped defaults, added where absent (a value the supervisors changed stays theirs). */
export function insertDefaultBenignValues(sqlite: Database.Database, entries: readonly BenignEntry[], at: string): void {
  const insert = sqlite.prepare(
    "INSERT OR IGNORE INTO benign_values (type, value, reason, covers_urls, added_by, added_at) VALUES (?, ?, ?, ?, 'system:defaults', ?)",
  );
  for (const entry of entries) insert.run(entry.type, entry.value, entry.reason, entry.coversUrls === false ? 0 : 1, at);
  wrote(sqlite);
}

/** Puts an entry on the list or gives it a new reason; whether it covers URLs stays as it was. */
export function upsertBenignValue(sqlite: Database.Database, entry: Omit<BenignEntry, 'coversUrls'>, addedBy: Actor, addedAt: string): void {
  sqlite
    .prepare(
      `INSERT INTO benign_values (type, value, reason, added_by, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (type, value) DO UPDATE SET reason = excluded.reason, added_by = excluded.added_by, added_at = excluded.added_at`,
    )
    .run(entry.type, entry.value, entry.reason, addedBy, addedAt);
  wrote(sqlite);
}

/** A new author and time for an entry whose reason stays: nothing links differently. */
export function restampBenignValue(sqlite: Database.Database, type: string, value: string, addedBy: string, addedAt: string): void {
  sqlite.prepare('UPDATE benign_values SET added_by = ?, added_at = ? WHERE type = ? AND value = ?').run(addedBy, addedAt, type, value);
  wrote(sqlite);
}

/** False when the value was not on the list. */
export function deleteBenignValue(sqlite: Database.Database, type: string, value: string): boolean {
  wrote(sqlite);
  return sqlite.prepare('DELETE FROM benign_values WHERE type = ? AND value = ?').run(type, value).changes > 0;
}
