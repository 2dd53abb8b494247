/** Turns the shared guards' refusals into errors with the code a caller can act on. */
import { refuseEdit, refuseTransition, type RequestFacts, type RequestState, type LifecycleRefusal, type TransitionActor, type TransitionInput } from '../../shared/requests/lifecycle';
import { AppError, type ErrorCode } from '../../shared/errors';

/** Not in a state that allows it: CONFLICT; not this officer's to take: FORBIDDEN; missing facts: BAD_INPUT. */
const CODE_OF: Record<LifecycleRefusal['kind'], ErrorCode> = { state: 'CONFLICT', who: 'FORBIDDEN', details: 'BAD_INPUT' };

export function assertTransitionAllowed(action: RequestFacts, actor: TransitionActor, input: TransitionInput): void {
  const refusal = refuseTransition(action, actor, input);
  if (refusal !== null) throw new AppError(CODE_OF[refusal.kind], `This step cannot be taken: ${refusal.reason}.`);
}

export function assertEditAllowed(current: RequestState, author: string, actor: TransitionActor): void {
  const refusal = refuseEdit(current, author, actor);
  if (refusal !== null) throw new AppError(CODE_OF[refusal.kind], `The request cannot be changed: ${refusal.reason}.`);
}
