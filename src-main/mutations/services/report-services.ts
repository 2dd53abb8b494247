import { WORK_STATUSES, type Mutation, type WorkStatus } from '../../../shared/mutations/kinds';
import type { CaseStore } from '../../db/open-store';
import { recordMutation } from '../record-mutation';
import { optionalText, requireOneOf, requireReport } from './guards';
import { buildMutation, type ServiceDeps } from './service-deps';

export function setWorkStatus(store: CaseStore, deps: ServiceDeps, input: { officer: string; reportId: string; status: WorkStatus }): Mutation<'report.setWorkStatus'> {
  requireReport(store.sqlite, input.reportId);
  const status = requireOneOf(input.status, WORK_STATUSES, 'The work status');
  return recordMutation(store, buildMutation(deps, input.officer, 'report.setWorkStatus', { reportId: input.reportId, status })) as Mutation<'report.setWorkStatus'>;
}

/** `assignee` null (or blank) unassigns the report. */
export function assignReport(store: CaseStore, deps: ServiceDeps, input: { officer: string; reportId: string; assignee: string | null }): Mutation<'report.assign'> {
  requireReport(store.sqlite, input.reportId);
  return recordMutation(
    store,
    buildMutation(deps, input.officer, 'report.assign', { reportId: input.reportId, assignee: optionalText(input.assignee) }),
  ) as Mutation<'report.assign'>;
}
