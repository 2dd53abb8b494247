import { AppError } from '../../../shared/errors';
import { CASE_STATUSES, type CaseStatus, type Mutation, type MutationPayloads } from '../../../shared/mutations/kinds';
import type { CaseStore } from '../../db/open-store';
import { recordMutation } from '../record-mutation';
import { optionalText, requireCase, requireIdList, requireOneOf, requireReports, requireText } from './guards';
import { buildMutation, newIdOf, type ServiceDeps } from './service-deps';

const CLOSED: CaseStatus = 'closed';

export function createCase(
  store: CaseStore,
  deps: ServiceDeps,
  input: { officer: string; title: string; owner?: string | null; team?: string | null; reportIds?: readonly string[] },
): Mutation<'case.create'> {
  const title = requireText(input.title, 'A case title');
  const reportIds = [...new Set(input.reportIds ?? [])];
  requireReports(store.sqlite, reportIds);
  const caseId = newIdOf(deps)();
  if (store.sqlite.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) throw new AppError('CONFLICT', `Case ${caseId} already exists.`);
  const payload = { caseId, title, owner: optionalText(input.owner), team: optionalText(input.team), reportIds };
  return recordMutation(store, buildMutation(deps, input.officer, 'case.create', payload)) as Mutation<'case.create'>;
}

export type CaseChanges = Partial<Pick<MutationPayloads['case.update'], 'title' | 'owner' | 'team' | 'status' | 'closeReason'>>;

/**
 * Changes a case's fields. Closing (`closed`) needs a reason; a closed case changes only by reopening it
 * (any other status), which clears the reason.
 */
export function updateCase(store: CaseStore, deps: ServiceDeps, input: { officer: string; caseId: string } & CaseChanges): Mutation<'case.update'> {
  const current = requireCase(store.sqlite, input.caseId);
  const payload: MutationPayloads['case.update'] = { caseId: input.caseId };
  if (input.title !== undefined) payload.title = requireText(input.title, 'A case title');
  if (input.owner !== undefined) payload.owner = optionalText(input.owner);
  if (input.team !== undefined) payload.team = optionalText(input.team);
  if (input.status !== undefined) payload.status = requireOneOf(input.status, CASE_STATUSES, 'The case status');

  if (payload.status === CLOSED) {
    const closeReason = input.closeReason?.trim() ?? '';
    if (closeReason === '') throw new AppError('BAD_INPUT', 'Closing a case needs a reason.');
    payload.closeReason = closeReason;
  } else if (input.closeReason !== undefined && input.closeReason !== null) {
    throw new AppError('BAD_INPUT', 'A close reason is only given when the case is closed (status "closed").');
  }
  const reopening = current.status === CLOSED && payload.status !== undefined && payload.status !== CLOSED;
  if (reopening) payload.closeReason = null;
  if (current.status === CLOSED && !reopening) {
    throw new AppError('CONFLICT', `Case ${input.caseId} is closed; reopen it (give it another status) before changing it.`);
  }
  if (Object.keys(payload).length === 1) throw new AppError('BAD_INPUT', 'Nothing to change: give a title, owner, team or status.');
  return recordMutation(store, buildMutation(deps, input.officer, 'case.update', payload)) as Mutation<'case.update'>;
}

export function addReportsToCase(store: CaseStore, deps: ServiceDeps, input: { officer: string; caseId: string; reportIds: readonly string[] }): Mutation<'case.addReports'> {
  const current = requireCase(store.sqlite, input.caseId);
  if (current.status === CLOSED) throw new AppError('CONFLICT', `Case ${input.caseId} is closed; reopen it before adding reports.`);
  const requested = requireIdList(input.reportIds, 'Adding to a case');
  requireReports(store.sqlite, requested);
  const reportIds = requested.filter((reportId) => !current.members.has(reportId));
  if (reportIds.length === 0) throw new AppError('CONFLICT', `Case ${input.caseId} already holds ${requested.length === 1 ? 'that report' : 'those reports'}.`);
  return recordMutation(store, buildMutation(deps, input.officer, 'case.addReports', { caseId: input.caseId, reportIds })) as Mutation<'case.addReports'>;
}

export function removeReportsFromCase(
  store: CaseStore,
  deps: ServiceDeps,
  input: { officer: string; caseId: string; reportIds: readonly string[] },
): Mutation<'case.removeReports'> {
  const current = requireCase(store.sqlite, input.caseId);
  if (current.status === CLOSED) throw new AppError('CONFLICT', `Case ${input.caseId} is closed; reopen it before removing reports.`);
  const reportIds = requireIdList(input.reportIds, 'Removing from a case');
  const strangers = reportIds.filter((reportId) => !current.members.has(reportId));
  if (strangers.length > 0) throw new AppError('NOT_FOUND', `Case ${input.caseId} does not hold ${strangers.join(', ')}.`);
  return recordMutation(store, buildMutation(deps, input.officer, 'case.removeReports', { caseId: input.caseId, reportIds })) as Mutation<'case.removeReports'>;
}
