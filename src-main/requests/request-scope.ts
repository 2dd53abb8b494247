/** The reports around a request besides its bundle: those that arrived since, and those after its execution. */
import type Database from 'better-sqlite3';
import type { RequestDetail } from '../../shared/api/request-views';
import type { RequestRecord } from './request-record';
import { reportsMentioningAny, scopeReportIds } from '../queries/bundle-scope';
import { dutchDay } from '../../shared/platform/dutch-days';

/** Live reports the request's indicators (or case, or cluster) now have that its bundle lacks. */
export function newReportIds(sqlite: Database.Database, action: RequestRecord): string[] {
  const inBundle = new Set(action.payload.reportIds);
  const scope = { indicator: action.indicator, batch: action.payload.batchIndicators, caseId: action.caseId, clusterReportId: action.payload.clusterReportId };
  return scopeReportIds(sqlite, scope).filter((reportId) => !inBundle.has(reportId));
}

/**
 * Whether a block or takedown worked: live reports that still mention the indicator with an incident (or, without
 * one, a receipt) on a day after the execution date. Null until executed, and for requests about no indicator.
 */
export function effectAfterExecution(sqlite: Database.Database, action: RequestRecord): RequestDetail['effect'] {
  const { executedAt, indicator } = action;
  if (executedAt === null || indicator === null) return null;
  const after = reportsMentioningAny(sqlite, [indicator, ...action.payload.batchIndicators])
    .filter((report) => dutchDay(report.at) > executedAt)
    .map((report) => report.reportId);
  return { since: executedAt, reportsAfter: after.length, reportIdsAfter: after };
}
