import type Database from 'better-sqlite3';

const CURSOR_KEY = 'sync.cursor';
const SCOPE_KEY = 'sync.scope';
export const START_CURSOR = '0';

/** Where the pull stands. Written only in the transaction that applies the page it follows. */
export function readCursor(sqlite: Database.Database): string {
  return sqlite.prepare<[string], string>('SELECT value FROM store_meta WHERE key = ?').pluck().get(CURSOR_KEY) ?? START_CURSOR;
}

export function writeCursor(sqlite: Database.Database, cursor: string): void {
  sqlite.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(CURSOR_KEY, cursor);
}

/**
 * A cursor only means something for the scope it was read with: another scope starts again from the
 * beginning (applying what the store already has changes nothing).
 */
export function adoptScope(sqlite: Database.Database, scope: string): void {
  sqlite.transaction(() => {
    const remembered = sqlite.prepare<[string], string>('SELECT value FROM store_meta WHERE key = ?').pluck().get(SCOPE_KEY);
    if (remembered === scope) return;
    if (remembered !== undefined) writeCursor(sqlite, START_CURSOR);
    sqlite.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SCOPE_KEY, scope);
  })();
}
