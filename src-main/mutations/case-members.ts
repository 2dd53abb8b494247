import type Database from 'better-sqlite3';

/**
 * Reads of the cases' membership (`case_reports`) for the floors above, which call these instead of reading the
 * table (src-main/README.md, "Who owns which table").
 */

/** The report and every report that shares a case with it. */
export function reportsSharingACase(sqlite: Database.Database, reportId: string): string[] {
  return sqlite
    .prepare<[string, string], string>(
      'SELECT other.report_id FROM case_reports mine JOIN case_reports other ON other.case_id = mine.case_id WHERE mine.report_id = ? UNION SELECT ?',
    )
    .pluck()
    .all(reportId, reportId);
}
