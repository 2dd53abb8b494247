/**
 * Follow-up actions (blocking requests, takedowns, abuse reports, prevention warnings) and their lifecycle.
 * One table of transitions and one guard, used by the workstation (to refuse at once) and by the hub (to
 * refuse for good): the hub's order of accepted transitions is what every workstation replays.
 */
import type { IndicatorType } from '../indicators/types';

export const REQUEST_KINDS = [
  'bank_block',
  'phone_block',
  'domain_takedown',
  'remote_access_abuse',
  'email_abuse',
  'crypto_flag',
  'prevention_warning',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The action an indicator leads to; a prevention warning is about a modus operandi, not one indicator. */
export const REQUEST_KIND_OF_INDICATOR: Record<IndicatorType, RequestKind> = {
  iban: 'bank_block',
  phone: 'phone_block',
  url: 'domain_takedown',
  domain: 'domain_takedown',
  remote_access: 'remote_access_abuse',
  email: 'email_abuse',
  crypto: 'crypto_flag',
};

export const REQUEST_STATES = ['draft', 'awaiting_approval', 'approved', 'sent', 'acknowledged', 'executed', 'refused', 'expired', 'withdrawn'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States after which nothing changes any more. */
export const FINAL_REQUEST_STATES: readonly RequestState[] = ['executed', 'refused', 'expired', 'withdrawn'];
/** States in which the request still waits for something (ours or the addressee's); due dates count here. */
export const OPEN_REQUEST_STATES: readonly RequestState[] = ['draft', 'awaiting_approval', 'approved', 'sent', 'acknowledged'];

export const SEND_METHODS = ['email', 'portal', 'letter'] as const;
export type SendMethod = (typeof SEND_METHODS)[number];

/**
 * `privacy`: the privacy officer (functionaris gegevensbescherming), who reads the audit log of consultations
 * (shared/audit/readers.ts) and otherwise has an officer's rights.
 */
export const OFFICER_ROLES = ['officer', 'supervisor', 'privacy'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** What each transition needs besides the target state. */
export interface TransitionRule {
  from: RequestState;
  to: RequestState;
  /** Four-eyes: a supervisor who is not the author. */
  needsSecondSupervisor?: true;
  /** The request's own author, or a supervisor. */
  needsAuthorOrSupervisor?: true;
  needsReason?: true;
  /** Sending records how and when (`occurredAt`), and the date an answer is due. */
  needsSending?: true;
  /** Confirmation, execution and refusal record when they happened. */
  needsOccurredAt?: true;
  /** The rule holds only for these kinds of action (every kind when absent). */
  kinds?: readonly RequestKind[];
}

export const REQUEST_TRANSITIONS: readonly TransitionRule[] = [
  { from: 'draft', to: 'awaiting_approval' },
  { from: 'awaiting_approval', to: 'approved', needsSecondSupervisor: true },
  // Sent back to the author with what to change.
  { from: 'awaiting_approval', to: 'draft', needsSecondSupervisor: true, needsReason: true },
  { from: 'approved', to: 'sent', needsSending: true },
  // A warning the approving team publishes itself; `executed` is a warning's publication (see isPublication).
  { from: 'approved', to: 'executed', needsOccurredAt: true, kinds: ['prevention_warning'] },
  { from: 'sent', to: 'acknowledged', needsOccurredAt: true },
  { from: 'sent', to: 'executed', needsOccurredAt: true },
  { from: 'acknowledged', to: 'executed', needsOccurredAt: true },
  { from: 'sent', to: 'refused', needsOccurredAt: true, needsReason: true },
  { from: 'acknowledged', to: 'refused', needsOccurredAt: true, needsReason: true },
  // A draft nobody will send (e.g. one a batched letter replaced); final, so it leaves the lists and the overview.
  { from: 'draft', to: 'withdrawn', needsAuthorOrSupervisor: true },
  { from: 'sent', to: 'expired' },
  { from: 'acknowledged', to: 'expired' },
];

export interface TransitionInput {
  from: RequestState;
  to: RequestState;
  reason?: string | null;
  method?: SendMethod | null;
  occurredAt?: string | null;
  dueAt?: string | null;
  /** The addressee's reference; for a warning's publication: where it was published. */
  reference?: string | null;
}

/** The hub's or the store's facts about the action a step is judged against. */
export interface RequestFacts {
  state: RequestState;
  author: string;
  kind: RequestKind;
}

export interface TransitionActor {
  id: string;
  role: OfficerRole;
}

const ruleFits = (rule: TransitionRule, kind: RequestKind) => rule.kinds === undefined || rule.kinds.includes(kind);

export function transitionRule(from: RequestState, to: RequestState, kind: RequestKind): TransitionRule | undefined {
  return REQUEST_TRANSITIONS.find((rule) => rule.from === from && rule.to === to && ruleFits(rule, kind));
}

/** Targets reachable from a state, for the UI's buttons (the guard still decides who may). */
export function nextStates(from: RequestState, kind: RequestKind): RequestState[] {
  return REQUEST_TRANSITIONS.filter((rule) => rule.from === from && ruleFits(rule, kind)).map((rule) => rule.to);
}

/**
 * A prevention warning is carried out by publishing it: its step to `executed` records when (`occurredAt`)
 * and where (`reference`: the site, channel or medium), so its effect can be read against that date.
 */
export const isPublication = (kind: RequestKind, to: RequestState): boolean => kind === 'prevention_warning' && to === 'executed';

/**
 * What kind of no a guard says, so that every caller answers it alike: `state` — the request is not (or no longer)
 * in a state that allows it; `who` — this officer may not; `details` — facts the step needs are missing.
 */
export type LifecycleRefusalKind = 'state' | 'who' | 'details';

export interface LifecycleRefusal {
  kind: LifecycleRefusalKind;
  reason: string;
}

const refusal = (kind: LifecycleRefusalKind, reason: string): LifecycleRefusal => ({ kind, reason });

/**
 * Why `actor` may not take the action from `current` to `input.to`, or null when the transition is allowed.
 * `current` is the state the hub (or the local store) holds; `input.from` is what the officer saw, so a
 * transition made on a stale view is refused rather than applied to a state nobody looked at.
 */
export function refuseTransition(action: RequestFacts, actor: TransitionActor, input: TransitionInput): LifecycleRefusal | null {
  const { state: current, author, kind } = action;
  if (input.from !== current) return refusal('state', `the request is "${current}" now, not "${input.from}"; look again before changing it`);
  const rule = transitionRule(input.from, input.to, kind);
  if (!rule) {
    const allowed = nextStates(input.from, kind);
    return refusal(
      'state',
      `a request that is "${input.from}" cannot become "${input.to}"${allowed.length > 0 ? ` (only ${allowed.map((s) => `"${s}"`).join(', ')})` : ' (it is final)'}`,
    );
  }
  if (rule.needsSecondSupervisor) {
    if (actor.role !== 'supervisor') return refusal('who', 'only a supervisor may approve or send back a request');
    if (actor.id === author) return refusal('who', 'four-eyes: the author of a request may not approve or send back their own request');
  }
  if (rule.needsAuthorOrSupervisor && actor.id !== author && actor.role !== 'supervisor') return refusal('who', 'only its author or a supervisor may withdraw a draft');
  if (rule.needsReason && !input.reason?.trim()) return refusal('details', `"${input.to}" needs a reason`);
  if (rule.needsSending) {
    if (!input.method) return refusal('details', 'sending needs the way it was sent (email, portal or letter)');
    if (!input.occurredAt) return refusal('details', 'sending needs the date it was sent');
    if (!input.dueAt) return refusal('details', 'sending needs the date an answer is due');
    if (input.dueAt < input.occurredAt.slice(0, 10)) return refusal('details', 'the due date cannot be before the date it was sent');
  }
  if (rule.needsOccurredAt && !input.occurredAt) return refusal('details', `"${input.to}" needs the date it happened`);
  if (isPublication(kind, input.to) && !input.reference?.trim()) return refusal('details', 'publishing a warning needs where it was published (site, channel or medium)');
  return null;
}

/** Who may change a request's content: its author, or a supervisor; only while it is a draft. */
export function refuseEdit(current: RequestState, author: string, actor: TransitionActor): LifecycleRefusal | null {
  if (current !== 'draft') return refusal('state', `a request that is "${current}" cannot be edited; only a draft can`);
  if (actor.id !== author && actor.role !== 'supervisor') return refusal('who', 'only the author or a supervisor may edit a request');
  return null;
}

/** Adding the reports that arrived since: allowed while the request is still open. */
export function refuseBundleUpdate(current: RequestState): string | null {
  return (OPEN_REQUEST_STATES as readonly string[]).includes(current) ? null : `a request that is "${current}" is final; its reports no longer change`;
}
