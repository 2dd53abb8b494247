import type Database from 'better-sqlite3';

/** 64k pages of 4 KiB: the write-ahead log may grow to about 256 MiB during a long import. */
const SPARSE_CHECKPOINT_PAGES = 65_536;

/**
 * Runs a long write (an import of a file) with the write-ahead log copied into the store every ~256 MiB instead
 * of every ~4 MiB. A checkpoint copies each page written since the previous one once, however many commits wrote
 * it: index and search pages that every batch touches are copied a few times instead of after every batch. Commits
 * stay as durable as before; at the end the log is copied and emptied, so the store is compact again.
 */
export async function withSparseCheckpoints<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  const previous = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`wal_autocheckpoint = ${SPARSE_CHECKPOINT_PAGES}`);
  try {
    return await work();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${previous}`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
}
