/**
 * A regional supervisor's Logboek after retention: the audit entries about a purged report stay (the log is never
 * rewritten), but the report's row, which said its regions, is gone. Its regions are kept here for every purged
 * report the audit log names — at the purge for the entries held then, from the report's tombstone for entries a
 * workstation pushes later — so the regional questions (./questions.ts) still find them (`inRegions`). Only ids the
 * audit log holds already, each with its regions.
 */
import { sql, type SQL } from 'drizzle-orm';
import { textArray, type HubDb } from '../db/database';
import { shareAuditIndex } from '../db/locks';
import { auditReportRegions } from '../db/schema';
import { purgedReportRegions } from '../retention/tombstones';

/** A report of the caller's regions: it named one of them (or did, before retention purged it). */
export const inRegions = (reportId: SQL, regions: readonly string[]) =>
  sql`(EXISTS (SELECT 1 FROM reports r WHERE r.report_id = ${reportId} AND r.regions && ${textArray(regions)})
    OR EXISTS (SELECT 1 FROM audit_report_regions p WHERE p.report_id = ${reportId} AND p.regions && ${textArray(regions)}))`;

/** The reports an audit entry is about: a report, or both reports of a link (`a|b`). */
function reportsOfSubject(subjectType: string, subjectId: string): string[] {
  if (subjectType === 'report') return [subjectId];
  if (subjectType === 'link') return subjectId.split('|');
  return [];
}

/** Before the reports are deleted, in the purge's transaction: keeps the regions of those the audit log names. */
export async function keepAuditedRegions(tx: HubDb, reportIds: readonly string[]): Promise<void> {
  if (reportIds.length === 0) return;
  const ids = textArray(reportIds);
  await tx.execute(
    sql`INSERT INTO audit_report_regions (report_id, regions)
        SELECT r.report_id, r.regions FROM reports r
        WHERE r.report_id = ANY(${ids}) AND r.report_id IN (
          SELECT e.subject_id FROM audit_entries e WHERE e.subject_type = 'report' AND e.subject_id = ANY(${ids})
          UNION SELECT named.id FROM audit_entries e, unnest(string_to_array(e.subject_id, '|')) AS named(id)
            WHERE e.subject_type = 'link' AND named.id = ANY(${ids}))
        ON CONFLICT (report_id) DO NOTHING`,
  );
}

/** In the push's transaction: the regions of purged reports that newly accepted entries name, from their tombstones. */
export async function keepLateAuditedRegions(tx: HubDb, entries: ReadonlyArray<{ subjectType: string; subjectId: string }>): Promise<void> {
  const named = [...new Set(entries.flatMap((entry) => reportsOfSubject(entry.subjectType, entry.subjectId)))];
  if (named.length === 0) return;
  // A purge under way did not see these entries, and its tombstones are not committed yet: wait for it.
  await shareAuditIndex(tx);
  const regions = await purgedReportRegions(tx, named);
  if (regions.size === 0) return;
  await tx
    .insert(auditReportRegions)
    .values([...regions].map(([reportId, reportRegions]) => ({ reportId, regions: reportRegions })))
    .onConflictDoNothing({ target: auditReportRegions.reportId });
}
