/**
 * Writes a batch of validated intake records (planned by ./plan.ts) in one transaction: its records are applied
 * whole or not at all. The batch's reports are locked first (advisory locks, in a fixed order) and only then
 * read, so concurrent requests for the same report apply one after the other; feed entries are appended last
 * (see ../feed/append.ts). Rows travel as one JSON parameter per statement (`json_to_recordset`): building a
 * multi-row VALUES list with a parameter per cell cost more CPU in the hub than everything else it does.
 */
import { sql } from 'drizzle-orm';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { Clock } from '../../shared/platform/clock';
import { redactRecord } from '../../shared/intake/revision-rules';
import { reportWords, type ReportWords } from '../../shared/retention/report-words';
import { inTransaction, queryRows, textArray, type HubDb } from '../db/database';
import { lockReports } from '../db/locks';
import { appendToFeed } from '../feed/append';
import { storeCurrentIndicators } from '../indicators/intake-indicators';
import { reannounceForReports } from '../mutations/reach/announce';
import { purgedAmong } from '../retention/tombstones';
import { oweRedactionCompaction } from '../retention/redaction-compaction';
import { redactWithdrawnTraces } from './withdrawn-traces';
import { planIntake, type HubIntakeOutcome, type IntakeInput, type StoredReport } from './plan';

export type { HubIntakeOutcome, IntakeInput } from './plan';

export interface ApplyContext {
  clock: Clock;
  /** The intake token that delivered the records. */
  tokenId: number;
  /**
   * Called once the batch committed, when it redacted stored text (a withdrawal): the old rows are still in the files,
   * and a compaction is owed (../retention/redaction-compaction.ts).
   */
  afterRedaction?: () => void;
}

async function loadReports(tx: HubDb, reportIds: readonly string[]): Promise<Map<string, StoredReport>> {
  const rows = await queryRows<{
    report_id: string;
    revision: number;
    status: 'filed' | 'withdrawn';
    regions: string[];
    withdrawn_revision: number | null;
    first_received_at: string;
    revisions: number[];
  }>(
    tx,
    sql`SELECT r.report_id, r.revision, r.status, r.regions, r.withdrawn_revision, to_char(r.first_received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS first_received_at,
          ARRAY(SELECT v.revision FROM report_revisions v WHERE v.report_id = r.report_id) AS revisions
        FROM reports r
        WHERE r.report_id = ANY(${textArray(reportIds)})`,
  );
  return new Map(
    rows.map((row) => [
      row.report_id,
      {
        revision: row.revision,
        status: row.status,
        regions: row.regions,
        withdrawnRevision: row.withdrawn_revision,
        firstReceivedAt: row.first_received_at,
        revisions: row.revisions,
      },
    ]),
  );
}

/**
 * Redacts the stored revisions in each range; returns the words of each report so withdrawn, read before, which
 * officers' work may quote (./withdrawn-traces.ts).
 */
async function redactStored(tx: HubDb, ranges: ReadonlyArray<{ reportId: string; after: number; upTo: number }>): Promise<Map<string, ReportWords>> {
  if (ranges.length === 0) return new Map();
  const rows = await queryRows<{ report_id: string; revision: number; raw: string }>(
    tx,
    sql`SELECT r.report_id, r.revision, r.raw FROM report_revisions r WHERE r.report_id = ANY(${textArray(ranges.map((range) => range.reportId))})`,
  );
  const records = new Map<string, IntakeRecord[]>();
  for (const row of rows) records.set(row.report_id, [...(records.get(row.report_id) ?? []), JSON.parse(row.raw) as IntakeRecord]);
  const rangeOf = new Map(ranges.map((range) => [range.reportId, range]));
  const changed = rows
    .filter((row) => {
      const range = rangeOf.get(row.report_id)!;
      return row.revision > range.after && row.revision <= range.upTo;
    })
    .map((row) => ({ reportId: row.report_id, revision: row.revision, raw: redactRecord(JSON.parse(row.raw) as IntakeRecord), old: row.raw }))
    .filter((row) => row.raw !== row.old)
    .map(({ old: _old, ...row }) => row);
  if (changed.length > 0) {
    await tx.execute(
      sql`UPDATE report_revisions r SET raw = v.raw
          FROM json_to_recordset(${JSON.stringify(changed)}::json) AS v("reportId" text, revision int, raw text)
          WHERE r.report_id = ANY(${textArray(changed.map((row) => row.reportId))}) AND r.report_id = v."reportId" AND r.revision = v.revision`,
    );
  }
  return new Map([...records].map(([reportId, revisions]) => [reportId, reportWords(revisions)]));
}

/** Applies whole records in one transaction; returns each record's outcome, in order. */
export async function applyIntakeBatch(db: HubDb, inputs: readonly IntakeInput[], context: ApplyContext): Promise<HubIntakeOutcome[]> {
  if (inputs.length === 0) return [];
  const reportIds = [...new Set(inputs.map((input) => input.record.reportId))];
  let redacted = false;
  const outcomes = await inTransaction(db, async (tx) => {
    const at = context.clock.now().toISOString();
    await lockReports(tx, reportIds);
    const stored = await loadReports(tx, reportIds);
    // Only an id the hub no longer holds can be a purged one.
    const plan = planIntake(stored, inputs, await purgedAmong(tx, reportIds.filter((reportId) => !stored.has(reportId))));

    if (plan.newReports.length > 0) {
      await tx.execute(
        sql`INSERT INTO reports (report_id, revision, status, regions, withdrawn_revision, first_received_at, updated_at)
            SELECT v."reportId", v.revision, v.status, ARRAY(SELECT json_array_elements_text(v.regions)), v."withdrawnRevision",
              v."firstReceivedAt", ${at}::timestamptz
            FROM json_to_recordset(${JSON.stringify(plan.newReports)}::json)
              AS v("reportId" text, revision int, status text, regions json, "withdrawnRevision" int, "firstReceivedAt" timestamptz)`,
      );
    }
    if (plan.changedReports.length > 0) {
      await tx.execute(
        sql`UPDATE reports r SET revision = v.revision, status = v.status,
              regions = ARRAY(SELECT json_array_elements_text(v.regions)),
              withdrawn_revision = v."withdrawnRevision", first_received_at = v."firstReceivedAt", updated_at = ${at}::timestamptz
            FROM json_to_recordset(${JSON.stringify(plan.changedReports)}::json)
              AS v("reportId" text, revision int, status text, regions json, "withdrawnRevision" int, "firstReceivedAt" timestamptz)
            WHERE r.report_id = ANY(${textArray(plan.changedReports.map((row) => row.reportId))}) AND r.report_id = v."reportId"`,
      );
    }
    await redactWithdrawnTraces(tx, await redactStored(tx, plan.redactStored), at.slice(0, 10));
    redacted = plan.redactStored.length > 0;
    // Owed in this transaction, so that a restart before the compaction does not lose it.
    if (redacted) await oweRedactionCompaction(tx);
    if (plan.newRevisions.length > 0) {
      await tx.execute(
        sql`INSERT INTO report_revisions (report_id, revision, status, region, received_at, raw, stored_at, token_id)
            SELECT v."reportId", v.revision, v.status, v.region, v."receivedAt", v.raw, ${at}::timestamptz, ${context.tokenId}::int
            FROM json_to_recordset(${JSON.stringify(plan.newRevisions)}::json)
              AS v("reportId" text, revision int, status text, region text, "receivedAt" timestamptz, raw text)`,
      );
    }
    await storeCurrentIndicators(tx, plan, inputs);
    const grown = [...plan.newReports, ...plan.changedReports].flatMap((row) => {
      const before = stored.get(row.reportId)?.regions ?? [];
      return row.regions.filter((region) => !before.includes(region)).map((region) => ({ reportId: row.reportId, region }));
    });
    // Officers' work on a report (or its case or request) follows it into a region it names only now.
    await appendToFeed(tx, [...plan.feedItems, ...(await reannounceForReports(tx, grown))]);
    return plan.outcomes;
  });
  if (redacted) context.afterRedaction?.();
  return outcomes;
}
