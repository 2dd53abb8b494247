import type Database from 'better-sqlite3';
import type { RouteExplanation } from '../../shared/routing/rules';
import { storedRoute } from '../queries/report-route';
import { matchedOf } from './route-reason';
import { routingRuleName } from './rule-store';

/** Where the report is now and why (the last `report.route` it got), or null while it was never routed. */
export function currentRoute(sqlite: Database.Database, reportId: string): RouteExplanation | null {
  const row = storedRoute(sqlite, reportId);
  if (!row || row.priority === null) return null;
  const reason = row.reason ?? '';
  const placed = { team: row.team, priority: row.priority, assignee: row.assignee, ruleId: row.ruleId };
  if (row.ruleId === null) return { ...placed, ruleName: null, matched: [], manual: { by: row.routedBy ?? '', at: row.routedAt ?? '', reason } };
  // A rule removed since still names itself, by its id.
  return { ...placed, ruleName: routingRuleName(sqlite, row.ruleId) ?? row.ruleId, matched: matchedOf(reason), manual: null };
}
