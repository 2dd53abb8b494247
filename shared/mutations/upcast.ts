/**
 * The wire's older words, and the one place they are read. Version 1 of the mutations spoke Dutch in some of
 * their values (route priorities `hoog`, `normaal`, `laag`; case statuses `nieuw`, `in_behandeling`,
 * `actie_uitgezet`, `afgerond`; request states `concept`, `ter_goedkeuring`, …); this version says them in English. A mutation is
 * signed by its officer over its content as it was made (./proof.ts), so it is never rewritten: the hub keeps a
 * version-1 mutation as it was pushed, serves it so in its feed, and a workstation pushes a version-1 change from
 * its outbox as it was recorded. Whatever applies, judges or shows a mutation (or an audit entry about one) reads
 * it through these functions, and sees only this version's words. The old and the new values are disjoint, so a
 * value says its own version; an unknown value passes through unchanged and the schemas refuse it.
 */
import type { RequestState } from '../requests/lifecycle';
import type { RoutePriority } from '../routing/rules';
import type { AnyMutation, CaseStatus } from './kinds';
import type { SignedMutation } from './proof';

/** Version 1's route priorities (payloads of `report.route`, the rule in `routing.put`). */
export const ROUTE_PRIORITY_V1: Readonly<Record<string, RoutePriority>> = { hoog: 'high', normaal: 'normal', laag: 'low' };

/** Version 1's case statuses (`case.update`). */
export const CASE_STATUS_V1: Readonly<Record<string, CaseStatus>> = { nieuw: 'new', in_behandeling: 'in_progress', actie_uitgezet: 'action_taken', afgerond: 'closed' };

/** Version 1's request states (`action.transition`'s `from` and `to`). */
export const REQUEST_STATE_V1: Readonly<Record<string, RequestState>> = {
  concept: 'draft',
  ter_goedkeuring: 'awaiting_approval',
  goedgekeurd: 'approved',
  verzonden: 'sent',
  bevestigd: 'acknowledged',
  uitgevoerd: 'executed',
  afgewezen: 'refused',
  verlopen: 'expired',
};

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `fields` with `key`'s old value put in this version's words; the same object when there is nothing to change. */
function renamed(fields: Fields, key: string, words: Readonly<Record<string, string>>): Fields {
  const value = fields[key];
  return typeof value === 'string' && Object.hasOwn(words, value) ? { ...fields, [key]: words[value] } : fields;
}

/**
 * Per mutation kind: its payload in this version's words. Audit entries of a mutation keep the payload's names for
 * the values they copy (shared by `upcastAuditEntry`).
 */
const PAYLOAD_UPCASTS: Readonly<Record<string, (payload: Fields) => Fields>> = {
  'report.route': (payload) => renamed(payload, 'priority', ROUTE_PRIORITY_V1),
  'case.update': (payload) => renamed(payload, 'status', CASE_STATUS_V1),
  'action.transition': (payload) => renamed(renamed(payload, 'from', REQUEST_STATE_V1), 'to', REQUEST_STATE_V1),
  'routing.put': (payload) => (isFields(payload.rule) ? { ...payload, rule: renamed(payload.rule, 'priority', ROUTE_PRIORITY_V1) } : payload),
};

/** A mutation as received (not yet validated) in this version's words; anything it does not recognise is left as it is. */
export function upcastMutationInput(value: unknown): unknown {
  if (!isFields(value) || typeof value.kind !== 'string' || !isFields(value.payload) || !Object.hasOwn(PAYLOAD_UPCASTS, value.kind)) return value;
  return { ...value, payload: PAYLOAD_UPCASTS[value.kind]!(value.payload) };
}

/**
 * A mutation that was validated when it was made (an outbox's, a hub's stored one) in this version's words. Raw
 * input goes through `validateMutation` (./schema.ts), which upcasts it first.
 */
export function upcastMutation(signed: SignedMutation): AnyMutation {
  return upcastMutationInput(signed) as AnyMutation;
}

/** What an audit entry says in words of the wire: the mutation kind it records (`action`) and the values it copied. */
export interface AuditWords {
  action: string;
  details: Record<string, unknown> | null;
}

/**
 * An audit entry in this version's words, for whoever shows it. The log itself is chained and never rewritten,
 * and its export (the CLI's `audit`) keeps each entry as stored, so that its hashes can be checked.
 */
export function upcastAuditEntry<T extends AuditWords>(entry: T): T {
  const { action, details } = entry;
  return details !== null && Object.hasOwn(PAYLOAD_UPCASTS, action) ? { ...entry, details: PAYLOAD_UPCASTS[action]!(details) } : entry;
}
