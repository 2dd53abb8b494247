import type Database from 'better-sqlite3';
import { prepareKeyedJsonTable, type KeyedJsonRow, type KeyedJsonTable } from './keyed-json-table';

/**
 * The `directory_entries` table (the addressees of requests): every read and write of it stands here
 * (src-main/README.md, "Who owns which table"). What an entry holds is requests/'s; the sync applier writes
 * supervisors' changes through `directoryEntriesTable`.
 */
const COLUMNS = 'id, entry AS json, updated_by AS updatedBy, updated_at AS updatedAt';

/** Every addressee, by kind and name (the order the directory screen and the addressee options show). */
export function listDirectoryRows(sqlite: Database.Database): KeyedJsonRow[] {
  return sqlite.prepare<[], KeyedJsonRow>(`SELECT ${COLUMNS} FROM directory_entries ORDER BY kind, name COLLATE NOCASE, id`).all();
}

export function findDirectoryRow(sqlite: Database.Database, id: string): KeyedJsonRow | undefined {
  return sqlite.prepare<[string], KeyedJsonRow>(`SELECT ${COLUMNS} FROM directory_entries WHERE id = ?`).get(id);
}

/** The name of an addressee, prepared once for lists (undefined: not in the directory). */
export function createDirectoryNameOf(sqlite: Database.Database): (id: string) => string | undefined {
  const nameOf = sqlite.prepare<[string], string>('SELECT name FROM directory_entries WHERE id = ?').pluck();
  return (id) => nameOf.get(id);
}

/** The shipped addressees, added where absent (an entry the supervisors changed stays theirs). */
export function insertDefaultDirectoryEntries(
  sqlite: Database.Database,
  entries: ReadonlyArray<{ id: string; kind: string; name: string; entry: unknown }>,
  by: string,
  at: string,
): void {
  const insert = sqlite.prepare('INSERT OR IGNORE INTO directory_entries (id, kind, name, entry, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const { id, kind, name, entry } of entries) insert.run(id, kind, name, JSON.stringify(entry), by, at);
}

export function directoryEntriesTable(sqlite: Database.Database): KeyedJsonTable {
  return prepareKeyedJsonTable(
    sqlite,
    {
      select: `SELECT ${COLUMNS} FROM directory_entries WHERE id = ?`,
      upsert: `INSERT INTO directory_entries (id, entry, updated_by, updated_at, kind, name) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET entry = excluded.entry, updated_by = excluded.updated_by, updated_at = excluded.updated_at, kind = excluded.kind, name = excluded.name`,
      remove: 'DELETE FROM directory_entries WHERE id = ?',
    },
    (entry) => [String(entry.kind), String(entry.name)],
  );
}
