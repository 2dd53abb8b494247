/** Turns the shared guards' refusals into errors with the code a caller can act on. */
import { refuseEdit, refuseTransition, transitionRule, type ActionState, type TransitionActor, type TransitionInput } from '../../shared/actions/lifecycle';
import { AppError, type ErrorCode } from '../../shared/errors';

/** Stale view or impossible step: CONFLICT; not this officer's to take: FORBIDDEN; missing facts: BAD_INPUT. */
function transitionRefusalCode(current: ActionState, author: string, actor: TransitionActor, input: TransitionInput): ErrorCode {
  const rule = transitionRule(input.from, input.to);
  if (input.from !== current || !rule) return 'CONFLICT';
  if (rule.needsSecondSupervisor && (actor.role !== 'supervisor' || actor.id === author)) return 'FORBIDDEN';
  return 'BAD_INPUT';
}

export function assertTransitionAllowed(current: ActionState, author: string, actor: TransitionActor, input: TransitionInput): void {
  const refusal = refuseTransition(current, author, actor, input);
  if (refusal !== null) throw new AppError(transitionRefusalCode(current, author, actor, input), `This step cannot be taken: ${refusal}.`);
}

export function assertEditAllowed(current: ActionState, author: string, actor: TransitionActor): void {
  const refusal = refuseEdit(current, author, actor);
  if (refusal !== null) throw new AppError(current === 'concept' ? 'FORBIDDEN' : 'CONFLICT', `The request cannot be changed: ${refusal}.`);
}
