/** Creating requests in tests the way the API does: from the draft, as a given officer. */
import { draftRequest } from '../../../../src-main/requests/request-draft';
import { createRequest, transitionRequest, type TransitionRequestInput } from '../../../../src-main/requests/request-services';
import type { RequestStore } from './request-store';

export function createFromDraft(store: RequestStore, officer: string, iban: string, overrides: { caseId?: string; addresseeId?: string | null } = {}): string {
  const draft = draftRequest(store.store.sqlite, { indicatorType: 'iban', indicatorValue: iban, ...(overrides.caseId ? { caseId: overrides.caseId } : {}) });
  return createRequest(store.store, store.deps, {
    officer,
    kind: draft.kind,
    indicatorType: draft.indicatorType,
    indicatorValue: draft.indicatorValue,
    caseId: draft.caseId,
    clusterReportId: draft.clusterReportId,
    title: draft.title,
    addresseeId: overrides.addresseeId === undefined ? draft.addressee.suggestedId : overrides.addresseeId,
    reportIds: draft.bundle.reports.map((report) => report.reportId),
    includePersonalData: false,
    legalBasis: draft.legalBasis,
    body: draft.body,
  }).actionId;
}

type Step = Omit<TransitionRequestInput, 'actionId'>;

export const SEND = { method: 'email', occurredAt: '2026-11-02', dueAt: '2026-11-16' } as const;

/** Takes the request through the given steps (each as its officer). */
export function walk(store: RequestStore, actionId: string, steps: readonly Step[]): void {
  for (const step of steps) transitionRequest(store.store, store.deps, { actionId, ...step });
}
