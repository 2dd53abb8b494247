/**
 * A removal of personal data (a withdrawal's redaction, a retention purge) leaves the removed text in the WAL until
 * the WAL is emptied (checkpointTruncate). The debt is written into the store in the removal's own transaction, so a
 * process that dies before emptying it does not forget it: the next settle — after the next page or batch, at the end
 * of a retention run, or when the workstation starts — empties the WAL.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { checkpointTruncate } from './open-store';
import { deleteMetaIfStill, readMeta, writeMeta } from './store-meta';

/** store_meta key: present while a removal's text may still be in the WAL. */
const OWED_KEY = 'wal.truncation_owed';

/**
 * Inside the transaction that removed the text. Each debt is a value of its own, so that a settle on another connection
 * (the core's checkpoint thread) clears only the debt it paid, not one written while it emptied the WAL.
 */
export function oweWalTruncation(sqlite: Database.Database): void {
  writeMeta(sqlite, OWED_KEY, randomUUID());
}

/**
 * Empties the WAL if a removal still owes it; outside a transaction. Returns whether it did. The mark is cleared only
 * after the removed text has left the WAL; clearing it writes a frame of its own, which is emptied in turn. Throws
 * as checkpointTruncate does (waiting up to `patienceMs` for another connection's checkpoint; 0: one try), and the
 * debt then stays for the next settle.
 */
export function settleOwedWalTruncation(sqlite: Database.Database, patienceMs?: number): boolean {
  const owed = sqlite.inTransaction ? undefined : readMeta(sqlite, OWED_KEY);
  if (owed === undefined) return false;
  checkpointTruncate(sqlite, patienceMs);
  deleteMetaIfStill(sqlite, OWED_KEY, owed);
  checkpointTruncate(sqlite, patienceMs);
  return true;
}
