/**
 * Requests (actions) as the hub allows them to change: it keeps each request's author and state from the
 * accepted mutations and applies the same guards as the workstation (shared/actions/lifecycle.ts) against them,
 * so four-eyes approval and the lifecycle hold even for a workstation that skipped its own checks. A row is
 * locked while it is checked and changed, so two pushes about the same request are judged one after the other.
 */
import { eq } from 'drizzle-orm';
import { refuseBundleUpdate, refuseEdit, refuseTransition, transitionRule, type ActionState, type TransitionActor } from '../../../shared/actions/lifecycle';
import type { Mutation } from '../../../shared/mutations/kinds';
import type { HubDb } from '../../db/database';
import { actionStates } from '../../db/schema';
import type { RoleOf } from './officer-roles';
import { conflict, forbidden, incomplete, type Refusal } from './refusal';

export type ActionMutation = Mutation<'action.create'> | Mutation<'action.edit'> | Mutation<'action.setReports'> | Mutation<'action.transition'>;

interface HubAction {
  author: string;
  state: ActionState;
}

/** A supervisor who is not the author: if they would be allowed, the refusal was about who asked. */
const someoneElse = (author: string): TransitionActor => ({ id: `${author}\u0000someone-else`, role: 'supervisor' });

export async function actionRefusal(tx: HubDb, mutation: ActionMutation, roleOf: RoleOf): Promise<Refusal | null> {
  if (mutation.kind === 'action.create') return createAction(tx, mutation);
  const { actionId } = mutation.payload;
  const [action] = (await tx
    .select({ author: actionStates.author, state: actionStates.state })
    .from(actionStates)
    .where(eq(actionStates.actionId, actionId))
    .for('update')) as HubAction[];
  if (!action) return conflict(`the hub knows no request ${actionId}; it has to be created first`);
  const actor: TransitionActor = { id: mutation.officer, role: await roleOf(mutation.officer) };

  switch (mutation.kind) {
    case 'action.edit': {
      const reason = refuseEdit(action.state, action.author, actor);
      if (reason === null) return null;
      return refuseEdit(action.state, action.author, someoneElse(action.author)) === null ? forbidden(reason) : conflict(reason);
    }
    case 'action.setReports': {
      const reason = refuseBundleUpdate(action.state);
      return reason === null ? null : conflict(reason);
    }
    case 'action.transition': {
      const refusal = transitionRefusal(action, actor, mutation.payload);
      if (refusal === null) await tx.update(actionStates).set({ state: mutation.payload.to, mutationId: mutation.id }).where(eq(actionStates.actionId, actionId));
      return refusal;
    }
  }
}

async function createAction(tx: HubDb, mutation: Mutation<'action.create'>): Promise<Refusal | null> {
  const created = await tx
    .insert(actionStates)
    .values({ actionId: mutation.payload.actionId, kind: mutation.payload.kind, author: mutation.officer, state: 'concept', mutationId: mutation.id })
    .onConflictDoNothing({ target: actionStates.actionId })
    .returning({ actionId: actionStates.actionId });
  return created.length > 0 ? null : conflict(`a request with id ${mutation.payload.actionId} exists already`);
}

function transitionRefusal(action: HubAction, actor: TransitionActor, step: Mutation<'action.transition'>['payload']): Refusal | null {
  const reason = refuseTransition(action.state, action.author, actor, step);
  if (reason === null) return null;
  if (step.from !== action.state || !transitionRule(step.from, step.to)) return conflict(reason);
  return refuseTransition(action.state, action.author, someoneElse(action.author), step) === null ? forbidden(reason) : incomplete(reason);
}
