/**
 * Validation of officers' mutations (see ./kinds.ts) at every boundary they cross: the hub checks each pushed
 * mutation with these schemas, and workstations may check what they write to the outbox or read from the feed.
 * Envelopes and payloads are strict: an unknown field is a mistake, not data to carry along.
 */
import { z } from 'zod';
import { REQUEST_KINDS, REQUEST_STATES, SEND_METHODS } from '../requests/lifecycle';
import { DIRECTORY_ID_PATTERN, directoryEntrySchema } from '../requests/directory';
import { INDICATOR_TYPES } from '../indicators/types';
import { ROUTE_PRIORITIES, ROUTING_RULE_ID_PATTERN, routingRuleSchema } from '../routing/rules';
import { REPORT_ID_PATTERN } from '../intake/vocabulary';
import { CASE_STATUSES, LINK_DECISIONS, WORK_STATUSES, type AnyMutation, type MutationKind, type MutationPayloads } from './kinds';
import { KEY_ID_PATTERN, SIGNATURE_PATTERN, type SignedMutation } from './proof';
import { upcastMutationInput } from './upcast';

export const MUTATION_KINDS = [
  'report.setWorkStatus',
  'report.assign',
  'link.decide',
  'note.add',
  'case.create',
  'case.update',
  'case.addReports',
  'case.removeReports',
  'benign.add',
  'benign.remove',
  'report.route',
  'action.create',
  'action.edit',
  'action.setReports',
  'action.transition',
  'directory.put',
  'directory.remove',
  'routing.put',
  'routing.remove',
] as const satisfies readonly MutationKind[];

/** Fails to compile when kinds.ts gains a kind that is missing above. */
const _everyKindListed: [Exclude<MutationKind, (typeof MUTATION_KINDS)[number]>] extends [never] ? true : never = true;

/** Upper bounds that keep one mutation small; far above what an officer types. */
export const MUTATION_LIMITS = {
  officer: 200,
  shortText: 500,
  longText: 100_000,
  reportIds: 10_000,
  /** Indicators one batched letter names. */
  batchIndicators: 200,
  /** Mutations in one push. */
  perPush: 5_000,
} as const;

const reportId = z.string().regex(REPORT_ID_PATTERN, 'must look like IA-2026-0000123');
const uuid = z.uuid({ error: 'must be a UUID' });
const shortText = z.string().max(MUTATION_LIMITS.shortText, `must be at most ${MUTATION_LIMITS.shortText} characters`);
const requiredShortText = shortText.min(1, 'must not be empty');
const longText = z.string().max(MUTATION_LIMITS.longText, `must be at most ${MUTATION_LIMITS.longText} characters`);
const nullableName = shortText.nullable();
const reportIdList = z.array(reportId).min(1, 'must name at least one report').max(MUTATION_LIMITS.reportIds, `must name at most ${MUTATION_LIMITS.reportIds} reports`);

const isoDate = z.iso.date({ error: 'must be a date such as 2026-03-02' });
const directoryId = z.string().regex(DIRECTORY_ID_PATTERN, 'must be lower-case letters, digits, dots, dashes or underscores');
const ruleId = z.string().regex(ROUTING_RULE_ID_PATTERN, 'must be lower-case letters, digits, dots, dashes or underscores');
const requestReportIds = z.array(reportId).max(MUTATION_LIMITS.reportIds, `must name at most ${MUTATION_LIMITS.reportIds} reports`);

type PayloadSchemas = { [K in MutationKind]: z.ZodType<MutationPayloads[K]> };

export const mutationPayloadSchemas: PayloadSchemas = {
  'report.setWorkStatus': z.strictObject({ reportId, status: z.enum(WORK_STATUSES) }),
  'report.assign': z.strictObject({ reportId, assignee: nullableName }),
  'link.decide': z
    .strictObject({ reportA: reportId, reportB: reportId, decision: z.enum(LINK_DECISIONS), reason: longText })
    .refine((payload) => payload.reportA !== payload.reportB, { path: ['reportB'], message: 'must differ from reportA' }),
  'note.add': z
    .strictObject({
      noteId: uuid,
      subjectType: z.enum(['report', 'case', 'action']),
      subjectId: z.string(),
      body: longText.min(1, 'must not be empty'),
    })
    .superRefine((payload, ctx) => {
      const valid = payload.subjectType === 'report' ? REPORT_ID_PATTERN.test(payload.subjectId) : uuid.safeParse(payload.subjectId).success;
      if (!valid) {
        const expected = payload.subjectType === 'report' ? 'a report id such as IA-2026-0000123' : 'a UUID';
        ctx.addIssue({ code: 'custom', path: ['subjectId'], message: `must be ${expected} for subjectType "${payload.subjectType}"` });
      }
    }),
  'case.create': z.strictObject({ caseId: uuid, title: requiredShortText, owner: nullableName, team: nullableName, reportIds: z.array(reportId).max(MUTATION_LIMITS.reportIds) }),
  'case.update': z
    .strictObject({
      caseId: uuid,
      title: requiredShortText.optional(),
      owner: nullableName.optional(),
      team: nullableName.optional(),
      status: z.enum(CASE_STATUSES).optional(),
      closeReason: longText.nullable().optional(),
    })
    .superRefine((payload, ctx) => {
      if (payload.status === 'closed' && !payload.closeReason?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['closeReason'], message: 'is required when status becomes "closed"' });
      }
    }),
  'case.addReports': z.strictObject({ caseId: uuid, reportIds: reportIdList }),
  'case.removeReports': z.strictObject({ caseId: uuid, reportIds: reportIdList }),
  'benign.add': z.strictObject({ type: z.enum(INDICATOR_TYPES), value: requiredShortText, reason: requiredShortText }),
  'benign.remove': z.strictObject({ type: z.enum(INDICATOR_TYPES), value: requiredShortText }),
  'report.route': z.strictObject({
    reportId,
    team: nullableName,
    priority: z.enum(ROUTE_PRIORITIES),
    assignee: nullableName,
    ruleId: ruleId.nullable(),
    reason: requiredShortText,
    automatic: z.boolean(),
  }).refine((payload) => !payload.automatic || payload.ruleId !== null, { path: ['ruleId'], message: 'is required for an automatic route' }),
  'action.create': z
    .strictObject({
      actionId: uuid,
      kind: z.enum(REQUEST_KINDS),
      indicatorType: z.enum(INDICATOR_TYPES).nullable(),
      indicatorValue: requiredShortText.nullable(),
      caseId: uuid.nullable(),
      clusterReportId: reportId.nullable(),
      batchIndicators: z
        .array(z.strictObject({ type: z.enum(INDICATOR_TYPES), value: requiredShortText }))
        .max(MUTATION_LIMITS.batchIndicators, `must name at most ${MUTATION_LIMITS.batchIndicators} indicators`)
        .optional(),
      title: requiredShortText,
      addresseeId: directoryId.nullable(),
      reportIds: requestReportIds,
      includePersonalData: z.boolean(),
      legalBasis: longText,
      body: longText,
    })
    .refine((payload) => (payload.indicatorType === null) === (payload.indicatorValue === null), {
      path: ['indicatorValue'],
      message: 'must be given exactly when indicatorType is',
    })
    .refine((payload) => payload.kind === 'prevention_warning' || payload.indicatorType !== null, {
      path: ['indicatorType'],
      message: 'is required for every request except a prevention warning',
    })
    .refine((payload) => (payload.batchIndicators ?? []).every((indicator) => indicator.type === payload.indicatorType), {
      path: ['batchIndicators'],
      message: 'must all be of the request indicator’s type',
    }),
  'action.edit': z.strictObject({
    actionId: uuid,
    title: requiredShortText.optional(),
    addresseeId: directoryId.nullable().optional(),
    includePersonalData: z.boolean().optional(),
    legalBasis: longText.optional(),
    body: longText.optional(),
  }),
  'action.setReports': z.strictObject({ actionId: uuid, reportIds: requestReportIds }),
  'action.transition': z.strictObject({
    actionId: uuid,
    from: z.enum(REQUEST_STATES),
    to: z.enum(REQUEST_STATES),
    reason: longText.nullable(),
    method: z.enum(SEND_METHODS).nullable(),
    occurredAt: isoDate.nullable(),
    dueAt: isoDate.nullable(),
    reference: shortText.nullable(),
  }),
  'directory.put': z.strictObject({ entryId: directoryId, entry: directoryEntrySchema }),
  'directory.remove': z.strictObject({ entryId: directoryId }),
  'routing.put': z.strictObject({ ruleId, rule: routingRuleSchema }),
  'routing.remove': z.strictObject({ ruleId }),
};

export const mutationEnvelopeSchema = z.strictObject({
  id: uuid,
  kind: z.enum(MUTATION_KINDS),
  officer: z.string().min(1, 'must not be empty').max(MUTATION_LIMITS.officer, `must be at most ${MUTATION_LIMITS.officer} characters`),
  at: z.iso.datetime({ offset: true, error: 'must be an RFC 3339 timestamp such as 2026-03-02T08:14:09Z' }),
  basis: z.string().regex(/^\d{1,19}$/, 'must be a feed cursor (a whole number)').optional(),
  payload: z.unknown(),
  proof: z
    .strictObject({
      keyId: z.string().regex(KEY_ID_PATTERN, 'must be a key id (a JWK thumbprint, 43 characters of base64url)'),
      signature: z.string().regex(SIGNATURE_PATTERN, 'must be an Ed25519 signature (86 characters of base64url)'),
    })
    .optional(),
});

/** A valid mutation in this version's words (`mutation`), and as its officer signed it (`signed`, see ./upcast.ts). */
export interface ValidMutation {
  mutation: AnyMutation;
  signed: SignedMutation;
}

export type MutationValidation = ({ ok: true } & ValidMutation) | { ok: false; reason: string };

function typeName(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describePath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`), prefix);
}

function describeIssues(prefix: string, issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const described = issues.slice(0, 3).map((issue) => {
    const where = describePath(prefix, issue.path);
    const got = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        return got === undefined ? `${where} is missing` : `${where} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${typeName(got)}`;
      case 'invalid_value':
        return got === undefined
          ? `${where} is missing`
          : `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(got)})`;
      case 'unrecognized_keys':
        return `${where} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
      default:
        return `${where} ${issue.message}`;
    }
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  return described.join('; ') + more;
}

/**
 * Checks one mutation's envelope and then its payload against its kind, in this version's words (an older version's
 * values are read through ./upcast.ts first); the reason names the field, prefixed with `where` (e.g. `mutations[3]`).
 */
export function validateMutation(value: unknown, where = 'mutation'): MutationValidation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `${where} must be an object, not ${typeName(value)}` };
  }
  const current = upcastMutationInput(value);
  const envelope = mutationEnvelopeSchema.safeParse(current);
  if (!envelope.success) return { ok: false, reason: describeIssues(where, envelope.error.issues, current) };
  const payloadSchema: z.ZodType = mutationPayloadSchemas[envelope.data.kind];
  const payload = payloadSchema.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: describeIssues(`${where}.payload`, payload.error.issues, envelope.data.payload) };
  const { kind, payload: signedPayload } = value as { kind: string; payload: unknown };
  return { ok: true, mutation: { ...envelope.data, payload: payload.data } as AnyMutation, signed: { ...envelope.data, kind, payload: signedPayload } };
}

export type PushValidation = { ok: true; mutations: ValidMutation[] } | { ok: false; reason: string };

/** Validates a whole `PushRequest`: one bad mutation fails the request. */
export function validatePushRequest(value: unknown): PushValidation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `the body must be an object {"mutations": [...]}, not ${typeName(value)}` };
  }
  const { mutations, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return { ok: false, reason: `the body has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')}` };
  if (!Array.isArray(mutations)) {
    return { ok: false, reason: mutations === undefined ? 'mutations is missing' : `mutations must be a list, not ${typeName(mutations)}` };
  }
  if (mutations.length > MUTATION_LIMITS.perPush) return { ok: false, reason: `mutations must hold at most ${MUTATION_LIMITS.perPush} entries per push` };
  const valid: ValidMutation[] = [];
  for (const [index, item] of mutations.entries()) {
    const result = validateMutation(item, `mutations[${index}]`);
    if (!result.ok) return result;
    valid.push({ mutation: result.mutation, signed: result.signed });
  }
  return { ok: true, mutations: valid };
}
