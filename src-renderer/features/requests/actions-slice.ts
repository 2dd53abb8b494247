import type { ApiParams, ApiValue } from '../../../shared/api/contract';
import type { ActionDetail, ActionQuery, ActionSummaryView, WarningFormat } from '../../../shared/api/action-views';
import type { ApiErrorBody, ApiResult } from '../../../shared/api/result';
import { coalesce } from '../../state/coalesce';
import type { SliceCreator } from '../../state/slice';
import { selectIsSupervisor } from '../../state/session-selectors';

/** What the actions list filters on; the subject filters (indicator, case) belong to the panels beside them. */
export type ActionFilters = Pick<ActionQuery, 'states' | 'kinds' | 'addresseeId' | 'dueBefore' | 'overdueOnly' | 'sentFrom' | 'sentTo' | 'executedFrom' | 'executedTo'>;

export type ActionEdit = Omit<ApiParams<'action.edit'>, 'actionId'>;
export type ActionStepInput = Omit<ApiParams<'action.transition'>, 'actionId' | 'from'>;

/** The requests about one subject (an indicator, a case, a cluster), for the panel that shows them. */
export interface SubjectActions {
  key: string;
  rows: ActionSummaryView[];
}

export interface ActionsSlice {
  actionFilters: ActionFilters;
  actionList: ActionSummaryView[] | null;
  actionListError: ApiErrorBody | null;
  /** Requests waiting for a supervisor; loaded for supervisors only (the navigation shows how many). */
  approvalQueue: ActionSummaryView[] | null;
  approvalQueueError: ApiErrorBody | null;
  openActionDetail: ActionDetail | null;
  actionError: ApiErrorBody | null;
  /** The purpose the officer last gave for the open request (a document made, its reporters shown — then reloads show them too). */
  actionPurpose: { actionId: string; purpose: string; showsReporters: boolean } | null;
  subjectActions: SubjectActions | null;
  loadActions: () => Promise<void>;
  setActionFilters: (patch: Partial<ActionFilters>) => void;
  /** Replaces every filter of the list (the overview opens the requests behind a number). */
  replaceActionFilters: (filters: ActionFilters) => void;
  loadApprovalQueue: () => Promise<void>;
  loadAction: (actionId: string) => Promise<void>;
  loadSubjectActions: (query: ActionQuery) => Promise<void>;
  /** After a pushed change: reloads whatever about requests is on screen. */
  refreshActions: () => Promise<void>;
  editAction: (changes: ActionEdit) => Promise<boolean>;
  /** Takes the open request one step, from the state the officer sees. */
  transitionAction: (step: ActionStepInput) => Promise<boolean>;
  updateActionReports: () => Promise<boolean>;
  /** Shows the reporters' data the open request includes, under this purpose (logged); resolves whether it did. */
  showActionReporters: (purpose: string) => Promise<boolean>;
  /** To preselect for the open request: the purpose given for it, else the last one for its first report's case. */
  suggestActionPurpose: () => Promise<string | null>;
  fetchActionLetter: (actionId: string, purpose: string) => Promise<ApiValue<'action.letter'> | null>;
  fetchActionExport: (actionId: string, purpose: string) => Promise<ApiValue<'action.export'> | null>;
  fetchWarningDocument: (actionId: string, format: WarningFormat) => Promise<ApiValue<'action.warningDocument'> | null>;
}

export const subjectKey = (query: ActionQuery): string => JSON.stringify(query);

export const createActionsSlice: SliceCreator<ActionsSlice> = (api) => (set, get) => {
  let listTicket = 0;

  const openActionId = (): string | null => {
    const view = get().view;
    return view.screen === 'actions' || view.screen === 'approvals' ? (view.actionId ?? null) : null;
  };

  const loadActions = async () => {
    const ticket = ++listTicket;
    const result = await api.call('action.list', get().actionFilters);
    if (ticket !== listTicket) return;
    set(result.ok ? { actionList: result.value, actionListError: null } : { actionListError: result.error });
  };

  const loadApprovalQueue = async () => {
    if (!selectIsSupervisor(get())) return set({ approvalQueue: null, approvalQueueError: null });
    const result = await api.call('action.list', { states: ['awaiting_approval'] });
    set(result.ok ? { approvalQueue: result.value, approvalQueueError: null } : { approvalQueueError: result.error });
  };

  const purposeFor = (actionId: string): string | null => {
    const given = get().actionPurpose;
    return given?.actionId === actionId ? given.purpose : null;
  };

  /** A document made keeps its purpose as the suggestion, without showing the reporters it did not ask to see. */
  const rememberPurpose = (actionId: string, purpose: string) => {
    const given = get().actionPurpose;
    set({ actionPurpose: { actionId, purpose, showsReporters: given?.actionId === actionId && given.showsReporters } });
  };

  /** A document made under a purpose: its purpose remembered, or the failure told. */
  const madeUnder = async <T>(call: Promise<ApiResult<T>>, actionId: string, purpose: string, failure: string): Promise<T | null> => {
    const result = await call;
    if (!result.ok) {
      get().notifyError(failure, result.error);
      return null;
    }
    rememberPurpose(actionId, purpose);
    return result.value;
  };

  const loadAction = async (actionId: string) => {
    // Another request: what was shown of the last one is forgotten, as leaving a report forgets its reporter.
    if (get().openActionDetail?.actionId !== actionId) set({ openActionDetail: null, actionError: null, ...(get().actionPurpose?.actionId === actionId ? {} : { actionPurpose: null }) });
    const given = get().actionPurpose;
    const purpose = given?.actionId === actionId && given.showsReporters ? given.purpose : null;
    const result = await api.call('action.get', purpose === null ? { actionId } : { actionId, purpose });
    if (openActionId() !== actionId) return;
    set(result.ok ? { openActionDetail: result.value, actionError: null } : { actionError: result.error });
    void get().loadNotes('action', actionId);
  };

  const loadSubjectActions = async (query: ActionQuery) => {
    const key = subjectKey(query);
    if (get().subjectActions?.key !== key) set({ subjectActions: null });
    const result = await api.call('action.list', query);
    if (result.ok) set({ subjectActions: { key, rows: result.value } });
  };

  /** Whatever about requests is on screen; also after a change made here, rather than waiting for the pushed event. */
  const refreshActions = coalesce(async () => {
    const screen = get().view.screen;
    const actionId = openActionId();
    const subject = get().subjectActions;
    await Promise.all([
      screen === 'actions' ? loadActions() : null,
      loadApprovalQueue(),
      actionId ? loadAction(actionId) : null,
      subject ? loadSubjectActions(JSON.parse(subject.key) as ActionQuery) : null,
    ]);
  });

  return {
    actionFilters: {},
    actionList: null,
    actionListError: null,
    approvalQueue: null,
    approvalQueueError: null,
    openActionDetail: null,
    actionError: null,
    actionPurpose: null,
    subjectActions: null,
    loadActions,
    loadApprovalQueue,
    loadAction,
    loadSubjectActions,
    refreshActions,

    setActionFilters: (patch) => {
      set({ actionFilters: { ...get().actionFilters, ...patch } });
      void loadActions();
    },

    replaceActionFilters: (filters) => {
      set({ actionFilters: filters });
      void loadActions();
    },

    editAction: async (changes) => {
      const actionId = openActionId();
      if (!actionId) return false;
      const result = await api.call('action.edit', { actionId, ...changes });
      if (!result.ok) {
        get().notifyError('actionEditFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'actionSaved' });
      await refreshActions();
      return true;
    },

    transitionAction: async (step) => {
      const detail = get().openActionDetail;
      if (!detail || openActionId() !== detail.actionId) return false;
      const result = await api.call('action.transition', { actionId: detail.actionId, from: detail.state, ...step });
      if (!result.ok) {
        get().notifyError('actionStepFailed', result.error);
        await refreshActions();
        return false;
      }
      get().notify({ tone: 'success', key: `actionStep.${step.to}` });
      await refreshActions();
      return true;
    },

    updateActionReports: async () => {
      const actionId = openActionId();
      if (!actionId) return false;
      const result = await api.call('action.updateReports', { actionId });
      if (!result.ok) {
        get().notifyError('actionReportsFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'actionReportsAdded', values: { count: result.value.added } });
      await refreshActions();
      return true;
    },

    showActionReporters: async (purpose) => {
      const actionId = openActionId();
      if (!actionId) return false;
      set({ actionPurpose: { actionId, purpose, showsReporters: true } });
      await loadAction(actionId);
      return get().openActionDetail?.reportersWithheld === false;
    },

    suggestActionPurpose: async () => {
      const detail = get().openActionDetail;
      if (!detail) return null;
      const firstReport = detail.bundle.reports[0]?.reportId;
      return purposeFor(detail.actionId) ?? (firstReport === undefined ? null : get().lastPurposeFor(firstReport));
    },

    fetchActionLetter: (actionId, purpose) => madeUnder(api.call('action.letter', { actionId, purpose }), actionId, purpose, 'letterFailed'),
    fetchActionExport: (actionId, purpose) => madeUnder(api.call('action.export', { actionId, purpose }), actionId, purpose, 'exportFailed'),

    fetchWarningDocument: async (actionId, format) => {
      const result = await api.call('action.warningDocument', { actionId, format });
      if (result.ok) return result.value;
      get().notifyError('exportFailed', result.error);
      return null;
    },
  };
};
