import { AppError } from '../../../shared/errors';
import { LINK_DECISIONS, type LinkDecision, type Mutation } from '../../../shared/mutations/kinds';
import type { CaseStore } from '../../db/open-store';
import { recordMutation } from '../record-mutation';
import { requireOneOf, requireReport } from './guards';
import { buildMutation, type ServiceDeps } from './service-deps';

function hasDecision(store: CaseStore, reportA: string, reportB: string): boolean {
  const [a, b] = reportA < reportB ? [reportA, reportB] : [reportB, reportA];
  return store.sqlite.prepare('SELECT 1 FROM link_decisions WHERE report_a = ? AND report_b = ?').get(a, b) !== undefined;
}

/** Confirms or rejects the link between two reports, or (`undecided`) takes the decision back. A rejection needs a reason. */
export function decideLink(
  store: CaseStore,
  deps: ServiceDeps,
  input: { officer: string; reportA: string; reportB: string; decision: LinkDecision; reason?: string },
): Mutation<'link.decide'> {
  if (input.reportA === input.reportB) throw new AppError('BAD_INPUT', 'A link joins two different reports.');
  requireReport(store.sqlite, input.reportA);
  requireReport(store.sqlite, input.reportB);
  const decision = requireOneOf(input.decision, LINK_DECISIONS, 'The decision');
  const reason = input.reason?.trim() ?? '';
  if (decision === 'rejected' && reason === '') throw new AppError('BAD_INPUT', 'Rejecting a link needs a reason, so colleagues see why.');
  if (decision === 'undecided' && !hasDecision(store, input.reportA, input.reportB)) {
    throw new AppError('CONFLICT', `There is no decision on the link between ${input.reportA} and ${input.reportB} to take back.`);
  }
  return recordMutation(
    store,
    buildMutation(deps, input.officer, 'link.decide', { reportA: input.reportA, reportB: input.reportB, decision, reason }),
  ) as Mutation<'link.decide'>;
}
