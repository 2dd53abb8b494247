import type Database from 'better-sqlite3';

/**
 * Every transaction that writes the store opens IMMEDIATE: it takes the writer's lock at BEGIN, where SQLite waits
 * (busy_timeout) while another connection holds it — the checkpoint thread's TRUNCATE, a CLI. A DEFERRED one that
 * reads first and then writes gets SQLITE_BUSY at once instead: SQLite does not wait for a read→write upgrade, so an
 * officer's change would fail with "database is locked". Called inside another transaction it is a savepoint
 * (better-sqlite3). ESLint keeps plain `.transaction(` calls out of src-main: this file is their only home.
 */
export function writeTransaction<A extends unknown[], R>(sqlite: Database.Database, body: (...args: A) => R): (...args: A) => R {
  const transaction = sqlite.transaction(body);
  return (...args: A): R => transaction.immediate(...args);
}

/**
 * An IMMEDIATE transaction its caller ends (an import's, held open across the batches it waits for). `end` commits, or
 * rolls back when the commit failed or `committed` is false.
 */
export function openWriteTransaction(sqlite: Database.Database): { end(committed: boolean): void } {
  // Prepared statements, not exec: bench/writer-cpu.ts counts the commit's CPU as a statement's.
  sqlite.prepare('BEGIN IMMEDIATE').run();
  return {
    end(committed) {
      try {
        if (committed) sqlite.prepare('COMMIT').run();
      } finally {
        if (sqlite.inTransaction) sqlite.prepare('ROLLBACK').run();
      }
    },
  };
}

/**
 * writeTransaction(sqlite, body)() only when the writer's lock is free now (busy_timeout 0 for the try, restored
 * after); null when another connection holds it. For the core thread, which also serves the window: it must not
 * wait busy_timeout behind another process's import.
 */
export function writeTransactionIfFree<R>(sqlite: Database.Database, body: () => R): R | null {
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    return writeTransaction(sqlite, body)();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/** Reads that must see one state of the store and write nothing: a snapshot that takes no writer's lock. */
export function readSnapshot<R>(sqlite: Database.Database, body: () => R): R {
  return sqlite.transaction(body).deferred();
}
