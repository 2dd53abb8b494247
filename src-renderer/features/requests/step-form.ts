import { FINAL_REQUEST_STATES, isPublication, transitionRule, type RequestKind, type RequestState, type SendMethod } from '../../../shared/requests/lifecycle';
import { addDays } from '../../ui/format';
import { isReasonGiven } from '../../ui/reason';
import type { RequestStepInput } from './requests-slice';

/** The answer term suggested when a request is sent. */
export const DEFAULT_ANSWER_DAYS = 14;

export interface StepForm {
  reason: string;
  method: SendMethod;
  /** YYYY-MM-DD: sent, confirmed, carried out or refused on. */
  occurredAt: string;
  dueAt: string;
  reference: string;
}

export type StepField = 'reason' | 'occurredAt' | 'dueAt' | 'reference';
export type StepError = 'reasonRequired' | 'dateRequired' | 'dueBeforeSent' | 'placeRequired';

/** Which fields a step asks for, from the one transition table the hub uses too; a warning's publication needs where. */
export function stepFields(from: RequestState, to: RequestState, kind: RequestKind) {
  const rule = transitionRule(from, to, kind);
  const dated = Boolean(rule?.needsSending || rule?.needsOccurredAt);
  return { reason: Boolean(rule?.needsReason), sending: Boolean(rule?.needsSending), dated, reference: dated, publication: isPublication(kind, to) };
}

/** Steps that ask for something, or close the request for good, go through a dialog; the others are one click. */
export function stepNeedsDialog(from: RequestState, to: RequestState, kind: RequestKind): boolean {
  const fields = stepFields(from, to, kind);
  return fields.reason || fields.dated || FINAL_REQUEST_STATES.includes(to);
}

export const initialStepForm = (today: string): StepForm => ({
  reason: '',
  method: 'email',
  occurredAt: today,
  dueAt: addDays(today, DEFAULT_ANSWER_DAYS),
  reference: '',
});

/** The transition to send, or what is missing; only the fields the step asks for are sent. */
export function stepInput(from: RequestState, to: RequestState, kind: RequestKind, form: StepForm): { input: RequestStepInput } | { errors: Partial<Record<StepField, StepError>> } {
  const fields = stepFields(from, to, kind);
  const errors: Partial<Record<StepField, StepError>> = {};
  if (fields.reason && !isReasonGiven(form.reason)) errors.reason = 'reasonRequired';
  if (fields.dated && !form.occurredAt) errors.occurredAt = 'dateRequired';
  if (fields.sending && !form.dueAt) errors.dueAt = 'dateRequired';
  else if (fields.sending && form.occurredAt && form.dueAt < form.occurredAt) errors.dueAt = 'dueBeforeSent';
  if (fields.publication && !form.reference.trim()) errors.reference = 'placeRequired';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      to,
      reason: fields.reason ? form.reason.trim() : null,
      method: fields.sending ? form.method : null,
      occurredAt: fields.dated ? form.occurredAt : null,
      dueAt: fields.sending ? form.dueAt : null,
      reference: fields.reference && form.reference.trim() ? form.reference.trim() : null,
    },
  };
}
