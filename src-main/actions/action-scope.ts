/** The reports around a request besides its bundle: those that arrived since, and those after its execution. */
import type Database from 'better-sqlite3';
import type { ActionDetail } from '../../shared/api/action-views';
import type { ActionRecord } from './action-record';
import { indicatorId, scopeReportIds } from './bundle-scope';
import { dutchDay } from './dutch-format';

/** Live reports the request's indicator (or case, or cluster) now has that its bundle lacks. */
export function newReportIds(sqlite: Database.Database, action: ActionRecord): string[] {
  const inBundle = new Set(action.payload.reportIds);
  const scope = { indicator: action.indicator, caseId: action.caseId, clusterReportId: action.payload.clusterReportId };
  return scopeReportIds(sqlite, scope).filter((reportId) => !inBundle.has(reportId));
}

/**
 * Whether a block or takedown worked: live reports that still mention the indicator with an incident (or, without
 * one, a receipt) on a day after the execution date. Null until executed, and for requests about no indicator.
 */
export function effectAfterExecution(sqlite: Database.Database, action: ActionRecord): ActionDetail['effect'] {
  if (action.executedAt === null || action.indicator === null) return null;
  const id = indicatorId(sqlite, action.indicator);
  const rows =
    id === undefined
      ? []
      : sqlite
          .prepare<[number], { reportId: string; at: string }>(
            `SELECT report_id AS reportId, coalesce(incident_at, received_at) AS at FROM reports
             WHERE status = 'filed' AND id IN (SELECT report_id FROM mentions WHERE indicator_id = ?) ORDER BY at, report_id`,
          )
          .all(id);
  const after = rows.filter((row) => dutchDay(row.at) > action.executedAt!).map((row) => row.reportId);
  return { since: action.executedAt, reportsAfter: after.length, reportIdsAfter: after };
}
