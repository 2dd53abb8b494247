/**
 * The hub's retention run: the reports whose period is over (shared/retention) leave the hub in slices of one
 * transaction each (./purge.ts), and the tables they were in are then rewritten (./compact.ts), so that nothing of
 * them stays readable in the database's files. A workstation syncing from the start afterwards never receives them.
 */
import { sql } from 'drizzle-orm';
import { dailyTaskBound, dailyTaskExpired, judgeExpired, type RetentionOutcome } from '../../shared/retention/holds';
import type { RetentionPeriods } from '../../shared/retention/periods';
import { inTransaction, queryRows, type HubDb } from '../db/database';
import type { HubConnection } from '../db/connect';
import { retentionRuns } from '../db/schema';
import { compactTables, PURGED_TABLES } from './compact';
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

/**
 * Purges what expired on `asOf` by the hub's periods (./periods.ts); `walCleared` is false when a PostgreSQL server
 * did not let the run checkpoint.
 */
export async function runHubRetention(database: HubConnection, options: { asOf: string; at: Date }): Promise<{ outcome: RetentionOutcome; walCleared: boolean }> {
  const { expired, held, total } = await hubRetentionVerdict(database.db, options.asOf, await readHubRetentionPeriods(database.db));
  for (let start = 0; start < expired.length; start += PURGE_SLICE) {
    const slice = expired.slice(start, start + PURGE_SLICE).map((candidate) => candidate.reportId);
    await inTransaction(database.db, async (tx) => {
      const { quotingHolders } = await purgeReports(tx, slice);
      // Every case and request that may have quoted them, a case they were taken out of too, as on the workstation.
      // The late-quote window opens on the day the run purged (the hub's clock), not the day it judged by (`--as-of`).
      await rememberHolders(tx, quotingHolders, options.at.toISOString().slice(0, 10));
    });
  }
  const { walCleared } = expired.length > 0 ? await compactTables(database, PURGED_TABLES) : { walCleared: true };
  const outcome = { purged: expired.length, kept: total - expired.length, held };
  await database.db.insert(retentionRuns).values({ ranAt: options.at.toISOString(), asOf: options.asOf, ...outcome });
  return { outcome, walCleared };
}

/** When the last run (scheduled or on demand) happened, or null. */
export async function lastHubRetentionRunAt(db: HubDb): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | null }>(db, sql`SELECT to_char(max(ran_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM retention_runs`);
  return row?.at ? new Date(row.at) : null;
}
