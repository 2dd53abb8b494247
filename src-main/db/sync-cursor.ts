import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from './store-meta';
import { writeTransaction } from './write-transaction';

const CURSOR_KEY = 'sync.cursor';
const SCOPE_KEY = 'sync.scope';
export const START_CURSOR = '0';

/** Where the pull stands. Written only in the transaction that applies the page it follows. */
export function readCursor(sqlite: Database.Database): string {
  return readMeta(sqlite, CURSOR_KEY) ?? START_CURSOR;
}

export function writeCursor(sqlite: Database.Database, cursor: string): void {
  writeMeta(sqlite, CURSOR_KEY, cursor);
}

/**
 * A cursor only means something for the scope it was read with: another scope starts again from the
 * beginning (applying what the store already has changes nothing).
 */
export function adoptScope(sqlite: Database.Database, scope: string): void {
  writeTransaction(sqlite, () => {
    const remembered = readMeta(sqlite, SCOPE_KEY);
    if (remembered === scope) return;
    if (remembered !== undefined) writeCursor(sqlite, START_CURSOR);
    writeMeta(sqlite, SCOPE_KEY, scope);
  })();
}
