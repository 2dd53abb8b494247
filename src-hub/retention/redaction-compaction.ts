/**
 * A withdrawal redacts the report's stored revisions and the officers' quotes of it in the intake's transaction
 * (../intake/apply.ts), but the rows as they were stay readable as dead tuples in the tables' files and in the
 * write-ahead log until a vacuum. A redaction is followed by a rewrite of the tables it touched (./compact.ts) within
 * `delayMs`: a withdrawal seldom comes alone, and VACUUM FULL holds each table for the time it takes to copy it, so
 * the redactions of those minutes share one compaction.
 *
 * What is owed is kept in the database (`redaction_compaction_due`), written in the redacting transaction and cleared
 * only after a compaction succeeded, so that neither a restart nor a failed VACUUM FULL loses it: every hub process
 * looks for it when it starts and then every `retryMs`. A process claims it while compacting (several processes may
 * serve one PostgreSQL); a claim left by a process that stopped mid-way lapses after `CLAIM_MS`.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from '../../shared/platform/logger';
import type { HubConnection } from '../db/connect';
import { queryRows, type HubDb } from '../db/database';
import { compactTables } from './compact';

/** The tables a withdrawal's redaction updates or deletes from (../intake/apply.ts, ../intake/withdrawn-traces.ts). */
const REDACTED_TABLES = ['report_revisions', 'mutations', 'report_indicators'];

/** Long enough to gather a portal's burst of withdrawals into one compaction, short enough that the text goes within the hour. */
export const REDACTION_COMPACTION_DELAY_MS = 10 * 60_000;

/** How often a hub process looks for a compaction still owed (after a failure, or left by a process that stopped). */
export const REDACTION_COMPACTION_RETRY_MS = 10 * 60_000;

/** Longer than a compaction takes: until then, no other process starts one. */
const CLAIM_MS = 30 * 60_000;

const milliseconds = (value: number) => sql`(${value}::double precision * interval '1 millisecond')`;

/** In the redacting transaction: a compaction is owed (from the first redaction not compacted yet). */
export async function oweRedactionCompaction(tx: HubDb): Promise<void> {
  await tx.execute(
    sql`INSERT INTO redaction_compaction_due (id, since, generation) VALUES (1, now(), 1)
        ON CONFLICT (id) DO UPDATE SET generation = redaction_compaction_due.generation + 1`,
  );
}

/** Claims the compaction owed if it is due and nobody compacts; answers the redactions it covers (their count). */
async function claimDue(db: HubDb, delayMs: number): Promise<string | null> {
  const [row] = await queryRows<{ generation: string }>(
    db,
    sql`UPDATE redaction_compaction_due SET claimed_until = now() + ${milliseconds(CLAIM_MS)}
        WHERE id = 1 AND since <= now() - ${milliseconds(delayMs)} AND (claimed_until IS NULL OR claimed_until < now())
        RETURNING generation::text AS generation`,
  );
  return row?.generation ?? null;
}

/** The redactions up to `generation` are compacted; later ones stay owed, a delay from now. */
async function settle(db: HubDb, generation: string): Promise<void> {
  await db.execute(sql`DELETE FROM redaction_compaction_due WHERE id = 1 AND generation = ${generation}::bigint`);
  await db.execute(sql`UPDATE redaction_compaction_due SET since = now(), claimed_until = NULL WHERE id = 1`);
}

/** The compaction failed: it stays owed, for the next look. */
const release = (db: HubDb) => db.execute(sql`UPDATE redaction_compaction_due SET claimed_until = NULL WHERE id = 1`);

export interface RedactionCompactor {
  /** Compacts what is owed already (a restart), then looks again every `retryMs`. */
  start(): void;
  /** A transaction that redacted stored text committed: a compaction follows within `delayMs`. */
  redacted(): void;
  /** Stops looking and waits for a compaction under way; what is owed stays owed. */
  close(): Promise<void>;
}

export function createRedactionCompactor(database: Pick<HubConnection, 'db' | 'kind'>, deps: { logger: Logger; delayMs: number; retryMs: number }): RedactionCompactor {
  let timer: NodeJS.Timeout | null = null;
  let poll: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  async function compactIfDue(): Promise<void> {
    let generation: string | null = null;
    try {
      generation = await claimDue(database.db, deps.delayMs);
      if (generation === null) return;
      const { walCleared } = await compactTables(database, REDACTED_TABLES);
      await settle(database.db, generation);
      deps.logger.info('withdrawal.compacted', { walCleared });
    } catch (error) {
      // Nothing of a report is named in the log.
      deps.logger.error('withdrawal.compaction_failed', { message: error instanceof Error ? error.message : String(error) });
      if (generation !== null) await release(database.db).catch(() => undefined);
    }
  }

  const look = () => {
    running = running.then(() => (closed ? undefined : compactIfDue()));
  };

  return {
    start() {
      if (closed || poll !== null) return;
      look();
      poll = setInterval(look, deps.retryMs);
      poll.unref();
    },
    redacted() {
      if (closed || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        look();
      }, deps.delayMs);
    },
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      if (poll !== null) clearInterval(poll);
      timer = null;
      poll = null;
      await running;
    },
  };
}
