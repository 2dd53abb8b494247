import type { Mutation, MutationPayloads } from '../../shared/mutations/kinds';
import type { CaseStore } from '../db/open-store';
import { recordMutation, type ServiceDeps } from '../mutations';
import { buildMutation } from '../mutations/services/service-deps';

/** One `report.route` through the outbox: shown here at once, pushed to the hub, audited. */
export function recordRoute(store: CaseStore, deps: ServiceDeps, officer: string, payload: MutationPayloads['report.route']): Mutation<'report.route'> {
  return recordMutation(store, buildMutation(deps, officer, 'report.route', payload)) as Mutation<'report.route'>;
}
