import { AppError } from '../../../shared/errors';
import type { Mutation } from '../../../shared/mutations/kinds';
import { canonicalBenignValue } from '../../benign/benign-list';
import { findBenignValue } from '../../benign/benign-values';
import type { CaseStore } from '../../db/open-store';
import { recordMutation } from '../record-mutation';
import { buildMutation, type ServiceDeps } from './service-deps';

/** Puts a value on the benign list (as typed; stored canonical): recorded on reports, never links them. */
export function addBenignValue(store: CaseStore, deps: ServiceDeps, input: { officer: string; type: string; value: string; reason: string }): Mutation<'benign.add'> {
  const { type, value } = canonicalBenignValue(input.type, input.value);
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('BAD_INPUT', 'A benign value needs a reason, so colleagues see why it never links reports.');
  return recordMutation(store, buildMutation(deps, input.officer, 'benign.add', { type, value, reason })) as Mutation<'benign.add'>;
}

export function removeBenignValue(store: CaseStore, deps: ServiceDeps, input: { officer: string; type: string; value: string }): Mutation<'benign.remove'> {
  const { type, value } = canonicalBenignValue(input.type, input.value);
  if (!findBenignValue(store.sqlite, type, value)) {
    throw new AppError('NOT_FOUND', `${type} ${value} is not on the benign list.`);
  }
  return recordMutation(store, buildMutation(deps, input.officer, 'benign.remove', { type, value })) as Mutation<'benign.remove'>;
}
