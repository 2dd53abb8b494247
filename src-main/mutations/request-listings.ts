/**
 * Every report a request ever listed or was about, kept in `request_listed_reports` as the hub's `subject_reports`
 * keeps them (src-hub/mutations/reach/subjects.ts): an officer's texts for a request may quote a report a later list
 * change took out (`action.setReports`, or a colleague's concurrent change that won), so a purge or withdrawal of that
 * report redacts the request too (./report-traces.ts). The applier remembers the lists of every request creation and
 * list change it shows or applies, the losing ones as well; a purge forgets the purged report's rows, so its id does
 * not stay. Stores from before are filled from their audit log (migration 0035), which also names reports purged
 * before: retention/buried-listings.ts forgets those.
 */
import type Database from 'better-sqlite3';
import type { AnyMutation } from '../../shared/mutations/kinds';

/** The requests that ever listed the report bound as `@reportId` (or were about it). */
export const REQUESTS_EVER_LISTING = '(SELECT request_id FROM request_listed_reports WHERE report_id = @reportId)';

/** Every report some request ever listed (or was about). */
export const REPORTS_EVER_LISTED = 'SELECT report_id FROM request_listed_reports';

/** The reports a mutation makes part of a request's list, or the request about; none for other kinds. */
function listedBy(mutation: AnyMutation): { requestId: string; reportIds: string[] } | null {
  switch (mutation.kind) {
    case 'action.create': {
      const { actionId, reportIds, clusterReportId } = mutation.payload;
      return { requestId: actionId, reportIds: clusterReportId === null ? reportIds : [...reportIds, clusterReportId] };
    }
    case 'action.setReports':
      return { requestId: mutation.payload.actionId, reportIds: mutation.payload.reportIds };
    default:
      return null;
  }
}

export function createRequestListings(sqlite: Database.Database) {
  const insert = sqlite.prepare<[string, string]>('INSERT OR IGNORE INTO request_listed_reports (report_id, request_id) VALUES (?, ?)');
  const forget = sqlite.prepare<[string]>('DELETE FROM request_listed_reports WHERE report_id = ?');
  return {
    /** Every report some request ever listed (or was about), once each. */
    listedReports(): string[] {
      return sqlite.prepare<[], string>('SELECT DISTINCT report_id FROM request_listed_reports').pluck().all();
    },
    /** Remembers the reports the mutation lists for its request (in its transaction). */
    remember(mutation: AnyMutation): void {
      const listed = listedBy(mutation);
      if (listed) for (const reportId of new Set(listed.reportIds)) insert.run(reportId, listed.requestId);
    },
    /** A purged report was listed nowhere: its id does not stay here (its quotes are redacted before). */
    forgetReport(reportId: string): void {
      forget.run(reportId);
    },
  };
}
