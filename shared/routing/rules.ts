/**
 * Routing rules: which team handles a report, with what priority, and to whom it goes. Data, edited by
 * supervisors and synced; the first enabled rule (by position) whose conditions all hold decides.
 */
import { z } from 'zod';
import { INDICATOR_TYPES } from '../indicators/types';
import { CATEGORIES } from '../intake/vocabulary';

export const ROUTE_PRIORITIES = ['high', 'normal', 'low'] as const;
export type RoutePriority = (typeof ROUTE_PRIORITIES)[number];

/** `balance`: the team member with the least open work; `cluster_owner`: whoever already owns the report's cluster. */
export const ROUTE_ASSIGNMENTS = ['balance', 'cluster_owner', 'none'] as const;

export const ROUTING_RULE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const routingConditionsSchema = z.strictObject({
  categories: z.array(z.enum(CATEGORIES)).min(1).optional(),
  regions: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional(),
  reporterTypes: z.array(z.enum(['person', 'organisation'])).min(1).optional(),
  /** Euro cents, inclusive. */
  minLossCents: z.number().int().min(0).optional(),
  maxLossCents: z.number().int().min(0).optional(),
  /** Reports in the report's cluster, itself included (1 for a report that links to nothing). */
  minClusterSize: z.number().int().min(1).optional(),
  /** The report mentions (non-benign) indicators of at least one of these types. */
  indicatorTypes: z.array(z.enum(INDICATOR_TYPES)).min(1).optional(),
  /** Another report of its cluster already has an assignee. */
  clusterHasOwner: z.boolean().optional(),
});
export type RoutingConditions = z.infer<typeof routingConditionsSchema>;

export const routingRuleSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    position: z.number().int().min(0).max(1_000_000),
    enabled: z.boolean(),
    conditions: routingConditionsSchema,
    /** Null only with `cluster_owner`, where the owner's team is taken. */
    team: z.string().trim().min(1).max(200).nullable(),
    priority: z.enum(ROUTE_PRIORITIES),
    assign: z.enum(ROUTE_ASSIGNMENTS),
  })
  .refine((rule) => rule.team !== null || rule.assign === 'cluster_owner', { path: ['team'], message: 'is required unless the rule assigns to the cluster owner' })
  .refine((rule) => rule.conditions.minLossCents === undefined || rule.conditions.maxLossCents === undefined || rule.conditions.minLossCents <= rule.conditions.maxLossCents, {
    path: ['conditions', 'maxLossCents'],
    message: 'must not be below minLossCents',
  });
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export interface RoutingRuleView extends RoutingRule {
  id: string;
  updatedBy: string;
  updatedAt: string;
}

/** Why a report is where it is: the rule and each condition it met, or the supervisor who re-routed it. */
export interface RouteExplanation {
  team: string | null;
  priority: RoutePriority;
  assignee: string | null;
  /** The rule that decided, or null when a supervisor re-routed by hand or no rule matched. */
  ruleId: string | null;
  ruleName: string | null;
  /** Human-readable facts, e.g. `category ransomware is one of ransomware`. */
  matched: string[];
  manual: { by: string; at: string; reason: string } | null;
}
