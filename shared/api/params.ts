/**
 * Validation of every method's params where they enter the main process: a renderer bug or a forged request
 * gets a BAD_INPUT that names the field, never a crash deeper down. Objects are strict: an unknown field is
 * a mistake, not data to carry along.
 */
import { hubAddressProblem } from '../hub/address';
import { z } from 'zod';
import { PURPOSE_REQUIRED, checkPurpose } from '../audit/purpose';
import { DIRECTORY_ID_PATTERN, directoryEntrySchema } from '../requests/directory';
import { REQUEST_KINDS, REQUEST_STATES, SEND_METHODS } from '../requests/lifecycle';
import { INDICATOR_TYPES } from '../indicators/types';
import { CATEGORIES, REPORT_ID_PATTERN } from '../intake/vocabulary';
import { CASE_STATUSES, LINK_DECISIONS, WORK_STATUSES } from '../mutations/kinds';
import { ROUTE_PRIORITIES, ROUTING_RULE_ID_PATTERN, routingRuleSchema } from '../routing/rules';
import type { ApiMethod, ApiParams } from './contract';
import { IDLE_LOCK_MINUTES, QUEUE_SORT_KEYS } from './views';
import { WARNING_FORMATS } from './request-views';
import { SHAPE_KINDS, type OverviewSettings } from '../overview/types';

/** Upper bounds far above what the UI asks for, so one request stays small. */
export const PARAM_LIMITS = {
  batchIndicators: 200,
  pageSize: 500,
  reportIds: 10_000,
  shortText: 500,
  longText: 100_000,
  search: 200,
} as const;

const reportId = z.string().regex(REPORT_ID_PATTERN, 'must look like IA-2026-0000123');
const caseId = z.uuid({ error: 'must be a case id (a UUID)' });
const shortText = z.string().max(PARAM_LIMITS.shortText, `must be at most ${PARAM_LIMITS.shortText} characters`);
const requiredText = shortText.refine((text) => text.trim() !== '', 'must not be empty');
const longText = z.string().max(PARAM_LIMITS.longText, `must be at most ${PARAM_LIMITS.longText} characters`);
const reportIds = z.array(reportId).max(PARAM_LIMITS.reportIds, `must name at most ${PARAM_LIMITS.reportIds} reports`);
const someReportIds = reportIds.min(1, 'must name at least one report');
const offset = z.number().int('must be a whole number').min(0, 'must be 0 or more');
const limit = z.number().int('must be a whole number').min(1, 'must be 1 or more').max(PARAM_LIMITS.pageSize, `must be at most ${PARAM_LIMITS.pageSize}`);
const dateText = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'must be a date such as 2026-03-01');
const indicatorType = z.enum(INDICATOR_TYPES);
const indicator = z.strictObject({ type: indicatorType, value: requiredText });
/** A batched letter's further indicators (beside the request's own). */
const batchIndicators = z.array(indicator).min(1, 'must name at least one further indicator').max(PARAM_LIMITS.batchIndicators, `must name at most ${PARAM_LIMITS.batchIndicators} indicators`);
const noteSubject = z.enum(['report', 'case', 'action']);
const noParams = z.strictObject({});
const actionId = z.uuid({ error: 'must be a request id (a UUID)' });
const directoryId = z.string().regex(DIRECTORY_ID_PATTERN, 'must be a directory id such as bank.ing');
const isoDate = z.iso.date({ error: 'must be a date such as 2026-03-02' });
const bothOrNeither = { path: ['indicatorValue'], message: 'must be given exactly when indicatorType is' };
const requestIndicatorPair = (params: { indicatorType?: unknown; indicatorValue?: unknown }) =>
  ((params.indicatorType ?? null) === null) === ((params.indicatorValue ?? null) === null);
const ruleId = z.string().regex(ROUTING_RULE_ID_PATTERN, 'must be lower-case letters, digits, dots, dashes or underscores');
const hubUrl = z
  .string()
  .max(2000)
  .superRefine((text, context) => {
    const problem = hubAddressProblem(text);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

const purposeText = z.string({ error: (issue) => (issue.input === undefined ? PURPOSE_REQUIRED : 'must be text') }).superRefine((text, context) => {
  const checked = checkPurpose(text);
  if (!checked.ok) context.addIssue({ code: 'custom', message: checked.message });
});
/** A request that includes the reporters' data carries it to a third party: only with the officer's purpose. */
const purposeWithPersonalData = (params: { includePersonalData?: boolean; purpose?: string }) => params.includePersonalData !== true || params.purpose !== undefined;
const personalDataPurpose = { path: ['purpose'], message: `${PURPOSE_REQUIRED} The request includes the reporters' personal data.` };
const logbookFields = {
  reportId: reportId.optional(),
  officer: shortText.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  upToId: z.number().int('must be a whole number').min(1, 'must be 1 or more').optional(),
  asOf: z.iso.datetime({ offset: true, error: 'must be the asOf of the answer shown' }).optional(),
  held: z.number().int('must be a whole number').min(0, 'must be 0 or more').optional(),
};
const namesSubject = (query: { reportId?: string; officer?: string }) => query.reportId !== undefined || query.officer !== undefined;
const subjectNeeded = { message: 'name a report or an officer', path: ['reportId'] };
const logbookQuery = z.strictObject({ ...logbookFields, after: z.string().max(400, 'must be at most 400 characters').optional() }).refine(namesSubject, subjectNeeded);
/** The Logboek leaves the workstation as CSV (officers' work, queries typed): only under a purpose. */
const logbookExport = z.strictObject({ ...logbookFields, purpose: purposeText }).refine(namesSubject, subjectNeeded);

const queueQuery = z.strictObject({
  filters: z.strictObject({
    text: z.string().max(PARAM_LIMITS.search, `must be at most ${PARAM_LIMITS.search} characters`).optional(),
    workStatuses: z.array(z.enum(WORK_STATUSES)).optional(),
    categories: z.array(z.enum(CATEGORIES)).optional(),
    regions: z.array(shortText).optional(),
    assignee: shortText.optional(),
    receivedFrom: dateText.optional(),
    receivedTo: dateText.optional(),
    hasLoss: z.boolean().optional(),
    inCluster: z.boolean().optional(),
    teams: z.array(shortText).optional(),
    overdueOn: isoDate.optional(),
    closedFrom: isoDate.optional(),
    closedTo: isoDate.optional(),
    openOn: isoDate.optional(),
    afterBlock: z.strictObject({ addresseeId: directoryId, asOf: isoDate }).optional(),
    indicator: indicator.optional(),
    shape: z.strictObject({ kind: z.enum(SHAPE_KINDS), shape: requiredText }).optional(),
    clusterOf: reportId.optional(),
    summaryTerm: requiredText.optional(),
  }),
  sort: z.strictObject({ key: z.enum(QUEUE_SORT_KEYS), direction: z.enum(['asc', 'desc']) }),
  offset,
  limit,
  purpose: purposeText.optional(),
}).refine((query) => (query.filters.text ?? '').trim() === '' || query.purpose !== undefined, {
  path: ['purpose'],
  message: `${PURPOSE_REQUIRED} A search looks through reports' personal data.`,
});

const indicatorQuery = z.strictObject({
  types: z.array(indicatorType).optional(),
  search: z.string().max(PARAM_LIMITS.search, `must be at most ${PARAM_LIMITS.search} characters`).optional(),
  includeBenign: z.boolean().optional(),
  minReports: z.number().int('must be a whole number').min(1, 'must be 1 or more').optional(),
  sort: z.enum(['reports', 'loss', 'lastSeen']),
  offset,
  limit,
  purpose: purposeText.optional(),
}).refine((query) => (query.search ?? '').trim() === '' || query.purpose !== undefined, {
  path: ['purpose'],
  message: `${PURPOSE_REQUIRED} A search of the indicators looks through the reports' numbers and accounts.`,
});

const credentialText = z.string().max(200, 'must be at most 200 characters');

type ParamSchemas = { [M in ApiMethod]: z.ZodType<ApiParams<M>> };

export const apiParamSchemas: ParamSchemas = {
  'session.get': noParams,
  'session.signIn': z.strictObject({ officerId: requiredText, credential: credentialText.optional() }),
  'session.signOut': noParams,
  'session.drawn': noParams,
  'session.oidcOffer': noParams,
  'session.oidcStart': z.strictObject({ officerId: requiredText.optional() }),
  'session.oidcFinish': noParams,
  'session.lock': noParams,
  'session.unlock': z.strictObject({ credential: credentialText.optional() }),
  'session.setOfflineCode': z.strictObject({ code: credentialText, replace: z.boolean() }),
  'session.activity': noParams,
  'officers.list': noParams,

  'queue.list': queueQuery,
  'app.firstScreen': z.strictObject({ queue: queueQuery }),
  'app.startState': noParams,
  'queue.regions': noParams,

  'report.get': z.strictObject({ reportId, purpose: purposeText }),
  'report.revealReporter': z.strictObject({ reportId, reason: purposeText }),
  'report.revisions': z.strictObject({ reportId }),
  'report.audit': z.strictObject({ reportId, purpose: purposeText }),
  'report.related': z.strictObject({ reportId }),
  'report.setWorkStatus': z.strictObject({ reportIds: someReportIds, status: z.enum(WORK_STATUSES) }),
  'report.assign': z.strictObject({ reportIds: someReportIds, assignee: shortText.nullable() }),

  'indicator.list': indicatorQuery,
  'indicator.summary': indicator,
  'indicator.seenElsewhere': indicator,
  'indicator.reports': indicator,

  'cluster.graph': z.strictObject({ reportId }),
  'link.decide': z.strictObject({ reportA: reportId, reportB: reportId, decision: z.enum(LINK_DECISIONS), reason: longText }),

  'case.list': z.strictObject({ statuses: z.array(z.enum(CASE_STATUSES)).optional() }),
  'case.get': z.strictObject({ caseId }),
  'case.create': z.strictObject({ title: requiredText, reportIds, team: shortText.nullable().optional(), owner: shortText.nullable().optional() }),
  'case.update': z.strictObject({
    caseId,
    title: requiredText.optional(),
    owner: shortText.nullable().optional(),
    team: shortText.nullable().optional(),
    status: z.enum(CASE_STATUSES).optional(),
    closeReason: longText.nullable().optional(),
  }),
  'case.addReports': z.strictObject({ caseId, reportIds: someReportIds }),
  'case.removeReports': z.strictObject({ caseId, reportIds: someReportIds }),

  'note.list': z.strictObject({ subjectType: noteSubject, subjectId: shortText }),
  'note.add': z.strictObject({ subjectType: noteSubject, subjectId: shortText, body: longText.refine((text) => text.trim() !== '', 'must not be empty') }),

  'sync.state': noParams,
  'sync.conflicts': noParams,
  'sync.dismissConflict': z.strictObject({ id: z.number().int('must be a whole number').min(1, 'must be 1 or more') }),
  'sync.refusedChanges': noParams,

  'settings.get': noParams,
  'settings.set': z.strictObject({
    hubUrl: hubUrl.nullable().optional(),
    hubToken: z.string().max(2000).nullable().optional(),
    hubCaFile: z.string().max(4000).nullable().optional(),
    language: z.enum(['nl', 'en']).optional(),
    scope: shortText.optional(),
    idleLockMinutes: z
      .number()
      .int('must be a whole number of minutes')
      .min(IDLE_LOCK_MINUTES.min, `must be at least ${IDLE_LOCK_MINUTES.min} minute`)
      .max(IDLE_LOCK_MINUTES.max, `must be at most ${IDLE_LOCK_MINUTES.max} minutes`)
      .optional(),
  }),

  'benign.list': noParams,
  'benign.add': z.strictObject({ type: indicatorType, value: requiredText, reason: requiredText }),
  'benign.remove': indicator,

  'request.draft': z
    .strictObject({
      kind: z.enum(REQUEST_KINDS).optional(),
      indicatorType: indicatorType.optional(),
      indicatorValue: requiredText.optional(),
      caseId: caseId.optional(),
      clusterReportId: reportId.optional(),
      nameSuspects: z.boolean().optional(),
      batch: batchIndicators.optional(),
    })
    .refine(requestIndicatorPair, bothOrNeither),
  'request.create': z
    .strictObject({
      kind: z.enum(REQUEST_KINDS),
      indicatorType: indicatorType.nullable(),
      indicatorValue: requiredText.nullable(),
      caseId: caseId.nullable(),
      clusterReportId: reportId.nullable(),
      batchIndicators: batchIndicators.optional(),
      title: requiredText,
      addresseeId: directoryId.nullable(),
      reportIds: someReportIds,
      includePersonalData: z.boolean(),
      legalBasis: longText,
      body: longText,
      purpose: purposeText.optional(),
      replaces: z.array(actionId).max(PARAM_LIMITS.batchIndicators, `must name at most ${PARAM_LIMITS.batchIndicators} drafts`).optional(),
    })
    .refine(requestIndicatorPair, bothOrNeither)
    .refine(purposeWithPersonalData, personalDataPurpose),
  'request.list': z
    .strictObject({
      states: z.array(z.enum(REQUEST_STATES)).optional(),
      kinds: z.array(z.enum(REQUEST_KINDS)).optional(),
      addresseeId: directoryId.optional(),
      dueBefore: isoDate.optional(),
      overdueOnly: z.boolean().optional(),
      sentFrom: isoDate.optional(),
      sentTo: isoDate.optional(),
      executedFrom: isoDate.optional(),
      executedTo: isoDate.optional(),
      indicatorType: indicatorType.optional(),
      indicatorValue: requiredText.optional(),
      caseId: caseId.optional(),
    })
    .refine((query) => query.indicatorValue === undefined || query.indicatorType !== undefined, { path: ['indicatorValue'], message: 'needs indicatorType' }),
  'request.get': z.strictObject({ actionId, purpose: purposeText.optional() }),
  'request.edit': z
    .strictObject({
      actionId,
      title: requiredText.optional(),
      addresseeId: directoryId.nullable().optional(),
      includePersonalData: z.boolean().optional(),
      legalBasis: longText.optional(),
      body: longText.optional(),
      purpose: purposeText.optional(),
    })
    .refine(purposeWithPersonalData, personalDataPurpose),
  'request.updateReports': z.strictObject({ actionId }),
  'request.transition': z.strictObject({
    actionId,
    from: z.enum(REQUEST_STATES),
    to: z.enum(REQUEST_STATES),
    reason: longText.nullable().optional(),
    method: z.enum(SEND_METHODS).nullable().optional(),
    occurredAt: isoDate.nullable().optional(),
    dueAt: isoDate.nullable().optional(),
    reference: shortText.nullable().optional(),
  }),
  'request.letter': z.strictObject({ actionId, purpose: purposeText }),
  'request.export': z.strictObject({ actionId, purpose: purposeText }),
  'request.warningDocument': z.strictObject({ actionId, format: z.enum(WARNING_FORMATS) }),

  'directory.list': noParams,
  'directory.put': z.strictObject({ entryId: directoryId.optional(), entry: directoryEntrySchema }),
  'directory.remove': z.strictObject({ entryId: directoryId }),

  'routing.rules': noParams,
  'routing.putRule': z.strictObject({ ruleId: ruleId.optional(), rule: routingRuleSchema }),
  'routing.removeRule': z.strictObject({ ruleId }),
  'routing.explain': z.strictObject({ reportId }),
  'routing.apply': z.strictObject({ reportIds: someReportIds }),
  'overview.get': z.strictObject({ asOf: isoDate.optional() }),
  'overview.settings': noParams,
  // Checked whole, with a message per wrong value, where they are kept (src-main/overview/overview-settings.ts).
  'audit.purposes': noParams,
  'audit.setPurposes': z.strictObject({ purposes: z.array(purposeText).min(1, 'must hold at least one purpose').max(30, 'must hold at most 30 purposes') }),
  'audit.lastPurpose': z.strictObject({ reportId }),
  'audit.logbook': logbookQuery,
  'audit.exportCsv': logbookExport,
  'audit.refusals': noParams,
  'overview.setSettings': z.strictObject({ settings: z.custom<OverviewSettings>((value) => typeof value === 'object' && value !== null, 'must be an object') }),
  'report.reroute': z.strictObject({
    reportIds: someReportIds,
    team: shortText.nullable(),
    priority: z.enum(ROUTE_PRIORITIES),
    assignee: shortText.nullable(),
    reason: requiredText,
  }),
};

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'params';
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`), '');
}

/** One line naming the first few problems, e.g. `filters.categories[0] must be one of …; limit must be at most 500`. */
export function describeParamIssues(issues: readonly z.core.$ZodIssue[]): string {
  const described = issues.slice(0, 3).map((issue) => {
    const where = describePath(issue.path);
    if (issue.code === 'unrecognized_keys') return `${where} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_value') return `${where} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    return `${where}: ${issue.message}`;
  });
  return described.join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '');
}
