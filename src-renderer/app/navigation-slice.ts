import type { IndicatorType } from '../../shared/indicators/types';
import { selectIsSupervisor } from '../state/session-selectors';
import type { SliceCreator } from '../state/slice';

export type View =
  | { screen: 'queue' }
  | { screen: 'report'; reportId: string }
  | { screen: 'indicators'; indicator?: { type: IndicatorType; value: string } }
  | { screen: 'cases'; caseId?: string }
  | { screen: 'requests'; actionId?: string }
  | { screen: 'approvals'; actionId?: string }
  | { screen: 'routing' }
  | { screen: 'directory' }
  | { screen: 'overview' }
  | { screen: 'logbook'; reportId?: string }
  | { screen: 'settings' };

export type Screen = View['screen'];

export interface NavigationSlice {
  view: View;
  /** Views to go back to (newest last); a work tool without URLs still needs "back". */
  viewHistory: View[];
  /** The screen shown before this one, so a screen can put focus where the officer expects it. */
  cameFrom: Screen | null;
  navigate: (view: View) => void;
  goBack: () => void;
  /** Fetches what the current view shows again (after another officer signed in), keeping the history. */
  reloadView: () => void;
  openReport: (reportId: string) => void;
  openCase: (caseId: string) => void;
  openIndicator: (type: IndicatorType, value: string) => void;
  /** Opens a request in the actions list (or, on the approval queue, there). */
  openRequest: (actionId: string) => void;
  /** Opens the Logboek (supervisors), asking who consulted this report and why when one is given. */
  openLogbook: (reportId?: string) => void;
}

const MAX_HISTORY = 50;

export const createNavigationSlice: SliceCreator<NavigationSlice> = () => (set, get) => {
  /** Leaving a view drops what it alone should hold, such as a revealed reporter. */
  const enter = (view: View) => {
    const previous = get().view;
    if (previous.screen === 'report' && (view.screen !== 'report' || view.reportId !== previous.reportId)) get().closeReport();
    set({ view, viewHistory: [...get().viewHistory, previous].slice(-MAX_HISTORY), cameFrom: previous.screen });
    load(view);
  };

  /** What a view shows, fetched afresh. */
  const load = (view: View) => {
    if (view.screen === 'report') void get().loadReport(view.reportId);
    if (view.screen === 'cases') {
      void get().loadCases();
      if (view.caseId) void get().loadCase(view.caseId);
    }
    if (view.screen === 'indicators') {
      void get().loadIndicators();
      if (view.indicator) void get().loadIndicatorDetail(view.indicator.type, view.indicator.value);
    }
    if (view.screen === 'requests') {
      void get().loadRequests();
      void get().loadDirectory();
      if (view.actionId) void get().loadRequest(view.actionId);
    }
    if (view.screen === 'approvals') {
      void get().loadApprovalQueue();
      if (view.actionId) void get().loadRequest(view.actionId);
    }
    if (view.screen === 'routing') void get().loadRoutingRules();
    if (view.screen === 'directory') void get().loadDirectory();
    if (view.screen === 'overview') void get().loadOverview();
    if (view.screen === 'logbook') {
      // What the hub refused it answers to supervisors only (the privacy officer reads the Logboek too).
      if (selectIsSupervisor(get())) void get().loadHubRefusals();
      if (view.reportId) void get().loadLogbook({ reportId: view.reportId });
    }
    if (view.screen === 'settings') {
      void get().loadSettings();
      void get().loadBenignList();
    }
  };

  return {
    view: { screen: 'queue' },
    viewHistory: [],
    cameFrom: null,
    navigate: enter,
    reloadView: () => load(get().view),
    goBack: () => {
      const history = get().viewHistory;
      const target = history.at(-1) ?? { screen: 'queue' };
      enter(target);
      set({ viewHistory: history.slice(0, -1) });
    },
    openReport: (reportId) => enter({ screen: 'report', reportId }),
    openCase: (caseId) => enter({ screen: 'cases', caseId }),
    openIndicator: (type, value) => enter({ screen: 'indicators', indicator: { type, value } }),
    openRequest: (actionId) => enter({ screen: get().view.screen === 'approvals' ? 'approvals' : 'requests', actionId }),
    openLogbook: (reportId) => enter(reportId === undefined ? { screen: 'logbook' } : { screen: 'logbook', reportId }),
  };
};
