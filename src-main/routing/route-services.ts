import { AppError } from '../../shared/errors';
import { ROUTE_PRIORITIES, type RouteExplanation, type RoutePriority } from '../../shared/routing/rules';
import type { CaseStore } from '../db/open-store';
import type { ServiceDeps } from '../mutations';
import { optionalText, requireIdList, requireOneOf, requireReports, requireSupervisor, requireText } from '../mutations/services/guards';
import { findOfficer } from '../db/officers';
import { currentRoute } from './current-route';
import { recordRoute } from './record-route';
import { reasonOf } from './route-reason';
import { createRuleRouter } from './rule-router';
import { writeTransaction } from '../db/write-transaction';

type Placement = Pick<RouteExplanation, 'team' | 'priority' | 'assignee' | 'ruleId'>;

const samePlacement = (current: Placement | null, next: Placement) =>
  current !== null && current.team === next.team && current.priority === next.priority && current.assignee === next.assignee && current.ruleId === next.ruleId;

/**
 * Routes live reports by the rules now (the backlog of a first sync, or after the rules changed): one `report.route`
 * per report whose place changes. Returns how many changed.
 */
export function applyRoutingRules(store: CaseStore, deps: ServiceDeps, input: { officer: string; reportIds: readonly string[] }): number {
  const { sqlite } = store;
  requireSupervisor(sqlite, input.officer, 'apply the routing rules');
  const reportIds = requireIdList(input.reportIds, 'Applying the routing rules');
  requireReports(sqlite, reportIds);
  return writeTransaction(sqlite, () => {
    const route = createRuleRouter(sqlite);
    let changed = 0;
    for (const reportId of reportIds) {
      const { facts, route: next } = route(reportId);
      if (!facts.live || next.ruleId === null || samePlacement(currentRoute(sqlite, reportId), next)) continue;
      const { team, priority, assignee, ruleId, matched } = next;
      recordRoute(store, deps, input.officer, { reportId, team, priority, assignee, ruleId, reason: reasonOf(matched), automatic: false });
      changed += 1;
    }
    return changed;
  })();
}

/** A supervisor puts reports in a team (and with an officer) by hand: `report.route` without a rule, with the reason. */
export function rerouteReports(
  store: CaseStore,
  deps: ServiceDeps,
  input: { officer: string; reportIds: readonly string[]; team: string | null; priority: RoutePriority; assignee: string | null; reason: string },
): number {
  const { sqlite } = store;
  requireSupervisor(sqlite, input.officer, 're-route reports');
  const reportIds = requireIdList(input.reportIds, 'Re-routing');
  requireReports(sqlite, reportIds);
  const reason = requireText(input.reason, 'The reason for re-routing');
  const placement: Placement = {
    team: optionalText(input.team),
    priority: requireOneOf(input.priority, ROUTE_PRIORITIES, 'The priority'),
    assignee: optionalText(input.assignee),
    ruleId: null,
  };
  if (placement.assignee !== null && !findOfficer(sqlite, placement.assignee)) {
    throw new AppError('BAD_INPUT', `There is no active officer "${placement.assignee}" to assign to.`);
  }
  return writeTransaction(sqlite, () => {
    const moving = reportIds.filter((reportId) => !samePlacement(currentRoute(sqlite, reportId), placement));
    for (const reportId of moving) recordRoute(store, deps, input.officer, { reportId, ...placement, reason, automatic: false });
    return moving.length;
  })();
}
