import type Database from 'better-sqlite3';
import type { RoutePriority, RouteExplanation } from '../../shared/routing/rules';
import { matchedOf } from './route-reason';
import { routingRuleName } from './rule-store';

interface RouteRow {
  assignee: string | null;
  team: string | null;
  priority: RoutePriority | null;
  ruleId: string | null;
  reason: string | null;
  routedBy: string | null;
  routedAt: string | null;
}

/** Where the report is now and why (the last `report.route` it got), or null while it was never routed. */
export function currentRoute(sqlite: Database.Database, reportId: string): RouteExplanation | null {
  const row = sqlite
    .prepare<[string], RouteRow>(
      `SELECT assignee, route_team AS team, route_priority AS priority, route_rule AS ruleId, route_reason AS reason,
         routed_by AS routedBy, routed_at AS routedAt
       FROM reports WHERE report_id = ?`,
    )
    .get(reportId);
  if (!row || row.priority === null) return null;
  const reason = row.reason ?? '';
  const placed = { team: row.team, priority: row.priority, assignee: row.assignee, ruleId: row.ruleId };
  if (row.ruleId === null) return { ...placed, ruleName: null, matched: [], manual: { by: row.routedBy ?? '', at: row.routedAt ?? '', reason } };
  // A rule removed since still names itself, by its id.
  return { ...placed, ruleName: routingRuleName(sqlite, row.ruleId) ?? row.ruleId, matched: matchedOf(reason), manual: null };
}
