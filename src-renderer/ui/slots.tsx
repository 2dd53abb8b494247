/**
 * Extension points: where one feature's screen shows a panel that another feature owns (the notes under a
 * report, the requests of a cluster). A feature renders `<Slot name=… />` with the props written here; the
 * composition root (app/feature-slots.ts) says which feature's component fills it. So features never import
 * each other, and each panel keeps one owner — as VS Code's contribution points keep its parts apart.
 */
import { createContext, Suspense, useContext, type ComponentType, type ReactNode } from 'react';
import type { CaseDetail, NoteView, ReportDetail } from '../../shared/api/views';
import type { IndicatorType } from '../../shared/indicators/types';
import type { RequestDraftQuery } from '../../shared/api/request-views';
import type { RequestKind } from '../../shared/requests/lifecycle';

interface CaseDialogProps {
  opened: boolean;
  onClose: () => void;
  reportIds: string[];
}

export interface SlotProps {
  /** The notes on a report, a case or a request (feature notes). */
  notes: { subjectType: NoteView['subjectType']; subjectId: string };
  /** Adds reports to an existing case (feature cases). */
  addToCase: CaseDialogProps;
  /** Creates a case from reports (feature cases). */
  createCase: CaseDialogProps & {
    /** Where the reports come from ("3 selected reports", "the cluster: 12 reports"). */
    origin: string;
    /** Set when not every report of the cluster could be listed. */
    warning?: string | null;
  };
  /** A report's cluster: its graph and related reports (feature cluster). */
  clusterTab: { report: ReportDetail };
  /** Why a report went to its team (feature routing). */
  routeExplanation: { reportId: string };
  /** Requests about a case's indicators (feature requests). */
  caseRequests: { caseId: string; indicators: CaseDetail['indicators'] };
  /** Requests about the indicators of a report's cluster (feature requests). */
  clusterRequests: { reportId: string };
  /** Requests about one indicator (feature requests). */
  indicatorRequests: { type: IndicatorType; value: string; benign: boolean };
  /** A button that drafts a request or a prevention warning in one click, and its dialog (feature requests). */
  draftRequest: { kind: RequestKind; query: RequestDraftQuery; variant?: 'default' | 'light' | 'subtle' };
  /** With two or more indicators chosen: one letter to their bank or operator naming them all, drafted in one click (feature requests). */
  batchDraft: { indicators: ReadonlyArray<{ type: IndicatorType; value: string }>; chosen: string; testId: string };
}

export type Slots = { [Name in keyof SlotProps]: ComponentType<SlotProps[Name]> };

const SlotsContext = createContext<Slots | null>(null);

export function SlotsProvider({ slots, children }: { slots: Slots; children: ReactNode }) {
  return <SlotsContext.Provider value={slots}>{children}</SlotsContext.Provider>;
}

/**
 * Renders the component that fills the named extension point. Fillings may load later (app/feature-slots.ts): the
 * screen around them is drawn meanwhile, and the panel appears when its code is in.
 */
export function Slot<Name extends keyof SlotProps>({ name, ...props }: { name: Name } & SlotProps[Name]) {
  const slots = useContext(SlotsContext);
  if (!slots) throw new Error(`<Slot name="${name}"> needs a SlotsProvider above it (app/AppProviders.tsx)`);
  const Filling: ComponentType<SlotProps[Name]> = slots[name];
  return (
    <Suspense fallback={null}>
      <Filling {...(props as unknown as SlotProps[Name])} />
    </Suspense>
  );
}
