import type Database from 'better-sqlite3';
import { deleteMetaIfStill, writeMeta } from '../db/store-meta';
import type { Actor } from './actor';
import { entryHash } from './audit-chain';

export interface AuditEntry {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Never personal data of a victim: ids, revisions, counts, reasons. */
  details?: Record<string, unknown> | undefined;
}

/**
/** Inside a connection's `withHeadKept`: the head as its appenders last wrote it, and that entry's id (null until one is written). */
interface KeptHead {
  head: Buffer | null;
  lastId: number | bigint | null;
}
const keptHeads = new WeakMap<Database.Database, KeptHead>();
/**
 * In store_meta only inside `withHeadKept`'s transaction: the trigger keeping the head's copy stands aside meanwhile
 * (migration kept_counts_one_deferral), and moves it again for every append once the mark is gone.
 */
const HEAD_KEPT_MARK = 'audit_head_kept';

/**
 * Appends to the audit log, chained to the entry before (audit-chain.ts); call inside the transaction of the
 * change it records. The head is read each time, so appenders made in different places chain as one — except
 * inside `withHeadKept`, for a caller that writes many entries in one transaction of its own (the import, a feed
 * slice's reports): there the head is read once, kept per connection so that every appender on it (the feed's
 * skipped entries among the writer's) still chains as one, and its copy in store_meta is written at the end.
 * (Store_meta's copy is kept by trigger for every other append; inside `withHeadKept` the trigger leaves it to this
 * writer, by a mark of its own in store_meta.)
 */
export function createAuditAppender(sqlite: Database.Database) {
  const insert = sqlite.prepare<[string, string, string, string, string, string | null, Buffer]>(
    'INSERT INTO audit_log (at, actor, action, subject_type, subject_id, details, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const head = sqlite.prepare<[], Buffer | null>('SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck();
  const append = (at: string, entry: AuditEntry): void => {
    const batch = keptHeads.get(sqlite);
    const content = {
      at,
      actor: entry.actor,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    };
    const hash = entryHash(batch === undefined ? (head.get() ?? null) : batch.head, content);
    const { lastInsertRowid } = insert.run(content.at, content.actor, content.action, content.subjectType, content.subjectId, content.details, hash);
    if (batch !== undefined) {
      batch.head = hash;
      batch.lastId = lastInsertRowid;
    }
  };
  /**
   * Runs `work` — inside a transaction, appending to the log only through this connection's appenders — reading the
   * head once instead of before every entry (a feed slice's skipped entries among its batches' intake entries).
   */
  function withHeadKept<T>(work: () => T): T {
    if (!sqlite.inTransaction) throw new Error('withHeadKept needs the transaction its entries are written in');
    if (keptHeads.has(sqlite)) throw new Error('withHeadKept is already running on this connection');
    writeMeta(sqlite, HEAD_KEPT_MARK, '1');
    const kept: KeptHead = { head: head.get() ?? null, lastId: null };
    keptHeads.set(sqlite, kept);
    try {
      return work();
    } finally {
      keptHeads.delete(sqlite);
      // Also when work throws: a caller that catches and commits must not leave the head's copy behind its entries.
      if (kept.lastId !== null && kept.head !== null) writeMeta(sqlite, 'audit_head', `${kept.lastId}:${kept.head.toString('hex')}`);
      deleteMetaIfStill(sqlite, HEAD_KEPT_MARK, '1');
    }
  }
  return Object.assign(append, { withHeadKept });
}
