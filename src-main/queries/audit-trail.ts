import type Database from 'better-sqlite3';
import type { AuditEntryView } from '../../shared/api/views';
import { upcastAuditEntry } from '../../shared/mutations/upcast';
import { auditEntries } from '../audit/audit-entries';
import { intakeEntryAbout } from '../../shared/audit/intake-batch';
import { requireReportRow } from './report-record';

/**
 * Who did what with a report, and with the links from or to it, oldest first; its arrivals from intake as
 * `report.received`/`revised`/`withdrawn`, whether logged one a report (older stores) or in a batch entry.
 */
export function reportAuditTrail(sqlite: Database.Database, reportId: string): AuditEntryView[] {
  requireReportRow(sqlite, reportId);
  return Array.from(auditEntries(sqlite, { reportId }))
    .flatMap((entry) => intakeEntryAbout(entry, reportId))
    .map(({ at, actor, action, subjectType, subjectId, details }) => upcastAuditEntry({ at, actor, action, subjectType, subjectId, details }));
}
