/**
 * The store's own key–value facts (`store_meta`): the sync cursor, which defaults were seeded, settings kept as
 * data beside the data they govern, the audit chain's identity. This module is the table's one owner; each
 * caller names its key and says what the value means. Its statements are prepared once per connection: the writer
 * reads and writes some per batch or per withdrawal.
 */
import type Database from 'better-sqlite3';
import { preparedOnce } from './prepared-once';

export function readMeta(sqlite: Database.Database, key: string): string | undefined {
  return preparedOnce<[string], string>(sqlite, 'SELECT value FROM store_meta WHERE key = ?').pluck().get(key);
}

export function writeMeta(sqlite: Database.Database, key: string, value: string): void {
  preparedOnce(sqlite, 'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Keeps the first value ever written under `key` and returns the kept one (a later value never replaces it). */
export function keepFirstMeta(sqlite: Database.Database, key: string, value: string): string {
  preparedOnce(sqlite, 'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, value);
  return readMeta(sqlite, key)!;
}

/** Deletes `key` only while it still holds `value` (another connection may have written it since it was read). */
export function deleteMetaIfStill(sqlite: Database.Database, key: string, value: string): void {
  preparedOnce(sqlite, 'DELETE FROM store_meta WHERE key = ? AND value = ?').run(key, value);
}
