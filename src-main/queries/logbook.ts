/**
 * The Logboek: who consulted a report and why, or everything one officer did in a period — the audit log read for
 * supervisors and the privacy officer, newest first. And the purpose an officer last gave within a report's cases,
 * so the UI can offer it again.
 */
import type Database from 'better-sqlite3';
import Papa from 'papaparse';
import type { LogbookEntryView, LogbookQuery } from '../../shared/api/views';
import { upcastAuditEntry } from '../../shared/mutations/upcast';
import { auditEntries, countAuditEntries, lastPurposeGiven, type AuditFilter } from '../audit/audit-entries';
import { workstationId } from '../audit/chain-entries';
import { intakeEntryAbout } from '../../shared/audit/intake-batch';
import { reportsSharingACase } from '../mutations/case-members';

/** The entries not yet sent to the hub shown with its answer's first page; beyond it the page says more exist. */
export const LOGBOOK_LIMIT = 5000;

export const purposeOf = (details: Record<string, unknown> | null): string | null => (typeof details?.purpose === 'string' ? details.purpose : null);

/** The query as the audit log's filter: below `beforeId` and up to the query's `upToId`, after `afterId`. */
function filterOf(query: LogbookQuery, bounds: { afterId?: number; beforeId?: number }): AuditFilter {
  const below = [bounds.beforeId, query.upToId === undefined ? undefined : query.upToId + 1].filter((id): id is number => id !== undefined);
  return {
    ...(query.reportId !== undefined ? { reportId: query.reportId } : {}),
    ...(query.officer !== undefined ? { actor: query.officer } : {}),
    ...(query.from !== undefined ? { fromDay: query.from } : {}),
    ...(query.to !== undefined ? { toDay: query.to } : {}),
    ...(bounds.afterId !== undefined ? { afterId: bounds.afterId } : {}),
    ...(below.length > 0 ? { beforeId: Math.min(...below) } : {}),
  };
}

/** What the Logboek shows of a stored entry: about one report, an intake batch entry's part about it; else the entry. */
const viewsOf = <T extends Parameters<typeof intakeEntryAbout>[0]>(stored: T, query: LogbookQuery): T[] =>
  query.reportId === undefined ? [stored] : intakeEntryAbout(stored, query.reportId);

/**
 * This workstation's entries that answer the query, newest first: up to `upToId`, after `afterId` (the part the hub
 * did not hold yet) and before `beforeId` (the next page), the newest `limit` of them; `truncated` when more match.
 */
export function logbook(
  sqlite: Database.Database,
  query: LogbookQuery,
  options: { limit?: number; afterId?: number; beforeId?: number } = {},
): { entries: LogbookEntryView[]; truncated: boolean } {
  const limit = options.limit ?? LOGBOOK_LIMIT;
  const here = workstationId(sqlite);
  const entries: LogbookEntryView[] = [];
  for (const { hash: _hash, ...stored } of auditEntries(sqlite, filterOf(query, options), 'newest')) {
    // About one report: an intake batch entry shows only what it says of that report (newest first, as the page).
    const about = viewsOf(stored, query).reverse();
    // The limit counts views; an entry's views stay on one page (the next page starts below its id).
    if (entries.length > 0 && entries.length + about.length > limit) return { entries, truncated: true };
    for (const view of about) {
      const entry = upcastAuditEntry(view);
      entries.push({ ...entry, workstationId: here, purpose: purposeOf(entry.details) });
    }
  }
  return { entries, truncated: false };
}

/** How many of this workstation's entries answer the query (up to its `upToId`), as the page shows them: views. */
export function logbookTotal(sqlite: Database.Database, query: LogbookQuery): number {
  if (query.reportId === undefined) return countAuditEntries(sqlite, filterOf(query, {}));
  let views = 0;
  for (const stored of auditEntries(sqlite, filterOf(query, {}))) views += viewsOf(stored, query).length;
  return views;
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
  return lastPurposeGiven(sqlite, officer, reportsSharingACase(sqlite, reportId));
}
