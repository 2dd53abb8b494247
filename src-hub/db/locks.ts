/**
 * PostgreSQL advisory lock keys of the hub. Single-key (bigint) and two-key (int4, int4) locks live in
 * separate spaces, so the report and subject locks below never collide with these.
 */
import { sql } from 'drizzle-orm';
import { textArray, type HubDb } from './database';

/** Serializes the end of every writing transaction: feed sequence numbers are taken under it (see ../feed/append.ts). */
export const FEED_LOCK = 0x7a7a_6665_6564n; // "zzfeed"

/** Serializes schema migrations when several hub processes start over one database. */
export const MIGRATION_LOCK = 0x7a7a_6d69_6772n; // "zzmigr"

/**
 * Held for its session by the hub process that compacts after a withdrawal (../retention/redaction-compaction.ts):
 * it lasts exactly as long as that process's compaction, and ends with its connection if the process dies.
 */
export const REDACTION_COMPACTION_LOCK = 0x7a7a_636f_6d70n; // "zzcomp"

/**
 * Between a retention purge and the audit pushes: the purge holds it alone while it moves its reports' regions aside
 * and empties the intake index of them, each push shares it while it reads the tombstones for both (../audit/). A
 * push's index row or regions can then never miss a purge that has not committed yet.
 */
const AUDIT_INDEX_LOCK = 0x7a7a_6175_6469n; // "zzaudi"

/** For the purge: until its transaction ends, no audit push reads the tombstones. */
export async function lockAuditIndex(tx: HubDb): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${sql.raw(AUDIT_INDEX_LOCK.toString())})`);
}

/** For an audit push: waits for a purge under way, and holds off the next one until the push's transaction ends. */
export async function shareAuditIndex(tx: HubDb): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${sql.raw(AUDIT_INDEX_LOCK.toString())})`);
}

/** First key of the two-key advisory locks taken per report (`hashtext(reportId)` is the second). */
export const REPORT_LOCK_CLASS = 0x7270_7400; // "rpt"

/**
 * Locks these reports until the transaction ends (intake, a push naming them, a retention purge). Sorted by key, so
 * two transactions never wait for each other in a cycle.
 */
export async function lockReports(tx: HubDb, reportIds: readonly string[]): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${REPORT_LOCK_CLASS}::int, k)
        FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest(${textArray(reportIds)}) AS t(id) ORDER BY k) AS keys`,
  );
}

/** First key of the two-key advisory locks taken per case or request (`hashtext('case:<id>')` is the second). */
export const SUBJECT_LOCK_CLASS = 0x7362_6a00; // "sbj"

/**
 * Locks these cases and requests (`case:<id>`, `action:<id>`) until the transaction ends: a push of a text for one
 * and a purge of a report it held. Taken after the report locks, by both, sorted by key: never a cycle.
 */
export async function lockSubjects(tx: HubDb, subjects: readonly string[]): Promise<void> {
  if (subjects.length === 0) return;
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${SUBJECT_LOCK_CLASS}::int, k)
        FROM (SELECT DISTINCT hashtext(s) AS k FROM unnest(${textArray(subjects)}) AS t(s) ORDER BY k) AS keys`,
  );
}
