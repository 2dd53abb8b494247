import { lazy, type ComponentType } from 'react';
import type { Slots } from '../ui/slots';

/**
 * A slot's filling, fetched when it is first drawn: the panels live on screens the officer opens later (a report,
 * a case), so the first queue does not wait for their code (each Slot draws inside its own Suspense).
 */
function later<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => ({ default: await load() }));
}

/** Which feature fills each extension point (ui/slots.tsx). */
export const featureSlots = {
  notes: later(async () => (await import('../features/notes/NotesPanel')).NotesPanel),
  addToCase: later(async () => (await import('../features/cases/AddToCaseDialog')).AddToCaseDialog),
  createCase: later(async () => (await import('../features/cases/CreateCaseDialog')).CreateCaseDialog),
  clusterTab: later(async () => (await import('../features/cluster/ClusterTab')).ClusterTab),
  routeExplanation: later(async () => (await import('../features/routing/RouteExplanationPanel')).RouteExplanationPanel),
  caseRequests: later(async () => (await import('../features/requests/CaseRequestPanel')).CaseRequestPanel),
  clusterRequests: later(async () => (await import('../features/requests/ClusterRequestPanel')).ClusterRequestPanel),
  indicatorRequests: later(async () => (await import('../features/requests/IndicatorRequests')).IndicatorRequests),
  draftRequest: later(async () => (await import('../features/requests/DraftRequestButton')).DraftRequestButton),
  batchDraft: later(async () => (await import('../features/requests/BatchDraftBar')).IndicatorBatchBar),
} satisfies Slots;
