import { AddToCaseDialog } from '../features/cases/AddToCaseDialog';
import { CreateCaseDialog } from '../features/cases/CreateCaseDialog';
import { ClusterTab } from '../features/cluster/ClusterTab';
import { NotesPanel } from '../features/notes/NotesPanel';
import { CaseActionPanel } from '../features/requests/CaseActionPanel';
import { ClusterActionPanel } from '../features/requests/ClusterActionPanel';
import { DraftActionButton } from '../features/requests/DraftActionButton';
import { IndicatorActions } from '../features/requests/IndicatorActions';
import { RouteExplanationPanel } from '../features/routing/RouteExplanationPanel';
import type { Slots } from '../ui/slots';

/** Which feature fills each extension point (ui/slots.tsx). */
export const featureSlots = {
  notes: NotesPanel,
  addToCase: AddToCaseDialog,
  createCase: CreateCaseDialog,
  clusterTab: ClusterTab,
  routeExplanation: RouteExplanationPanel,
  caseRequests: CaseActionPanel,
  clusterRequests: ClusterActionPanel,
  indicatorRequests: IndicatorActions,
  draftAction: DraftActionButton,
} satisfies Slots;
