/**
 * The hub's retention run: the reports whose period is over (shared/retention) leave the hub in slices of one
 * transaction each (./purge.ts), and the tables they were in are then rewritten (./compact.ts), so that nothing of
 * them stays readable in the database's files (or by the next run, when another transaction held a table too long). A workstation syncing from the start afterwards never receives them.
 */
import { eq, sql } from 'drizzle-orm';
import { dailyTaskBound, dailyTaskExpired, judgeExpired, type RetentionOutcome } from '../../shared/retention/holds';
import type { RetentionPeriods } from '../../shared/retention/periods';
import type { Logger } from '../../shared/platform/logger';
import { inTransaction, queryRows, sqlState, type HubDb } from '../db/database';
import type { HubConnection } from '../db/connect';
import { retentionRuns } from '../db/schema';
import { COMPACTION_LOCK_TIMEOUT_MS, compactTables, LOCK_NOT_AVAILABLE, PURGED_TABLES } from './compact';
import { hubHolders } from './holders';
import { readHubRetentionPeriods } from './periods';
import { purgeReports } from './purge';
import { rememberHolders } from './tombstones';

const PURGE_SLICE = 2_000;

interface Candidate {
  reportId: string;
  receivedAt: string;
}

/** The reports whose period is over on `asOf` (YYYY-MM-DD), and what holds the rest of the expired ones. */
export async function hubRetentionVerdict(db: HubDb, asOf: string, periods: RetentionPeriods) {
  const [count] = await queryRows<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM reports`);
  // A report's period counts from its last receipt: the current revision's, as on the workstation.
  const candidates = (
    await queryRows<{ report_id: string; received_at: string }>(
      db,
      sql`SELECT r.report_id, to_char(v.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS received_at
          FROM reports r JOIN report_revisions v ON v.report_id = r.report_id AND v.revision = r.revision
          WHERE v.received_at < ${`${dailyTaskBound(asOf, periods)}T00:00:00Z`}::timestamptz + interval '1 day'`,
    )
  )
    .map((row): Candidate => ({ reportId: row.report_id, receivedAt: row.received_at }))
    .filter((candidate) => dailyTaskExpired(candidate.receivedAt, periods, asOf));
  const holders = await hubHolders(db);
  const { expired, held } = judgeExpired(candidates, holders, periods, asOf);
  return { expired, held, total: count?.total ?? 0 };
}

/** Whether the last run left the rewrite of the tables it purged from undone (then the next one does it). */
async function compactionOwed(db: HubDb): Promise<boolean> {
  const [last] = await queryRows<{ compacted: boolean }>(db, sql`SELECT compacted FROM retention_runs ORDER BY id DESC LIMIT 1`);
  return last?.compacted === false;
}

/**
 * Rewrites the purged tables on a session of their own, with its lock timeout (./compact.ts). A table another
 * transaction holds longer than that leaves the compaction owed (logged, with no report named) instead of stalling
 * the hub's readers of that table behind the VACUUM FULL's request.
 */
async function compactPurged(database: HubConnection, logger: Logger): Promise<{ compacted: boolean; walCleared: boolean }> {
  try {
    const { walCleared } = await database.session((session) => compactTables({ db: session, kind: database.kind }, PURGED_TABLES));
    return { compacted: true, walCleared };
  } catch (error) {
    if (sqlState(error) !== LOCK_NOT_AVAILABLE) throw error;
    logger.error('retention.compaction_failed', { sqlState: LOCK_NOT_AVAILABLE, lockTimeoutMs: COMPACTION_LOCK_TIMEOUT_MS });
    return { compacted: false, walCleared: false };
  }
}

export interface HubRetentionRun {
  outcome: RetentionOutcome;
  /** False when the purged tables are not rewritten yet: the next run rewrites them. */
  compacted: boolean;
  /** False when a PostgreSQL server did not let the run checkpoint, or nothing was rewritten. */
  walCleared: boolean;
}

/**
 * Purges what expired on `asOf` by the hub's periods (./periods.ts), then rewrites the tables it purged from, or
 * those an earlier run purged from and could not rewrite. The run is recorded before that rewrite as owing it, and
 * cleared once it succeeded: a rewrite that failed or never finished is made good by the next run.
 */
export async function runHubRetention(database: HubConnection, options: { asOf: string; at: Date; logger: Logger }): Promise<HubRetentionRun> {
  const { db } = database;
  const owed = await compactionOwed(db);
  const { expired, held, total } = await hubRetentionVerdict(db, options.asOf, await readHubRetentionPeriods(db));
  for (let start = 0; start < expired.length; start += PURGE_SLICE) {
    const slice = expired.slice(start, start + PURGE_SLICE).map((candidate) => candidate.reportId);
    await inTransaction(db, async (tx) => {
      const { quotingHolders } = await purgeReports(tx, slice);
      // Every case and request that may have quoted them, a case they were taken out of too, as on the workstation.
      // The late-quote window opens on the day the run purged (the hub's clock), not the day it judged by (`--as-of`).
      await rememberHolders(tx, quotingHolders, options.at.toISOString().slice(0, 10));
    });
  }
  const outcome = { purged: expired.length, kept: total - expired.length, held };
  const due = owed || expired.length > 0;
  const [run] = await db.insert(retentionRuns).values({ ranAt: options.at.toISOString(), asOf: options.asOf, ...outcome, compacted: !due }).returning({ id: retentionRuns.id });
  if (!due) return { outcome, compacted: true, walCleared: true };
  const compaction = await compactPurged(database, options.logger);
  if (compaction.compacted) await db.update(retentionRuns).set({ compacted: true }).where(eq(retentionRuns.id, run!.id));
  return { outcome, ...compaction };
}

/** When the last run (scheduled or on demand) happened, or null. */
export async function lastHubRetentionRunAt(db: HubDb): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | null }>(db, sql`SELECT to_char(max(ran_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM retention_runs`);
  return row?.at ? new Date(row.at) : null;
}
