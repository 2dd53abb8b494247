/** The configurable short list of purposes (a supervisor edits it), kept in `store_meta`; the Dutch defaults until then. */
import type Database from 'better-sqlite3';
import { DEFAULT_PURPOSES } from '../../shared/audit/purpose';
import { readMeta, writeMeta } from '../db/store-meta';

const PURPOSES_KEY = 'audit.purposes';

export function readPurposes(sqlite: Database.Database): string[] {
  const stored = readMeta(sqlite, PURPOSES_KEY);
  return stored === undefined ? [...DEFAULT_PURPOSES] : (JSON.parse(stored) as string[]);
}

/** Replaces the list (already checked: each a valid purpose); duplicates are dropped, the order kept. */
export function writePurposes(sqlite: Database.Database, purposes: readonly string[]): string[] {
  const list = [...new Set(purposes)];
  writeMeta(sqlite, PURPOSES_KEY, JSON.stringify(list));
  return list;
}
