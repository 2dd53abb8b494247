import type Database from 'better-sqlite3';
import type { DirectoryEntry, DirectoryEntryView } from '../../shared/requests/directory';

interface DirectoryRow {
  id: string;
  entry: string;
  updatedBy: string;
  updatedAt: string;
}

const SELECT = 'SELECT id, entry, updated_by AS updatedBy, updated_at AS updatedAt FROM directory_entries';

const toView = (row: DirectoryRow): DirectoryEntryView => ({ ...(JSON.parse(row.entry) as DirectoryEntry), id: row.id, updatedBy: row.updatedBy, updatedAt: row.updatedAt });

/** Every addressee, by kind and name (the order the directory screen and the addressee options show). */
export function listDirectory(sqlite: Database.Database): DirectoryEntryView[] {
  return sqlite.prepare<[], DirectoryRow>(`${SELECT} ORDER BY kind, name COLLATE NOCASE, id`).all().map(toView);
}

export function findDirectoryEntry(sqlite: Database.Database, id: string): DirectoryEntryView | undefined {
  const row = sqlite.prepare<[string], DirectoryRow>(`${SELECT} WHERE id = ?`).get(id);
  return row && toView(row);
}
