/**
 * What retention removed does not come back: neither the portal re-sending a purged report nor a workstation that
 * was offline across the purge pushing its changes about one. The hub remembers each purged report by a tombstone
 * alone. A reportId is pseudonymous personal data — the portal and the citizen's receipt tie it to the victim — and
 * its ten million values a year are tried in seconds, so a tombstone is an HMAC-SHA-256 of the id under a random key
 * of the hub's own (`purge_key`), not the id nor a plain hash of it: the tombstones alone (a copy of the table, an
 * export) name nobody; with the database and an id one can test whether it was purged, which is what the hub must do.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { textArray, type HubDb } from '../db/database';
import { purgedHolders, purgedReports, purgeKey } from '../db/schema';

const ROW = 1;

export { PURGED_REPORT_REASON } from '../../shared/retention/tombstone';

async function readKey(db: HubDb): Promise<Buffer | null> {
  const [row] = await db.select({ key: purgeKey.key }).from(purgeKey).where(eq(purgeKey.id, ROW));
  return row ? Buffer.from(row.key, 'base64') : null;
}

async function keyForPurge(db: HubDb): Promise<Buffer> {
  await db.insert(purgeKey).values({ id: ROW, key: randomBytes(32).toString('base64') }).onConflictDoNothing({ target: purgeKey.id });
  return (await readKey(db))!;
}

const tombstoneOf = (key: Buffer, reportId: string) => createHmac('sha256', key).update(reportId).digest('base64url');

/** Leaves a tombstone for each report, with the regions it named, in the purge's transaction. */
export async function buryReports(tx: HubDb, reports: ReadonlyArray<{ reportId: string; regions: string[] }>): Promise<void> {
  if (reports.length === 0) return;
  const key = await keyForPurge(tx);
  await tx
    .insert(purgedReports)
    .values(reports.map(({ reportId, regions }) => ({ reportKey: tombstoneOf(key, reportId), regions })))
    .onConflictDoNothing({ target: purgedReports.reportKey });
}

/** The regions each of these purged reports named (kept with its tombstone); reports not purged are left out. */
export async function purgedReportRegions(db: HubDb, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  if (reportIds.length === 0) return new Map();
  const key = await readKey(db);
  if (key === null) return new Map();
  const idOf = new Map(reportIds.map((reportId) => [tombstoneOf(key, reportId), reportId]));
  const rows = await db
    .select({ reportKey: purgedReports.reportKey, regions: purgedReports.regions })
    .from(purgedReports)
    .where(inArray(purgedReports.reportKey, [...idOf.keys()]));
  return new Map(rows.flatMap((row) => (row.regions === null ? [] : [[idOf.get(row.reportKey)!, row.regions] as const])));
}

/** Each report's tombstone as it is or would be, in order, for a check in SQL; null while nothing was ever purged. */
export async function tombstonesOf(db: HubDb, reportIds: readonly string[]): Promise<string[] | null> {
  const key = await readKey(db);
  return key === null ? null : reportIds.map((reportId) => tombstoneOf(key, reportId));
}

/** The reports among these that retention purged. */
export async function purgedAmong(db: HubDb, reportIds: readonly string[]): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const key = await readKey(db);
  if (key === null) return new Set();
  const idOf = new Map(reportIds.map((reportId) => [tombstoneOf(key, reportId), reportId]));
  // As an array, not one parameter a key: an intake batch, or a push of changes whose cases list reports, may name
  // more reports than the 65,535 parameters PostgreSQL takes.
  const rows = await db.select({ reportKey: purgedReports.reportKey }).from(purgedReports).where(sql`${purgedReports.reportKey} = ANY(${textArray([...idOf.keys()])})`);
  return new Set(rows.map((row) => idOf.get(row.reportKey)!));
}

/**
 * Remembers the cases and requests that held the purged reports (`case:<id>`, `action:<id>`) and the day they were
 * purged on (a later purge of another of their reports moves it on), in the purge's transaction.
 */
export async function rememberHolders(tx: HubDb, subjects: readonly string[], purgedOn: string): Promise<void> {
  if (subjects.length === 0) return;
  await tx
    .insert(purgedHolders)
    .values([...new Set(subjects)].map((subject) => ({ subject, purgedOn })))
    .onConflictDoUpdate({ target: purgedHolders.subject, set: { purgedOn: sql`GREATEST(${purgedHolders.purgedOn}, excluded.purged_on)` } });
}

/** The cases and requests among these that held a report retention purged, with the day it was purged on. */
export async function heldPurgedAmong(db: HubDb, subjects: readonly string[]): Promise<Map<string, string>> {
  if (subjects.length === 0) return new Map();
  const rows = await db.select({ subject: purgedHolders.subject, purgedOn: purgedHolders.purgedOn }).from(purgedHolders).where(inArray(purgedHolders.subject, [...new Set(subjects)]));
  return new Map(rows.map((row) => [row.subject, row.purgedOn]));
}
