/**
 * Which intake batch entry names which report (`audit_entry_reports`, review M2). A batch entry (`reports.received`,
 * shared/audit/intake-batch.ts) lists up to 500 reports in its details; a report's audit trail (./questions.ts) finds
 * its entries here rather than by searching the details of every batch entry. Filled in the transaction that accepts
 * a push, from the report ids each entry lists — not those of reports retention purged already (a workstation offline
 * across the purge sends its entries late) — and emptied of a report by its purge; the entries keep naming it, as
 * the workstation's index does (migration 0047 there). Migration 0028 filled it from the entries held before.
 */
import { sql } from 'drizzle-orm';
import { intakeReportIds, isBatchEntry, narrowIntakeDetails } from '../../shared/audit/intake-batch';
import { REPORT_ID_PATTERN } from '../../shared/intake/vocabulary';
import { queryRows, textArray, type HubDb } from '../db/database';
import { shareAuditIndex } from '../db/locks';
import { tombstonesOf } from '../retention/tombstones';
import { inRegions } from './report-regions';

interface AcceptedEntry {
  seq: number;
  action: string;
  subjectType: string;
  subjectId: string;
  details: string | null;
}

/** An entry's details as an object, or null when they are not a JSON object (the hub stores any text). */
function detailsObject(details: string | null): Record<string, unknown> | null {
  if (details === null) return null;
  try {
    const parsed: unknown = JSON.parse(details);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The report ids an entry's details list. Only report ids are asked about (parse-question.ts), and only they are kept. */
function reportIdsListed(details: string | null): string[] {
  const parsed = detailsObject(details);
  return parsed === null ? [] : intakeReportIds(parsed).filter((id) => REPORT_ID_PATTERN.test(id));
}

/** In the push's transaction, after its entries are stored: the reports each new batch entry names. */
export async function indexIntakeEntries(tx: HubDb, workstationId: string, entries: readonly AcceptedEntry[]): Promise<void> {
  const named = entries.flatMap((entry) => (isBatchEntry(entry) ? reportIdsListed(entry.details).map((reportId) => ({ report_id: reportId, seq: entry.seq })) : []));
  if (named.length === 0) return;
  // A purge under way has emptied the index of its reports but not committed their tombstones: wait for it.
  await shareAuditIndex(tx);
  // Checked in the insert, against the tombstones: a push may name 250,000 reports, and a list of them as a parameter
  // is searched element by element (~4x the whole insert's time on PostgreSQL, measured).
  const tombstones = await tombstonesOf(tx, named.map((row) => row.report_id));
  const rows = named.map((row, index) => ({ ...row, tombstone: tombstones?.[index] ?? null }));
  await tx.execute(
    sql`INSERT INTO audit_entry_reports (report_id, workstation_id, seq)
        SELECT named.report_id, ${workstationId}, named.seq FROM json_to_recordset(${JSON.stringify(rows)}::json) AS named(report_id text, seq integer, tombstone text)
        WHERE named.tombstone IS NULL OR NOT EXISTS (SELECT 1 FROM purged_reports p WHERE p.report_key = named.tombstone)`,
  );
}

/** In the purge's transaction: the reports leave the index; the entries naming them stay. */
export async function forgetIntakeEntries(tx: HubDb, reportIds: readonly string[]): Promise<void> {
  if (reportIds.length === 0) return;
  await tx.execute(sql`DELETE FROM audit_entry_reports WHERE report_id = ANY(${textArray(reportIds)})`);
}

/** The entries (workstation, seq) that name the report: a subquery for ./questions.ts. */
export const intakeEntriesNaming = (reportId: string) => sql`SELECT x.workstation_id, x.seq FROM audit_entry_reports x WHERE x.report_id = ${reportId}`;

/** Whether the batch entry `e` names a report of these regions: a condition for ./questions.ts. */
export const namesReportOfRegions = (regions: readonly string[]) =>
  sql`EXISTS (SELECT 1 FROM audit_entry_reports x WHERE x.workstation_id = e.workstation_id AND x.seq = e.seq AND ${inRegions(sql`x.report_id`, regions)})`;

/**
 * The page as a regional caller sees it: each batch entry's details narrowed to the reports of their regions that it
 * names (shared/audit/intake-batch.ts), the other entries as they are. The entry is not as it was hashed any more; it
 * is as much of it as the caller may know.
 */
export async function narrowedToRegions<T extends AcceptedEntry & { workstationId: string }>(db: HubDb, entries: readonly T[], regions: readonly string[]): Promise<T[]> {
  const batches = entries.filter((entry) => isBatchEntry(entry));
  if (batches.length === 0) return [...entries];
  const places = JSON.stringify(batches.map((entry) => ({ workstation_id: entry.workstationId, seq: entry.seq })));
  const rows = await queryRows<{ workstation_id: string; seq: number; report_id: string }>(
    db,
    sql`SELECT x.workstation_id, x.seq, x.report_id FROM audit_entry_reports x
        JOIN json_to_recordset(${places}::json) AS page(workstation_id text, seq integer) ON x.workstation_id = page.workstation_id AND x.seq = page.seq
        WHERE ${inRegions(sql`x.report_id`, regions)}`,
  );
  const visible = new Set(rows.map((row) => `${row.workstation_id} ${row.seq} ${row.report_id}`));
  return entries.map((entry) => {
    if (!isBatchEntry(entry)) return entry;
    const details = detailsObject(entry.details) ?? {};
    return { ...entry, details: JSON.stringify(narrowIntakeDetails(details, (reportId) => visible.has(`${entry.workstationId} ${entry.seq} ${reportId}`))) };
  });
}
