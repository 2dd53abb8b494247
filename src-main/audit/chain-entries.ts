import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChainEntry } from '../../shared/audit/chain';

const WORKSTATION_KEY = 'audit.workstation_id';

/**
 * The id of this store's chain on the hub: a UUID made the first time it is asked for. A copy of the store shares
 * it, so two copies pushing on shows on the hub as a fork.
 */
export function workstationId(sqlite: Database.Database): string {
  sqlite.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(WORKSTATION_KEY, randomUUID());
  return sqlite.prepare<[string], string>('SELECT value FROM store_meta WHERE key = ?').pluck().get(WORKSTATION_KEY)!;
}

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: string | null;
  entryHash: Buffer | null;
}

/** Up to `limit` entries after `afterId`, as stored (details as their JSON text), for the hub; stops before an unchained one. */
export function chainEntriesAfter(sqlite: Database.Database, afterId: number, limit: number): ChainEntry[] {
  const rows = sqlite
    .prepare<[number, number], Row>(
      'SELECT id, at, actor, action, subject_type AS subjectType, subject_id AS subjectId, details, entry_hash AS entryHash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?',
    )
    .all(afterId, limit);
  const entries: ChainEntry[] = [];
  for (const { entryHash, ...row } of rows) {
    if (entryHash === null) break;
    entries.push({ ...row, hash: entryHash.toString('hex') });
  }
  return entries;
}

/** The hash (hex) of entry `id`, or null when the log holds no such entry. */
export function entryHashOf(sqlite: Database.Database, id: number): string | null {
  const hash = sqlite.prepare<[number], Buffer | null>('SELECT entry_hash FROM audit_log WHERE id = ?').pluck().get(id);
  return hash ? hash.toString('hex') : null;
}
