/** The configurable short list of purposes (a supervisor edits it), kept in `store_meta`; the Dutch defaults until then. */
import type Database from 'better-sqlite3';
import { DEFAULT_PURPOSES } from '../../shared/audit/purpose';

const PURPOSES_KEY = 'audit.purposes';

export function readPurposes(sqlite: Database.Database): string[] {
  const stored = sqlite.prepare<[string], string>('SELECT value FROM store_meta WHERE key = ?').pluck().get(PURPOSES_KEY);
  return stored === undefined ? [...DEFAULT_PURPOSES] : (JSON.parse(stored) as string[]);
}

/** Replaces the list (already checked: each a valid purpose); duplicates are dropped, the order kept. */
export function writePurposes(sqlite: Database.Database, purposes: readonly string[]): string[] {
  const list = [...new Set(purposes)];
  sqlite.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PURPOSES_KEY, JSON.stringify(list));
  return list;
}
