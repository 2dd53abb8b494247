import type Database from 'better-sqlite3';
import { directoryEntrySchema, type DirectoryEntry } from '../../shared/requests/directory';
import defaults from './default-directory.json';
import { insertDefaultDirectoryEntries } from '../db/directory-entries';
import { readMeta, writeMeta } from '../db/store-meta';
import { writeTransaction } from '../db/write-transaction';

const SEEDED_KEY = 'directory_defaults_seeded';
const DEFAULTS_AUTHOR = 'system:defaults';

interface DefaultDirectoryEntry extends DirectoryEntry {
  id: string;
}

/** The shipped defaults, checked against the schema so a typo in the data fails loudly rather than at sending. */
export function defaultDirectoryEntries(): DefaultDirectoryEntry[] {
  return defaults.entries.map(({ id, ...entry }) => ({ id, ...directoryEntrySchema.parse(entry) }));
}

/** Puts the Dutch default addressees into a new store once; after that the directory is the supervisors'. */
export function seedDefaultDirectory(sqlite: Database.Database, at: string): void {
  if (readMeta(sqlite, SEEDED_KEY) !== undefined) return;
  writeTransaction(sqlite, () => {
    const entries = defaultDirectoryEntries().map(({ id, ...entry }) => ({ id, kind: entry.kind, name: entry.name, entry }));
    insertDefaultDirectoryEntries(sqlite, entries, DEFAULTS_AUTHOR, at);
    writeMeta(sqlite, SEEDED_KEY, at);
  })();
}
