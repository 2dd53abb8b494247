/**
 * Appending to the feed — the one place where feed sequence numbers are taken.
 *
 * The problem: readers page through the feed with `seq > cursor`. With a plain serial, transaction A may take
 * seq 10 and transaction B seq 11, B commits first, a reader sees 11 and moves its cursor past 10; when A
 * commits, entry 10 is never delivered. Serial ids are assigned in start order, not commit order.
 *
 * The choice: every writing transaction appends its feed entries as its LAST statements, after taking
 * `pg_advisory_xact_lock(FEED_LOCK)`; `nextval` runs only under that lock, and the lock is released by COMMIT
 * (or ROLLBACK). PostgreSQL makes a committed transaction visible to new snapshots before it releases its
 * locks, so when B obtains the lock, A — which held it while taking smaller numbers — is already visible or
 * rolled back. Hence sequence order equals commit order: once a reader sees seq N, every seq < N is either
 * visible or will never exist (a gap left by a rollback), and no later commit can take a number below N.
 * Cursors can therefore be plain sequence numbers, and re-reading from a cursor returns the same entries.
 *
 * The cost is that the tail of concurrent writing transactions is serialized: the lock is held only from the
 * append to the commit (two short statements plus the commit), not while records are validated and stored.
 * The alternative, tracking transaction ids (`pg_current_xact_id`, `pg_snapshot_xmin`) and holding readers
 * back to the oldest running writer, needs no write serialization but makes cursors compound and every read
 * more complex; the hub's write rate (reports and officers' edits) is far below what one lock allows.
 *
 * On PGlite (one connection, transactions run one after another) the lock is uncontended and the same code
 * holds.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type HubDb } from '../db/database';
import { FEED_LOCK } from '../db/locks';

/** The PostgreSQL channel on which writers announce new feed entries (NOTIFY is delivered at commit). */
export const FEED_CHANNEL = 'puzzelstuk_feed';

export type FeedItem =
  | { type: 'report'; reportId: string; revision: number; regions: string[]; reannounce?: boolean }
  /** `regions` null: every scope receives it; otherwise the regions of the reports it is about (../mutations/reach). */
  | { type: 'mutation'; mutationId: string; regions: string[] | null; reannounce?: boolean };

/**
 * Appends entries in the given order and returns their sequence numbers. Call as the last step of the
 * transaction (everything after it extends the time the feed lock is held).
 */
export async function appendToFeed(tx: HubDb, items: readonly FeedItem[]): Promise<bigint[]> {
  if (items.length === 0) return [];
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${sql.raw(FEED_LOCK.toString())})`);
  const numbers = await queryRows<{ seq: string }>(
    tx,
    sql`SELECT nextval('feed_seq')::text AS seq FROM generate_series(1, ${items.length}::int) AS n ORDER BY n`,
  );
  const seqs = numbers.map((row) => BigInt(row.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = items.map((item, index) =>
    item.type === 'report'
      ? { seq: seqs[index]!.toString(), type: 'report', reportId: item.reportId, revision: item.revision, regions: item.regions, reannounce: item.reannounce ?? false }
      : { seq: seqs[index]!.toString(), type: 'mutation', mutationId: item.mutationId, regions: item.regions, reannounce: item.reannounce ?? false },
  );
  // One JSON parameter for all rows: cheaper for the hub than a parameter per cell.
  await tx.execute(
    sql`INSERT INTO feed (seq, type, report_id, revision, mutation_id, regions, reannounce)
        SELECT v.seq, v.type, v."reportId", v.revision, v."mutationId", CASE WHEN v.regions IS NULL THEN NULL ELSE ARRAY(SELECT json_array_elements_text(v.regions)) END, v.reannounce
        FROM json_to_recordset(${JSON.stringify(rows)}::json)
          AS v(seq bigint, type text, "reportId" text, revision int, "mutationId" uuid, regions json, reannounce boolean)`,
  );
  await tx.execute(sql`SELECT pg_notify(${FEED_CHANNEL}, ${seqs[seqs.length - 1]!.toString()})`);
  return seqs;
}
