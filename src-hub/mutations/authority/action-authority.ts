/**
 * Requests (actions) as the hub allows them to change: it keeps each request's author and state from the
 * accepted mutations and applies the same guards as the workstation (shared/requests/lifecycle.ts) against them,
 * so four-eyes approval and the lifecycle hold even for a workstation that skipped its own checks. A row is
 * locked while it is checked and changed, so two pushes about the same request are judged one after the other.
 */
import { eq } from 'drizzle-orm';
import { refuseBundleUpdate, refuseEdit, refuseTransition, type ActionKind, type ActionState, type LifecycleRefusal, type TransitionActor } from '../../../shared/requests/lifecycle';
import type { Mutation } from '../../../shared/mutations/kinds';
import type { HubDb } from '../../db/database';
import { actionStates } from '../../db/schema';
import type { RoleOf } from './officer-roles';
import { conflict, forbidden, incomplete, type Refusal } from './refusal';

export type ActionMutation = Mutation<'action.create'> | Mutation<'action.edit'> | Mutation<'action.setReports'> | Mutation<'action.transition'>;

interface HubAction {
  author: string;
  state: ActionState;
  kind: ActionKind;
}

/** The guards' kind of no, as the hub answers it. */
const REFUSAL_OF: Record<LifecycleRefusal['kind'], (reason: string) => Refusal> = { state: conflict, who: forbidden, details: incomplete };
const refusalOf = (refusal: LifecycleRefusal | null): Refusal | null => (refusal === null ? null : REFUSAL_OF[refusal.kind](refusal.reason));

export async function actionRefusal(tx: HubDb, mutation: ActionMutation, roleOf: RoleOf): Promise<Refusal | null> {
  if (mutation.kind === 'action.create') return createAction(tx, mutation);
  const { actionId } = mutation.payload;
  const [action] = (await tx
    .select({ author: actionStates.author, state: actionStates.state, kind: actionStates.kind })
    .from(actionStates)
    .where(eq(actionStates.actionId, actionId))
    .for('update')) as HubAction[];
  if (!action) return conflict(`the hub knows no request ${actionId}; it has to be created first`);
  const actor: TransitionActor = { id: mutation.officer, role: await roleOf(mutation.officer) };

  switch (mutation.kind) {
    case 'action.edit':
      return refusalOf(refuseEdit(action.state, action.author, actor));
    case 'action.setReports': {
      const reason = refuseBundleUpdate(action.state);
      return reason === null ? null : conflict(reason);
    }
    case 'action.transition': {
      const refusal = refusalOf(refuseTransition(action, actor, mutation.payload));
      if (refusal === null) await tx.update(actionStates).set({ state: mutation.payload.to, mutationId: mutation.id }).where(eq(actionStates.actionId, actionId));
      return refusal;
    }
  }
}

async function createAction(tx: HubDb, mutation: Mutation<'action.create'>): Promise<Refusal | null> {
  const created = await tx
    .insert(actionStates)
    .values({ actionId: mutation.payload.actionId, kind: mutation.payload.kind, author: mutation.officer, state: 'draft', mutationId: mutation.id })
    .onConflictDoNothing({ target: actionStates.actionId })
    .returning({ actionId: actionStates.actionId });
  return created.length > 0 ? null : conflict(`a request with id ${mutation.payload.actionId} exists already`);
}
