/**
 * Why the hub refuses one mutation of a push, and the error that then answers the whole push. The status says
 * what kind of no it is (403: this officer may not; 409: the state does not allow it; 400: details are missing);
 * the body names the mutation, so that a workstation rolls back that one and pushes the others again.
 */
import type { SignedMutation } from '../../../shared/mutations/proof';
import { HttpError } from '../../http/errors';

export interface Refusal {
  /** 410: about a report that retention removed — the workstation drops it from its outbox. */
  status: 400 | 403 | 409 | 410;
  code: 'BAD_INPUT' | 'FORBIDDEN' | 'CONFLICT' | 'RETENTION_WINDOW';
  reason: string;
  /** Kept for supervisors (`refused_mutations`) although the push is rolled back: a deactivated officer's change, or one signed with a revoked key. */
  keep?: boolean;
  /** Kept without its payload, which may quote a report that retention removed. */
  withoutPayload?: boolean;
}

export const forbidden = (reason: string): Refusal => ({ status: 403, code: 'FORBIDDEN', reason });
export const conflict = (reason: string): Refusal => ({ status: 409, code: 'CONFLICT', reason });
export const incomplete = (reason: string): Refusal => ({ status: 400, code: 'BAD_INPUT', reason });

/** The refusal of a change that is kept for supervisors; the push's transaction is rolled back before it is kept. */
export class KeptRefusal extends HttpError {
  constructor(
    refusal: Refusal,
    index: number,
    /** As its officer signed it: it is kept so. */
    readonly signed: SignedMutation,
  ) {
    super(refusal.status, refusal.code, `mutations[${index}] (id ${signed.id}): ${refusal.reason}`, { index, id: signed.id });
    this.name = 'KeptRefusal';
    this.reason = refusal.reason;
    this.keptPayload = refusal.withoutPayload ? {} : signed.payload;
  }

  readonly reason: string;
  /** What of the payload is kept for supervisors. */
  readonly keptPayload: unknown;
}

/** E.g. `mutations[3] (id 0f…): only a supervisor may change the routing rules (…)`. */
export function refusalError(refusal: Refusal, index: number, mutation: SignedMutation): HttpError {
  if (refusal.keep) return new KeptRefusal(refusal, index, mutation);
  return new HttpError(refusal.status, refusal.code, `mutations[${index}] (id ${mutation.id}): ${refusal.reason}`, { index, id: mutation.id });
}
