import { AppError } from '../../shared/errors';
import type { Mutation } from '../../shared/mutations/kinds';
import type { RoutingRule, RoutingRuleView } from '../../shared/routing/rules';
import type { CaseStore } from '../db/open-store';
import { recordMutation, type ServiceDeps } from '../mutations';
import { buildMutation, newIdOf } from '../mutations/services/service-deps';
import { requireSupervisor } from '../mutations/services/guards';
import { routingRuleExists } from './rule-store';

const WHAT = 'change the routing rules';

function requireRule(store: CaseStore, ruleId: string): void {
  if (!routingRuleExists(store.sqlite, ruleId)) throw new AppError('NOT_FOUND', `There is no routing rule ${ruleId}.`);
}

/** Changes a rule, or (without an id) adds one; synced to every workstation as `routing.put`. */
export function putRoutingRule(store: CaseStore, deps: ServiceDeps, input: { officer: string; ruleId?: string; rule: RoutingRule }): RoutingRuleView {
  requireSupervisor(store.sqlite, input.officer, WHAT);
  if (input.ruleId !== undefined) requireRule(store, input.ruleId);
  const ruleId = input.ruleId ?? newIdOf(deps)();
  const mutation = recordMutation(store, buildMutation(deps, input.officer, 'routing.put', { ruleId, rule: input.rule })) as Mutation<'routing.put'>;
  return { id: ruleId, ...mutation.payload.rule, updatedBy: mutation.officer, updatedAt: mutation.at };
}

export function removeRoutingRule(store: CaseStore, deps: ServiceDeps, input: { officer: string; ruleId: string }): void {
  requireSupervisor(store.sqlite, input.officer, WHAT);
  requireRule(store, input.ruleId);
  recordMutation(store, buildMutation(deps, input.officer, 'routing.remove', { ruleId: input.ruleId }));
}
