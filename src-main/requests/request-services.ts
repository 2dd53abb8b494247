/**
 * Officers' changes to follow-up actions, each checked here first (with the shared lifecycle guards and this
 * workstation's copy of the officers) and then recorded as one mutation, which the hub checks again.
 */
import { refuseBundleUpdate, type TransitionInput } from '../../shared/requests/lifecycle';
import { AppError } from '../../shared/errors';
import type { MutationPayloads } from '../../shared/mutations/kinds';
import type { CanonicalIndicator } from '../../shared/indicators/types';
import type { CaseStore } from '../db/open-store';
import { recordMutation } from '../mutations/record-mutation';
import { actorOf, optionalText, requireCase, requireReport, requireReports, requireText } from '../mutations/services/guards';
import { buildMutation, newIdOf, type ServiceDeps } from '../mutations/services/service-deps';
import { requireRequest, type RequestRecord } from './request-record';
import { canonicalBatch, canonicalIndicator, requireFittingIndicator } from './request-subject';
import { newReportIds } from './request-scope';
import { findDirectoryEntry } from './directory-entries';
import { dutchDay } from '../../shared/platform/dutch-days';
import { assertEditAllowed, assertTransitionAllowed } from './transition-refusal';
import { writeTransaction } from '../db/write-transaction';

export type CreateRequestInput = { officer: string } & Omit<MutationPayloads['action.create'], 'actionId' | 'reportIds'> & {
  reportIds: readonly string[];
  /** The drafts this (batched) letter replaces: withdrawn with it, in its transaction. */
  replaces?: readonly string[];
};

function requireAddressee(store: CaseStore, addresseeId: string | null): string | null {
  if (addresseeId !== null && !findDirectoryEntry(store.sqlite, addresseeId)) throw new AppError('BAD_INPUT', `The directory has no addressee ${addresseeId}.`);
  return addresseeId;
}

/**
 * A new request in state `draft`, authored by the officer; the drafts it replaces are withdrawn in the same
 * transaction (one signed mutation each, after the new request's), so either all of it is recorded or none.
 */
export function createRequest(store: CaseStore, deps: ServiceDeps, input: CreateRequestInput): { actionId: string } {
  const { sqlite } = store;
  const indicator = canonicalIndicator(input.indicatorType, input.indicatorValue);
  requireFittingIndicator(input.kind, indicator);
  const batchIndicators = input.kind === 'prevention_warning' ? [] : canonicalBatch(indicator, input.batchIndicators);
  if (input.caseId !== null) requireCase(sqlite, input.caseId);
  if (input.clusterReportId !== null) requireReport(sqlite, input.clusterReportId);
  const reportIds = [...new Set(input.reportIds)];
  if (reportIds.length === 0) throw new AppError('BAD_INPUT', 'A request needs at least one report to rest on.');
  requireReports(sqlite, reportIds);
  const actionId = newIdOf(deps)();
  const title = requireText(input.title, 'A request title');
  const create = buildMutation(deps, input.officer, 'action.create', {
    actionId,
    kind: input.kind,
    indicatorType: indicator?.type ?? null,
    indicatorValue: indicator?.value ?? null,
    caseId: input.caseId,
    clusterReportId: input.clusterReportId,
    ...(batchIndicators.length > 0 ? { batchIndicators } : {}),
    title,
    addresseeId: requireAddressee(store, input.addresseeId),
    reportIds,
    includePersonalData: input.includePersonalData,
    legalBasis: input.legalBasis.trim(),
    body: input.body.trim(),
  });
  const named = new Set([indicator, ...batchIndicators].flatMap((entry) => (entry === null ? [] : [indicatorKey(entry)])));
  writeTransaction(sqlite, () => {
    recordMutation(store, create);
    for (const draftId of new Set(input.replaces ?? [])) {
      const draft = requireRequest(sqlite, draftId);
      requireReplaceable(draft, input.kind, named);
      withdrawReplaced(store, deps, input.officer, draft);
    }
  })();
  return { actionId };
}

const indicatorKey = (indicator: CanonicalIndicator) => `${indicator.type}:${indicator.value}`;

/** A letter replaces only drafts of its own kind about indicators it names itself. */
function requireReplaceable(draft: RequestRecord, kind: CreateRequestInput['kind'], named: ReadonlySet<string>): void {
  if (draft.kind !== kind) throw new AppError('BAD_INPUT', `The draft “${draft.title}” is a ${draft.kind} request; this letter, a ${kind} request, cannot replace it.`);
  const indicators = [...(draft.indicator === null ? [] : [draft.indicator]), ...draft.payload.batchIndicators];
  const missing = indicators.filter((entry) => !named.has(indicatorKey(entry)));
  if (indicators.length === 0 || missing.length > 0) {
    const which = missing.length > 0 ? `it names ${missing.map((entry) => entry.value).join(', ')}, which this letter does not` : 'it names no indicator';
    throw new AppError('BAD_INPUT', `This letter cannot replace the draft “${draft.title}”: ${which}.`);
  }
}

/**
 * Withdraws a draft a letter replaces (its author or a supervisor: the shared guard, which the hub applies again).
 * Without a text: the hub judges each change on its own, and a text on a request that held a report purged in the
 * last two days is refused as a possible quote (src-hub README) — which would split the batch there.
 */
function withdrawReplaced(store: CaseStore, deps: ServiceDeps, officer: string, draft: RequestRecord): void {
  const payload: MutationPayloads['action.transition'] = { actionId: draft.id, from: 'draft', to: 'withdrawn', reason: null, method: null, occurredAt: null, dueAt: null, reference: null };
  assertTransitionAllowed({ state: draft.state, author: draft.createdBy, kind: draft.kind }, actorOf(store.sqlite, officer), payload);
  recordMutation(store, buildMutation(deps, officer, 'action.transition', payload));
}

export type RequestChanges = Omit<MutationPayloads['action.edit'], 'actionId'>;

/** Changes a draft's content; its author or a supervisor. */
export function editRequest(store: CaseStore, deps: ServiceDeps, input: { officer: string; actionId: string } & RequestChanges): void {
  const action = requireRequest(store.sqlite, input.actionId);
  assertEditAllowed(action.state, action.createdBy, actorOf(store.sqlite, input.officer));
  const payload: MutationPayloads['action.edit'] = { actionId: input.actionId };
  if (input.title !== undefined) payload.title = requireText(input.title, 'A request title');
  if (input.addresseeId !== undefined) payload.addresseeId = requireAddressee(store, input.addresseeId);
  if (input.includePersonalData !== undefined) payload.includePersonalData = input.includePersonalData;
  if (input.legalBasis !== undefined) payload.legalBasis = input.legalBasis.trim();
  if (input.body !== undefined) payload.body = input.body.trim();
  if (Object.keys(payload).length === 1) throw new AppError('BAD_INPUT', 'Nothing to change: give a title, addressee, legal basis, body or the personal-data choice.');
  recordMutation(store, buildMutation(deps, input.officer, 'action.edit', payload));
}

/** Adds the reports that arrived since to an open request's bundle; records nothing when there are none. */
export function updateRequestReports(store: CaseStore, deps: ServiceDeps, input: { officer: string; actionId: string }): { added: number } {
  const action = requireRequest(store.sqlite, input.actionId);
  const refusal = refuseBundleUpdate(action.state);
  if (refusal !== null) throw new AppError('CONFLICT', `The reports cannot be updated: ${refusal}.`);
  const added = newReportIds(store.sqlite, action);
  if (added.length === 0) return { added: 0 };
  recordMutation(store, buildMutation(deps, input.officer, 'action.setReports', { actionId: input.actionId, reportIds: [...action.payload.reportIds, ...added] }));
  return { added: added.length };
}

export type TransitionRequestInput = { officer: string; actionId: string; reference?: string | null } & TransitionInput;

/** One step of the lifecycle, refused here at once when the shared guard (or a local check) says no. */
export function transitionRequest(store: CaseStore, deps: ServiceDeps, input: TransitionRequestInput): void {
  const action = requireRequest(store.sqlite, input.actionId);
  const payload: MutationPayloads['action.transition'] = {
    actionId: input.actionId,
    from: input.from,
    to: input.to,
    reason: optionalText(input.reason),
    method: input.method ?? null,
    occurredAt: input.occurredAt ?? null,
    dueAt: input.dueAt ?? null,
    reference: optionalText(input.reference),
  };
  assertTransitionAllowed({ state: action.state, author: action.createdBy, kind: action.kind }, actorOf(store.sqlite, input.officer), payload);
  if (payload.occurredAt !== null && payload.occurredAt > dutchDay(deps.clock.now())) {
    throw new AppError('BAD_INPUT', `The date it happened (${payload.occurredAt}) lies in the future.`);
  }
  // A request goes to a supervisor only when it says whom it is for; the hub does not need this check.
  if (input.to === 'awaiting_approval' && (action.addresseeId === null || !findDirectoryEntry(store.sqlite, action.addresseeId))) {
    throw new AppError('BAD_INPUT', 'Choose an addressee from the directory before asking for approval.');
  }
  recordMutation(store, buildMutation(deps, input.officer, 'action.transition', payload));
}
