/**
 * The routing decision, pure and deterministic: the same rules and facts give the same route on every
 * workstation. The first enabled rule (by position, then id) whose conditions all hold decides.
 */
import type { RouteExplanation, RoutingConditions, RoutingRule, RoutingRuleView } from '../../shared/routing/rules';
import { CATEGORY_WORDS, INDICATOR_WORDS, REPORTER_WORDS, euros } from './dutch-wording';
import type { RouteFacts } from '../queries/route-facts';

/** An active member of a team and the open reports assigned to them. */
export interface OfficerLoad {
  id: string;
  open: number;
}

export type TeamLoads = (team: string) => readonly OfficerLoad[];

export const UNROUTED: RouteExplanation = { team: null, priority: 'normal', assignee: null, ruleId: null, ruleName: null, matched: [], manual: null };

type ConditionCheck = (conditions: RoutingConditions, facts: RouteFacts) => string | null | undefined;

/** Regions are typed by people: `oost-brabant` is `Oost-Brabant`. */
const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** One check per condition, in the order their facts are told: undefined when the rule does not set it, null when it fails. */
const CHECKS: readonly ConditionCheck[] = [
  ({ categories }, facts) => categories && (categories.includes(facts.category) ? `categorie is ${CATEGORY_WORDS[facts.category]}` : null),
  ({ regions }, { region }) => regions && (region !== null && regions.some((wanted) => sameText(wanted, region)) ? `regio is ${region}` : null),
  ({ reporterTypes }, { reporterType }) => reporterTypes && (reporterType !== null && reporterTypes.includes(reporterType) ? `melder is ${REPORTER_WORDS[reporterType]}` : null),
  ({ minLossCents }, { lossCents }) => (minLossCents === undefined ? undefined : lossCents >= minLossCents ? `schade ${euros(lossCents)} is minstens ${euros(minLossCents)}` : null),
  ({ maxLossCents }, { lossCents }) => (maxLossCents === undefined ? undefined : lossCents <= maxLossCents ? `schade ${euros(lossCents)} is hoogstens ${euros(maxLossCents)}` : null),
  ({ minClusterSize }, { clusterSize }) =>
    minClusterSize === undefined ? undefined : clusterSize >= minClusterSize ? `cluster telt ${clusterSize} meldingen, minstens ${minClusterSize}` : null,
  ({ indicatorTypes }, facts) => {
    if (!indicatorTypes) return undefined;
    const present = facts.indicatorTypes.filter((type) => indicatorTypes.includes(type));
    return present.length > 0 ? `bevat indicatoren van type ${present.map((type) => INDICATOR_WORDS[type]).join(', ')}` : null;
  },
  ({ clusterHasOwner }, { clusterOwner }) => {
    if (clusterHasOwner === undefined) return undefined;
    if (clusterHasOwner !== (clusterOwner !== null)) return null;
    return clusterOwner ? `cluster heeft al een eigenaar: ${clusterOwner.id}` : 'cluster heeft nog geen eigenaar';
  },
];

/** The facts that make every condition of the rule hold, or null when one does not. */
export function matchConditions(conditions: RoutingConditions, facts: RouteFacts): string[] | null {
  const matched: string[] = [];
  for (const check of CHECKS) {
    const fact = check(conditions, facts);
    if (fact === null) return null;
    if (fact !== undefined) matched.push(fact);
  }
  return matched.length > 0 ? matched : ['geen voorwaarden: geldt voor elke melding'];
}

/** The least loaded member; equal loads go to the lowest id. Null when the team has nobody (its queue). */
export function leastLoaded(members: readonly OfficerLoad[]): string | null {
  let best: OfficerLoad | null = null;
  for (const member of members) {
    if (best === null || member.open < best.open || (member.open === best.open && member.id < best.id)) best = member;
  }
  return best?.id ?? null;
}

function placement(rule: RoutingRule, facts: RouteFacts, teamLoads: TeamLoads): { team: string | null; assignee: string | null } {
  if (rule.assign === 'cluster_owner' && facts.clusterOwner) return { team: facts.clusterOwner.team ?? rule.team, assignee: facts.clusterOwner.id };
  if (rule.assign === 'balance' && rule.team !== null) return { team: rule.team, assignee: leastLoaded(teamLoads(rule.team)) };
  return { team: rule.team, assignee: null };
}

const byPosition = (a: RoutingRuleView, b: RoutingRuleView) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where the rules put the report now, and why; UNROUTED when no enabled rule matches. */
export function routeByRules(rules: readonly RoutingRuleView[], facts: RouteFacts, teamLoads: TeamLoads): RouteExplanation {
  for (const rule of [...rules].sort(byPosition)) {
    if (!rule.enabled) continue;
    const matched = matchConditions(rule.conditions, facts);
    if (matched === null) continue;
    return { ...placement(rule, facts, teamLoads), priority: rule.priority, ruleId: rule.id, ruleName: rule.name, matched, manual: null };
  }
  return UNROUTED;
}
