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

/** Reads that must see one state of the store and write nothing: a snapshot that takes no writer's lock. */
export function readSnapshot<R>(sqlite: Database.Database, body: () => R): R {
  return sqlite.transaction(body).deferred();
}
