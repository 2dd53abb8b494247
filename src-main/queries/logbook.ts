/**
 * The Logboek: who consulted a report and why, or everything one officer did in a period — the audit log read for
 * supervisors and the privacy officer, newest first. And the purpose an officer last gave within a report's cases,
 * so the UI can offer it again.
 */
import type Database from 'better-sqlite3';
import Papa from 'papaparse';
import type { LogbookEntryView, LogbookQuery } from '../../shared/api/views';
import { upcastAuditEntry } from '../../shared/mutations/upcast';
import { auditEntries } from '../audit/audit-entries';
import { workstationId } from '../audit/chain-entries';

/** More than a screen or a data-subject request needs; a longer period is narrowed. */
export const LOGBOOK_LIMIT = 5000;

const inPeriod = (at: string, query: LogbookQuery) => (query.from === undefined || at.slice(0, 10) >= query.from) && (query.to === undefined || at.slice(0, 10) <= query.to);

export const purposeOf = (details: Record<string, unknown> | null): string | null => (typeof details?.purpose === 'string' ? details.purpose : null);

/**
 * This workstation's entries that answer the query, newest first: up to `upToId` and after `afterId` (the part the
 * hub did not hold yet), the newest `limit` of them.
 */
export function logbook(sqlite: Database.Database, query: LogbookQuery, options: { limit?: number; afterId?: number } = {}): { entries: LogbookEntryView[]; truncated: boolean } {
  const limit = options.limit ?? LOGBOOK_LIMIT;
  const here = workstationId(sqlite);
  const matching: LogbookEntryView[] = [];
  let truncated = false;
  const filter = {
    ...(query.reportId !== undefined ? { reportId: query.reportId } : {}),
    ...(query.officer !== undefined ? { actor: query.officer } : {}),
    ...(options.afterId !== undefined ? { afterId: options.afterId } : {}),
  };
  for (const { hash: _hash, ...stored } of auditEntries(sqlite, filter)) {
    const entry = upcastAuditEntry(stored);
    // The log is read in id order: nothing after the newest entry asked for.
    if (query.upToId !== undefined && entry.id > query.upToId) break;
    if (!inPeriod(entry.at, query)) continue;
    matching.push({ ...entry, workstationId: here, purpose: purposeOf(entry.details) });
    // Keep the newest `limit`: the log is read oldest first.
    if (matching.length > limit) {
      matching.shift();
      truncated = true;
    }
  }
  return { entries: matching.reverse(), truncated };
}

/** The newest entry of this workstation's log (0: none). */
export function newestEntryId(sqlite: Database.Database): number {
  return sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() ?? 0;
}

/** The entries as CSV, one row each, the details as JSON. */
export function logbookCsv(entries: readonly LogbookEntryView[]): string {
  return Papa.unparse(
    entries.map((entry) => ({
      id: entry.id,
      workstation: entry.workstationId,
      at: entry.at,
      officer: entry.actor,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      purpose: entry.purpose ?? '',
      details: entry.details === null ? '' : JSON.stringify(entry.details),
    })),
    // Cells hold what officers typed (searches, purposes): a leading = + - @ must not run as a formula in a spreadsheet.
    { escapeFormulae: true },
  );
}

/** The purpose `officer` last gave for this report or another report of a case it is in (null: none yet). */
export function lastPurpose(sqlite: Database.Database, reportId: string, officer: string): string | null {
  return (
    sqlite
      .prepare<[string, string, string], string>(
        `SELECT json_extract(details, '$.purpose') FROM audit_log
         WHERE subject_type = 'report' AND actor = ? AND json_extract(details, '$.purpose') IS NOT NULL
           AND subject_id IN (SELECT other.report_id FROM case_reports mine JOIN case_reports other ON other.case_id = mine.case_id WHERE mine.report_id = ? UNION SELECT ?)
         ORDER BY id DESC LIMIT 1`,
      )
      .pluck()
      .get(officer, reportId, reportId) ?? null
  );
}
