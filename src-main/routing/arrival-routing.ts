import { errorKind } from '../../shared/errors';
import type { CaseStore } from '../db/open-store';
import type { ServiceDeps } from '../mutations';
import type { Logger } from '../../shared/platform/logger';
import { createArrivalFacts } from '../queries/report-route';
import { recordRoute } from './record-route';
import { reasonOf } from './route-reason';
import { createRuleRouter } from './rule-router';
import { writeTransaction } from '../db/write-transaction';

/** Older reports (a first sync's backlog) wait for a supervisor's `routing.apply` instead. */
const FRESH_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * Routes reports that just arrived through sync: live, fresh, and not routed yet (a colleague's route may have
 * come first). Each becomes a `report.route` by the rules, in the signed-in officer's name and audited as
 * automatic.
 */
function routeArrivals(store: CaseStore, deps: ServiceDeps, officer: string, reportIds: readonly string[]): void {
  const { sqlite } = store;
  const arrival = createArrivalFacts(sqlite);
  const now = deps.clock.now().getTime();
  const waiting = reportIds.filter((reportId) => {
    const row = arrival(reportId);
    return row !== undefined && row.status === 'filed' && row.routed === 0 && now - Date.parse(row.firstReceivedAt) < FRESH_FOR_MS;
  });
  if (waiting.length === 0) return;
  const route = createRuleRouter(sqlite);
  writeTransaction(sqlite, () => {
    for (const reportId of waiting) {
      const { team, priority, assignee, ruleId, matched } = route(reportId).route;
      if (ruleId === null) continue;
      recordRoute(store, deps, officer, { reportId, team, priority, assignee, ruleId, reason: reasonOf(matched), automatic: true });
    }
  })();
}

/**
 * The sync engine's `onReportsArrived`: routes in the name of whoever is signed in at that moment. A failure is
 * logged, never thrown into sync: the reports stay unrouted until a supervisor applies the rules.
 */
export function createArrivalRouter(store: CaseStore, deps: { services: ServiceDeps; officer: () => string; logger: Logger }) {
  return (reportIds: readonly string[]): void => {
    try {
      routeArrivals(store, deps.services, deps.officer(), reportIds);
    } catch (error) {
      deps.logger.warn('routing.arrivals_failed', { reports: reportIds.length, error: errorKind(error) });
    }
  };
}
