/**
 * The hub's retention periods: the Dutch defaults (shared/retention/periods.ts) until a hub administrator sets
 * others. Workstations copy them at sync (`GET /v1/retention/periods`), so the hub and every workstation purge alike.
 */
import { eq } from 'drizzle-orm';
import type { Clock } from '../../shared/platform/clock';
import { DEFAULT_RETENTION_PERIODS, parseRetentionPeriods, type RetentionPeriods } from '../../shared/retention/periods';
import type { HubDb } from '../db/database';
import { retentionPeriods } from '../db/schema';

const ROW = 1;

export async function readHubRetentionPeriods(db: HubDb): Promise<RetentionPeriods> {
  const [row] = await db
    .select({ dailyTaskYears: retentionPeriods.dailyTaskYears, caseYears: retentionPeriods.caseYears })
    .from(retentionPeriods)
    .where(eq(retentionPeriods.id, ROW));
  return row ?? DEFAULT_RETENTION_PERIODS;
}

/** Replaces the periods after checking them (a case keeps its reports at least as long as the daily task). */
export async function writeHubRetentionPeriods(db: HubDb, clock: Clock, periods: unknown): Promise<RetentionPeriods> {
  const parsed = parseRetentionPeriods(periods);
  const updatedAt = clock.now().toISOString();
  await db
    .insert(retentionPeriods)
    .values({ id: ROW, ...parsed, updatedAt })
    .onConflictDoUpdate({ target: retentionPeriods.id, set: { ...parsed, updatedAt } });
  return parsed;
}
