/**
 * A withdrawal redacts the report's stored revisions and the officers' quotes of it in the intake's transaction
 * (../intake/apply.ts), but the rows as they were stay readable as dead tuples in the tables' files and in the
 * write-ahead log until a vacuum. A redaction is followed by a rewrite of the tables it touched (./compact.ts) within
 * `delayMs`: a withdrawal seldom comes alone, and VACUUM FULL holds each table for the time it takes to copy it, so
 * the redactions of those minutes share one compaction.
 *
 * What is owed is kept in the database (`redaction_compaction_due`), written in the redacting transaction and cleared
 * only after a compaction succeeded, so that neither a restart nor a failed VACUUM FULL loses it: every hub process
 * looks for it when it starts and then every `retryMs`.
 *
 * Several hub processes may serve one PostgreSQL: the one that compacts holds a session-level advisory lock for as
 * long as it does, so no other starts a second compaction however long a VACUUM FULL at 1M takes, and a process that
 * dies mid-way lets go with its connection. VACUUM FULL waits for every transaction that holds a table it rewrites,
 * and every reader of that table then queues behind it: so it gives up after `COMPACTION_LOCK_TIMEOUT_MS` (./compact.ts) and tries
 * again later, waiting longer after each failure in a row.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from '../../shared/platform/logger';
import type { HubConnection } from '../db/connect';
import { queryRows, sqlState, type HubDb } from '../db/database';
import { REDACTION_COMPACTION_LOCK } from '../db/locks';
import { compactTables } from './compact';

/** The tables a withdrawal's redaction updates or deletes from (../intake/apply.ts, ../intake/withdrawn-traces.ts). */
const REDACTED_TABLES = ['report_revisions', 'mutations', 'report_indicators'];

/** Long enough to gather a portal's burst of withdrawals into one compaction, short enough that the text goes within the hour. */
export const REDACTION_COMPACTION_DELAY_MS = 10 * 60_000;

/** How often a hub process looks for a compaction still owed (left by a process that stopped), and the first wait after a failure. */
export const REDACTION_COMPACTION_RETRY_MS = 10 * 60_000;

/** After the n-th failure in a row (1-based) the next try comes `retryMs`, doubling, at most six times `retryMs` later. */
export const compactionRetryMs = (failures: number, retryMs: number): number => Math.min(retryMs * 2 ** (failures - 1), 6 * retryMs);

const milliseconds = (value: number) => sql`(${value}::double precision * interval '1 millisecond')`;

/** In the redacting transaction: a compaction is owed (from the first redaction not compacted yet). */
export async function oweRedactionCompaction(tx: HubDb): Promise<void> {
  await tx.execute(
    sql`INSERT INTO redaction_compaction_due (id, since, generation) VALUES (1, now(), 1)
        ON CONFLICT (id) DO UPDATE SET generation = redaction_compaction_due.generation + 1`,
  );
}

/** The redactions a compaction now would cover (their count), if one is due. */
async function dueGeneration(db: HubDb, delayMs: number): Promise<string | null> {
  const [row] = await queryRows<{ generation: string }>(db, sql`SELECT generation::text AS generation FROM redaction_compaction_due WHERE id = 1 AND since <= now() - ${milliseconds(delayMs)}`);
  return row?.generation ?? null;
}

/** The redactions up to `generation` are compacted; later ones stay owed, a delay from now. */
async function settle(db: HubDb, generation: string): Promise<void> {
  await db.execute(sql`DELETE FROM redaction_compaction_due WHERE id = 1 AND generation = ${generation}::bigint`);
  await db.execute(sql`UPDATE redaction_compaction_due SET since = now() WHERE id = 1`);
}

/** This session becomes the one compacting, unless another process's session is. */
async function claim(session: HubDb): Promise<boolean> {
  const [row] = await queryRows<{ claimed: boolean }>(session, sql`SELECT pg_try_advisory_lock(${sql.raw(REDACTION_COMPACTION_LOCK.toString())}) AS claimed`);
  return row?.claimed === true;
}

/** Ends this session's claim (PGlite's only session lives on); best effort, the error that ended the compaction is what counts. */
async function letGo(session: HubDb): Promise<void> {
  await session.execute(sql`SELECT pg_advisory_unlock(${sql.raw(REDACTION_COMPACTION_LOCK.toString())})`).catch(() => undefined);
}

export interface RedactionCompactor {
  /** Compacts what is owed already (a restart), then looks again every `retryMs`. */
  start(): void;
  /** A transaction that redacted stored text committed: a compaction follows within `delayMs`. */
  redacted(): void;
  /** Stops looking and waits for a compaction under way; what is owed stays owed. */
  close(): Promise<void>;
}

type Look = 'compacted' | 'nothing due' | 'failed';

export function createRedactionCompactor(database: Pick<HubConnection, 'db' | 'kind' | 'session'>, deps: { logger: Logger; delayMs: number; retryMs: number }): RedactionCompactor {
  let timer: NodeJS.Timeout | null = null;
  let poll: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let started = false;
  let closed = false;
  /** Failed compactions in a row: the next look waits longer after each. */
  let failures = 0;

  const compactIfDue = (): Promise<Look> =>
    database.session(async (session) => {
      if (!(await claim(session))) return 'nothing due';
      try {
        const generation = await dueGeneration(session, deps.delayMs);
        if (generation === null) return 'nothing due';
        const { walCleared } = await compactTables({ db: session, kind: database.kind }, REDACTED_TABLES);
        await settle(session, generation);
        deps.logger.info('withdrawal.compacted', { walCleared });
        return 'compacted';
      } finally {
        await letGo(session);
      }
    });

  async function lookOnce(): Promise<void> {
    let outcome: Look;
    try {
      outcome = await compactIfDue();
    } catch (error) {
      failures += 1;
      // Nothing of a report is named in the log.
      deps.logger.error('withdrawal.compaction_failed', {
        message: error instanceof Error ? error.message : String(error),
        sqlState: sqlState(error),
        retryInMs: compactionRetryMs(failures, deps.retryMs),
      });
      outcome = 'failed';
    }
    if (outcome !== 'failed') failures = 0;
    schedule(outcome === 'failed' ? compactionRetryMs(failures, deps.retryMs) : deps.retryMs);
  }

  const look = () => {
    running = running.then(() => (closed ? undefined : lookOnce()));
  };

  function schedule(delayMs: number): void {
    if (closed) return;
    if (poll !== null) clearTimeout(poll);
    poll = setTimeout(() => {
      poll = null;
      look();
    }, delayMs);
    poll.unref();
  }

  return {
    start() {
      if (closed || started) return;
      started = true;
      look();
    },
    redacted() {
      // After a failure the next look is already set, later than this would be: it covers this redaction too.
      if (closed || timer !== null || failures > 0) return;
      timer = setTimeout(() => {
        timer = null;
        look();
      }, deps.delayMs);
    },
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      if (poll !== null) clearTimeout(poll);
      timer = null;
      poll = null;
      await running;
    },
  };
}
