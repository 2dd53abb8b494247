import type Database from 'better-sqlite3';
import type { DirectoryEntry, DirectoryEntryView } from '../../shared/requests/directory';
import { findDirectoryRow, listDirectoryRows } from '../db/directory-entries';
import type { KeyedJsonRow } from '../db/keyed-json-table';

const toView = (row: KeyedJsonRow): DirectoryEntryView => ({ ...(JSON.parse(row.json) as DirectoryEntry), id: row.id, updatedBy: row.updatedBy, updatedAt: row.updatedAt });

/** Every addressee, by kind and name (the order the directory screen and the addressee options show). */
export function listDirectory(sqlite: Database.Database): DirectoryEntryView[] {
  return listDirectoryRows(sqlite).map(toView);
}

export function findDirectoryEntry(sqlite: Database.Database, id: string): DirectoryEntryView | undefined {
  const row = findDirectoryRow(sqlite, id);
  return row && toView(row);
}
