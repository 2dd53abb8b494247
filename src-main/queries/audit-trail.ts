import type Database from 'better-sqlite3';
import type { AuditEntryView } from '../../shared/api/views';
import { requireReportRow } from './report-record';

interface AuditRow {
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: string | null;
}

/** Who did what with a report, and with the links from or to it, oldest first. */
export function reportAuditTrail(sqlite: Database.Database, reportId: string): AuditEntryView[] {
  requireReportRow(sqlite, reportId);
  return sqlite
    .prepare<[string, string, string], AuditRow>(
      `SELECT at, actor, action, subject_type AS subjectType, subject_id AS subjectId, details FROM audit_log
       WHERE (subject_type = 'report' AND subject_id = ?)
          OR (subject_type = 'link' AND (subject_id LIKE ? ESCAPE '\\' OR subject_id LIKE ? ESCAPE '\\'))
       ORDER BY id`,
    )
    .all(reportId, `${escapeLike(reportId)}|%`, `%|${escapeLike(reportId)}`)
    .map((row) => ({ ...row, details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>) }));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
