/**
 * Requests as the hub allows them to change: it keeps each request's author and state from the
 * accepted mutations and applies the same guards as the workstation (shared/requests/lifecycle.ts) against them,
 * so four-eyes approval and the lifecycle hold even for a workstation that skipped its own checks. A row is
 * locked while it is checked and changed, so two pushes about the same request are judged one after the other.
 */
import { eq } from 'drizzle-orm';
import { refuseBundleUpdate, refuseEdit, refuseTransition, type RequestKind, type RequestState, type LifecycleRefusal, type TransitionActor } from '../../../shared/requests/lifecycle';
import type { Mutation } from '../../../shared/mutations/kinds';
import type { HubDb } from '../../db/database';
import { requestStates } from '../../db/schema';
import type { RoleOf } from './officer-roles';
import { conflict, forbidden, incomplete, type Refusal } from './refusal';

export type RequestMutation = Mutation<'action.create'> | Mutation<'action.edit'> | Mutation<'action.setReports'> | Mutation<'action.transition'>;

interface HubRequest {
  author: string;
  state: RequestState;
  kind: RequestKind;
}

/** The guards' kind of no, as the hub answers it. */
const REFUSAL_OF: Record<LifecycleRefusal['kind'], (reason: string) => Refusal> = { state: conflict, who: forbidden, details: incomplete };
const refusalOf = (refusal: LifecycleRefusal | null): Refusal | null => (refusal === null ? null : REFUSAL_OF[refusal.kind](refusal.reason));

export async function requestRefusal(tx: HubDb, mutation: RequestMutation, roleOf: RoleOf): Promise<Refusal | null> {
  if (mutation.kind === 'action.create') return createRequest(tx, mutation);
  const { actionId } = mutation.payload;
  const [request] = (await tx
    .select({ author: requestStates.author, state: requestStates.state, kind: requestStates.kind })
    .from(requestStates)
    .where(eq(requestStates.requestId, actionId))
    .for('update')) as HubRequest[];
  if (!request) return conflict(`the hub knows no request ${actionId}; it has to be created first`);
  const actor: TransitionActor = { id: mutation.officer, role: await roleOf(mutation.officer) };

  switch (mutation.kind) {
    case 'action.edit':
      return refusalOf(refuseEdit(request.state, request.author, actor));
    case 'action.setReports': {
      const reason = refuseBundleUpdate(request.state);
      return reason === null ? null : conflict(reason);
    }
    case 'action.transition': {
      const refusal = refusalOf(refuseTransition(request, actor, mutation.payload));
      if (refusal === null) await tx.update(requestStates).set({ state: mutation.payload.to, mutationId: mutation.id }).where(eq(requestStates.requestId, actionId));
      return refusal;
    }
  }
}

async function createRequest(tx: HubDb, mutation: Mutation<'action.create'>): Promise<Refusal | null> {
  const created = await tx
    .insert(requestStates)
    .values({ requestId: mutation.payload.actionId, kind: mutation.payload.kind, author: mutation.officer, state: 'draft', mutationId: mutation.id })
    .onConflictDoNothing({ target: requestStates.requestId })
    .returning({ requestId: requestStates.requestId });
  return created.length > 0 ? null : conflict(`a request with id ${mutation.payload.actionId} exists already`);
}
