import type Database from 'better-sqlite3';
import type { RouteExplanation } from '../../shared/routing/rules';
import { createRouteFactsReader, type RouteFacts } from '../queries/route-facts';
import { routeByRules } from './rule-engine';
import { listRoutingRules } from './rule-store';
import { createTeamLoads } from './team-loads';

/**
 * Evaluates the store's rules for its reports. Rules are read once per router; facts and team loads per report,
 * so a batch balances over the assignments it has just made.
 */
export function createRuleRouter(sqlite: Database.Database) {
  const rules = listRoutingRules(sqlite);
  const factsOf = createRouteFactsReader(sqlite);
  const teamLoadsBesides = createTeamLoads(sqlite);
  return (reportId: string): { facts: RouteFacts; route: RouteExplanation } => {
    const facts = factsOf(reportId);
    return { facts, route: routeByRules(rules, facts, teamLoadsBesides(reportId)) };
  };
}
