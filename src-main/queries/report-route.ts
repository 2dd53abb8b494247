import type Database from 'better-sqlite3';
import type { RoutePriority } from '../../shared/routing/rules';

/** A report's route as the last `report.route` left it on its row (routing/ explains it). */
export interface StoredRoute {
  assignee: string | null;
  team: string | null;
  priority: RoutePriority | null;
  ruleId: string | null;
  reason: string | null;
  routedBy: string | null;
  routedAt: string | null;
}

export function storedRoute(sqlite: Database.Database, reportId: string): StoredRoute | undefined {
  return sqlite
    .prepare<[string], StoredRoute>(
      `SELECT assignee, route_team AS team, route_priority AS priority, route_rule AS ruleId, route_reason AS reason,
         routed_by AS routedBy, routed_at AS routedAt
       FROM reports WHERE report_id = ?`,
    )
    .get(reportId);
}

export interface ArrivalFacts {
  status: string;
  firstReceivedAt: string;
  /** 1 once the report has a route. */
  routed: number;
}

/** What automatic routing on arrival asks of a report, prepared once for a page of arrivals. */
export function createArrivalFacts(sqlite: Database.Database): (reportId: string) => ArrivalFacts | undefined {
  const arrival = sqlite.prepare<[string], ArrivalFacts>(
    'SELECT status, first_received_at AS firstReceivedAt, route_priority IS NOT NULL AS routed FROM reports WHERE report_id = ?',
  );
  return (reportId) => arrival.get(reportId);
}

/**
 * How many open (not closed) reports an officer is assigned, over the `reports_work` index, prepared once; the
 * report being routed does not count.
 */
export function createOpenAssignedCount(sqlite: Database.Database): (officer: string, besidesReportId: string) => number {
  const open = sqlite
    .prepare<[string, string], number>("SELECT count(*) FROM reports WHERE work_status IN ('new', 'in_progress') AND assignee = ? AND report_id != ?")
    .pluck();
  return (officer, besidesReportId) => open.get(officer, besidesReportId) ?? 0;
}
