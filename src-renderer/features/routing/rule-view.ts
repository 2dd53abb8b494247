import type { RoutingRule, RoutingRuleView } from '../../../shared/routing/rules';

/** The stored rule without its bookkeeping. Apart from the form, so that the store's slice loads no schema. */
export const ruleOfView = ({ id: _id, updatedBy: _by, updatedAt: _at, ...rule }: RoutingRuleView): RoutingRule => rule;
