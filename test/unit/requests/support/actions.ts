/** Creating requests in tests the way the API does: from the draft, as a given officer. */
import { draftAction } from '../../../../src-main/requests/action-draft';
import { createAction, transitionAction, type TransitionActionInput } from '../../../../src-main/requests/action-services';
import type { ActionStore } from './action-store';

export function createFromDraft(store: ActionStore, officer: string, iban: string, overrides: { caseId?: string; addresseeId?: string | null } = {}): string {
  const draft = draftAction(store.store.sqlite, { indicatorType: 'iban', indicatorValue: iban, ...(overrides.caseId ? { caseId: overrides.caseId } : {}) });
  return createAction(store.store, store.deps, {
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

type Step = Omit<TransitionActionInput, 'actionId'>;

export const SEND = { method: 'email', occurredAt: '2026-11-02', dueAt: '2026-11-16' } as const;

/** Takes the request through the given steps (each as its officer). */
export function walk(store: ActionStore, actionId: string, steps: readonly Step[]): void {
  for (const step of steps) transitionAction(store.store, store.deps, { actionId, ...step });
}
