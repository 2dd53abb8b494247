/**
 * After a purge or a withdrawal's redaction, the old rows are dead tuples still readable in the tables' pages, and
 * their words are in the write-ahead log. VACUUM FULL rewrites each touched table into new files (a plain VACUUM only marks the space
 * reusable); a checkpoint after a WAL switch then removes the segments that held them. On PGlite the checkpoint runs
 * in this process, so `wal_recycle = off` makes it delete those segments rather than rename them for reuse with
 * their old content. On a PostgreSQL server the checkpointer follows the server's own settings (see README: the
 * server's `wal_recycle`, archives and backups are the administrator's), and CHECKPOINT needs a superuser or the
 * `pg_checkpoint` role; without it the tables are still rewritten and the run says the log was left alone.
 *
 * VACUUM FULL waits for every transaction that holds a table it rewrites, and every reader of that table then queues
 * behind its request: so it waits at most `COMPACTION_LOCK_TIMEOUT_MS` and fails with SQLSTATE 55P03, and the caller
 * keeps the compaction owed for a later try.
 */
import { sql } from 'drizzle-orm';
import type { HubConnection } from '../db/connect';
import { sqlState } from '../db/database';

/** Every table ./purge.ts deletes from or updates. */
export const PURGED_TABLES = ['feed', 'mutations', 'mutation_subjects', 'mutation_regions', 'auto_routes', 'refused_mutations', 'subject_reports', 'report_indicators', 'report_revisions', 'reports'];

const INSUFFICIENT_PRIVILEGE = '42501';

/** What a compaction that gave up waiting for a table fails with (`lock_not_available`). */
export const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The longest the compaction waits for a table another transaction holds: the hub's readers of that table wait
 * behind it at most this long. Its own reads and writes hold a table for milliseconds; a longer holder is a report
 * or an administrator's session, which the compaction does not wait out.
 */
export const COMPACTION_LOCK_TIMEOUT_MS = 2_000;

export interface Compaction {
  /** Whether the write-ahead log that held the purged rows was switched and checkpointed away. */
  walCleared: boolean;
}

/**
 * Rewrites `tables` (names from this code, never from input) and clears the log that held their old rows. `db` is one
 * session (HubConnection.session): the lock timeout is set on it, and undone afterwards.
 */
export async function compactTables(database: Pick<HubConnection, 'db' | 'kind'>, tables: readonly string[]): Promise<Compaction> {
  const { db } = database;
  await db.execute(sql`SELECT set_config('lock_timeout', ${`${COMPACTION_LOCK_TIMEOUT_MS}ms`}, false)`);
  try {
    await db.execute(sql.raw(`VACUUM FULL ${tables.join(', ')}`));
  } finally {
    // Best effort, so that the error that ended the VACUUM is the one thrown: PGlite's only session lives on.
    await db.execute(sql`RESET lock_timeout`).catch(() => undefined);
  }
  try {
    if (database.kind === 'pglite') await db.execute(sql`SET wal_recycle = off`);
    await db.execute(sql`SELECT pg_switch_wal()`);
    await db.execute(sql`CHECKPOINT`);
    // The first checkpoint after the switch may still keep the segment its redo point lies in; the second does not.
    await db.execute(sql`CHECKPOINT`);
    return { walCleared: true };
  } catch (error) {
    if (sqlState(error) === INSUFFICIENT_PRIVILEGE) return { walCleared: false };
    throw error;
  } finally {
    if (database.kind === 'pglite') await db.execute(sql`RESET wal_recycle`);
  }
}
