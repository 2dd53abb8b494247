import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Mutation, MutationKind, MutationPayloads } from '../../../shared/mutations/kinds';
import type { Clock } from '../../../shared/platform/clock';

/** What officers' services need besides the store; tests inject a fixed clock and predictable ids. */
export interface ServiceDeps {
  clock: Clock;
  /** New UUIDs for mutations, notes and cases; `randomUUID` by default. */
  newId?: () => string;
}

export const newIdOf = (deps: ServiceDeps) => deps.newId ?? randomUUID;

export function requireOfficer(officer: string): string {
  const trimmed = officer.trim();
  if (trimmed === '') throw new AppError('BAD_INPUT', 'Every change must name the officer who makes it.');
  return trimmed;
}

export function buildMutation<K extends MutationKind>(deps: ServiceDeps, officer: string, kind: K, payload: MutationPayloads[K]): Mutation<K> {
  return { id: newIdOf(deps)(), kind, officer: requireOfficer(officer), at: deps.clock.now().toISOString(), payload };
}
