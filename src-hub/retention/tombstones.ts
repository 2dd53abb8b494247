/**
 * What retention removed does not come back: neither the portal re-sending a purged report nor a workstation that
 * was offline across the purge pushing its changes about one. The hub remembers each purged report by a tombstone
 * alone. A reportId is pseudonymous personal data — the portal and the citizen's receipt tie it to the victim — and
 * its ten million values a year are tried in seconds, so a tombstone is an HMAC-SHA-256 of the id under a random key
 * of the hub's own (`purge_key`), not the id nor a plain hash of it: the tombstones alone (a copy of the table, an
 * export) name nobody; with the database and an id one can test whether it was purged, which is what the hub must do.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { HubDb } from '../db/database';
import { purgedReports, purgeKey } from '../db/schema';

const ROW = 1;

/** Why a purged report's revision or a change about it is refused; it never names the report. */
export const PURGED_REPORT_REASON = 'the report expired and was removed under the retention period; it is not taken again';

async function readKey(db: HubDb): Promise<Buffer | null> {
  const [row] = await db.select({ key: purgeKey.key }).from(purgeKey).where(eq(purgeKey.id, ROW));
  return row ? Buffer.from(row.key, 'base64') : null;
}

async function keyForPurge(db: HubDb): Promise<Buffer> {
  await db.insert(purgeKey).values({ id: ROW, key: randomBytes(32).toString('base64') }).onConflictDoNothing({ target: purgeKey.id });
  return (await readKey(db))!;
}

const tombstoneOf = (key: Buffer, reportId: string) => createHmac('sha256', key).update(reportId).digest('base64url');

/** Leaves a tombstone for each report, in the purge's transaction. */
export async function buryReports(tx: HubDb, reportIds: readonly string[]): Promise<void> {
  if (reportIds.length === 0) return;
  const key = await keyForPurge(tx);
  await tx
    .insert(purgedReports)
    .values(reportIds.map((reportId) => ({ reportKey: tombstoneOf(key, reportId) })))
    .onConflictDoNothing({ target: purgedReports.reportKey });
}

/** The reports among these that retention purged. */
export async function purgedAmong(db: HubDb, reportIds: readonly string[]): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const key = await readKey(db);
  if (key === null) return new Set();
  const idOf = new Map(reportIds.map((reportId) => [tombstoneOf(key, reportId), reportId]));
  const rows = await db.select({ reportKey: purgedReports.reportKey }).from(purgedReports).where(inArray(purgedReports.reportKey, [...idOf.keys()]));
  return new Set(rows.map((row) => idOf.get(row.reportKey)!));
}
