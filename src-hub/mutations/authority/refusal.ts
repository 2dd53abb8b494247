/**
 * Why the hub refuses one mutation of a push, and the error that then answers the whole push. The status says
 * what kind of no it is (403: this officer may not; 409: the state does not allow it; 400: details are missing);
 * the body names the mutation, so that a workstation rolls back that one and pushes the others again.
 */
import { HttpError } from '../../http/errors';

export interface Refusal {
  status: 400 | 403 | 409;
  code: 'BAD_INPUT' | 'FORBIDDEN' | 'CONFLICT';
  reason: string;
}

export const forbidden = (reason: string): Refusal => ({ status: 403, code: 'FORBIDDEN', reason });
export const conflict = (reason: string): Refusal => ({ status: 409, code: 'CONFLICT', reason });
export const incomplete = (reason: string): Refusal => ({ status: 400, code: 'BAD_INPUT', reason });

/** E.g. `mutations[3] (id 0f…): only a supervisor may change the routing rules (…)`. */
export function refusalError(refusal: Refusal, index: number, mutationId: string): HttpError {
  return new HttpError(refusal.status, refusal.code, `mutations[${index}] (id ${mutationId}): ${refusal.reason}`, { index, id: mutationId });
}
