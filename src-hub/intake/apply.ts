/**
 * Writes a batch of validated intake records (planned by ./plan.ts) in one transaction: its records are applied
 * whole or not at all. The batch's reports are locked first (advisory locks, in a fixed order) and only then
 * read, so concurrent requests for the same report apply one after the other; feed entries are appended last
 * (see ../feed/append.ts).
 */
import { inArray, sql } from 'drizzle-orm';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { Clock } from '../../src-main/platform/clock';
import { redactRecord } from '../../src-main/store/redact';
import { inTransaction, queryRows, type HubDb } from '../db/database';
import { REPORT_LOCK_CLASS } from '../db/locks';
import { reportRevisions, reports } from '../db/schema';
import { appendToFeed } from '../feed/append';
import { planIntake, type IntakeInput, type IntakeOutcome, type StoredReport } from './plan';

export type { IntakeInput, IntakeOutcome } from './plan';

export interface ApplyContext {
  clock: Clock;
  /** The intake token that delivered the records. */
  tokenId: number;
}

async function lockReports(tx: HubDb, reportIds: readonly string[]): Promise<void> {
  // Sorted by key, so two requests never wait for each other in a cycle.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${REPORT_LOCK_CLASS}::int, k)
        FROM (SELECT DISTINCT hashtext(id) AS k FROM jsonb_array_elements_text(${JSON.stringify(reportIds)}::jsonb) AS t(id) ORDER BY k) AS keys`,
  );
}

async function loadReports(tx: HubDb, reportIds: readonly string[]): Promise<Map<string, StoredReport>> {
  const found = new Map<string, StoredReport>();
  const rows = await tx.select().from(reports).where(inArray(reports.reportId, [...reportIds]));
  for (const row of rows) {
    found.set(row.reportId, {
      revision: row.revision,
      status: row.status,
      regions: row.regions,
      withdrawnRevision: row.withdrawnRevision,
      firstReceivedAt: row.firstReceivedAt,
      revisions: [],
    });
  }
  if (found.size > 0) {
    const revisions = await tx
      .select({ reportId: reportRevisions.reportId, revision: reportRevisions.revision })
      .from(reportRevisions)
      .where(inArray(reportRevisions.reportId, [...found.keys()]));
    for (const revision of revisions) found.get(revision.reportId)?.revisions.push(revision.revision);
  }
  return found;
}

async function redactStored(tx: HubDb, ranges: ReadonlyArray<{ reportId: string; after: number; upTo: number }>): Promise<void> {
  if (ranges.length === 0) return;
  const rows = await queryRows<{ report_id: string; revision: number; raw: string }>(
    tx,
    sql`SELECT r.report_id, r.revision, r.raw
        FROM jsonb_to_recordset(${JSON.stringify(ranges)}::jsonb) AS w("reportId" text, "after" int, "upTo" int)
        JOIN report_revisions r ON r.report_id = w."reportId" AND r.revision > w."after" AND r.revision <= w."upTo"`,
  );
  const changed = rows
    .map((row) => ({ reportId: row.report_id, revision: row.revision, raw: redactRecord(JSON.parse(row.raw) as IntakeRecord), old: row.raw }))
    .filter((row) => row.raw !== row.old)
    .map(({ old: _old, ...row }) => row);
  if (changed.length === 0) return;
  await tx.execute(
    sql`UPDATE report_revisions r SET raw = v.raw
        FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) AS v("reportId" text, revision int, raw text)
        WHERE r.report_id = v."reportId" AND r.revision = v.revision`,
  );
}

/** Applies whole records in one transaction; returns each record's outcome, in order. */
export async function applyIntakeBatch(db: HubDb, inputs: readonly IntakeInput[], context: ApplyContext): Promise<IntakeOutcome[]> {
  if (inputs.length === 0) return [];
  const reportIds = [...new Set(inputs.map((input) => input.record.reportId))];
  return inTransaction(db, async (tx) => {
    const at = context.clock.now().toISOString();
    await lockReports(tx, reportIds);
    const plan = planIntake(await loadReports(tx, reportIds), inputs);

    if (plan.newReports.length > 0) {
      await tx.insert(reports).values(plan.newReports.map((row) => ({ ...row, updatedAt: at })));
    }
    if (plan.changedReports.length > 0) {
      await tx.execute(
        sql`UPDATE reports r SET revision = v.revision, status = v.status,
              regions = ARRAY(SELECT jsonb_array_elements_text(v.regions)),
              withdrawn_revision = v."withdrawnRevision", first_received_at = v."firstReceivedAt", updated_at = ${at}::timestamptz
            FROM jsonb_to_recordset(${JSON.stringify(plan.changedReports)}::jsonb)
              AS v("reportId" text, revision int, status text, regions jsonb, "withdrawnRevision" int, "firstReceivedAt" timestamptz)
            WHERE r.report_id = v."reportId"`,
      );
    }
    await redactStored(tx, plan.redactStored);
    if (plan.newRevisions.length > 0) {
      await tx.insert(reportRevisions).values(plan.newRevisions.map((row) => ({ ...row, storedAt: at, tokenId: context.tokenId })));
    }
    await appendToFeed(tx, plan.feedItems);
    return plan.outcomes;
  });
}
