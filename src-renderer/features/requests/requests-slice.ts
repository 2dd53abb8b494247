import type { ApiParams, ApiValue } from '../../../shared/api/contract';
import type { RequestDetail, RequestQuery, RequestSummaryView, WarningFormat } from '../../../shared/api/request-views';
import type { ApiErrorBody, ApiResult } from '../../../shared/api/result';
import { coalesce } from '../../state/coalesce';
import type { SliceCreator } from '../../state/slice';
import { selectIsSupervisor } from '../../state/session-selectors';

/** What the actions list filters on; the subject filters (indicator, case) belong to the panels beside them. */
export type RequestFilters = Pick<RequestQuery, 'states' | 'kinds' | 'addresseeId' | 'dueBefore' | 'overdueOnly' | 'sentFrom' | 'sentTo' | 'executedFrom' | 'executedTo'>;

export type RequestEdit = Omit<ApiParams<'request.edit'>, 'actionId'>;
export type RequestStepInput = Omit<ApiParams<'request.transition'>, 'actionId' | 'from'>;

/** The requests about one subject (an indicator, a case, a cluster), for the panel that shows them. */
export interface SubjectRequests {
  key: string;
  rows: RequestSummaryView[];
}

export interface RequestsSlice {
  requestFilters: RequestFilters;
  requestList: RequestSummaryView[] | null;
  requestListError: ApiErrorBody | null;
  /** Requests waiting for a supervisor; loaded for supervisors only (the navigation shows how many). */
  approvalQueue: RequestSummaryView[] | null;
  approvalQueueError: ApiErrorBody | null;
  openRequestDetail: RequestDetail | null;
  requestError: ApiErrorBody | null;
  /** The purpose the officer last gave for the open request (a document made, its reporters shown — then reloads show them too). */
  requestPurpose: { actionId: string; purpose: string; showsReporters: boolean } | null;
  subjectRequests: SubjectRequests | null;
  loadRequests: () => Promise<void>;
  setRequestFilters: (patch: Partial<RequestFilters>) => void;
  /** Replaces every filter of the list (the overview opens the requests behind a number). */
  replaceRequestFilters: (filters: RequestFilters) => void;
  loadApprovalQueue: () => Promise<void>;
  loadRequest: (actionId: string) => Promise<void>;
  loadSubjectRequests: (query: RequestQuery) => Promise<void>;
  /** After a pushed change: reloads whatever about requests is on screen. */
  refreshRequests: () => Promise<void>;
  editRequest: (changes: RequestEdit) => Promise<boolean>;
  /** Takes the open request one step, from the state the officer sees. */
  transitionRequest: (step: RequestStepInput) => Promise<boolean>;
  updateRequestReports: () => Promise<boolean>;
  /** Shows the reporters' data the open request includes, under this purpose (logged); resolves whether it did. */
  showRequestReporters: (purpose: string) => Promise<boolean>;
  /** To preselect for the open request: the purpose given for it, else the last one for its first report's case. */
  suggestRequestPurpose: () => Promise<string | null>;
  fetchRequestLetter: (actionId: string, purpose: string) => Promise<ApiValue<'request.letter'> | null>;
  fetchRequestExport: (actionId: string, purpose: string) => Promise<ApiValue<'request.export'> | null>;
  fetchWarningDocument: (actionId: string, format: WarningFormat) => Promise<ApiValue<'request.warningDocument'> | null>;
}

export const subjectKey = (query: RequestQuery): string => JSON.stringify(query);

export const createRequestsSlice: SliceCreator<RequestsSlice> = (api) => (set, get) => {
  let listTicket = 0;

  const openRequestId = (): string | null => {
    const view = get().view;
    return view.screen === 'requests' || view.screen === 'approvals' ? (view.actionId ?? null) : null;
  };

  const loadRequests = async () => {
    const ticket = ++listTicket;
    const result = await api.call('request.list', get().requestFilters);
    if (ticket !== listTicket) return;
    set(result.ok ? { requestList: result.value, requestListError: null } : { requestListError: result.error });
  };

  const loadApprovalQueue = async () => {
    if (!selectIsSupervisor(get())) return set({ approvalQueue: null, approvalQueueError: null });
    const result = await api.call('request.list', { states: ['awaiting_approval'] });
    set(result.ok ? { approvalQueue: result.value, approvalQueueError: null } : { approvalQueueError: result.error });
  };

  const purposeFor = (actionId: string): string | null => {
    const given = get().requestPurpose;
    return given?.actionId === actionId ? given.purpose : null;
  };

  /** A document made keeps its purpose as the suggestion, without showing the reporters it did not ask to see. */
  const rememberPurpose = (actionId: string, purpose: string) => {
    const given = get().requestPurpose;
    set({ requestPurpose: { actionId, purpose, showsReporters: given?.actionId === actionId && given.showsReporters } });
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

  const loadRequest = async (actionId: string) => {
    // Another request: what was shown of the last one is forgotten, as leaving a report forgets its reporter.
    if (get().openRequestDetail?.actionId !== actionId) set({ openRequestDetail: null, requestError: null, ...(get().requestPurpose?.actionId === actionId ? {} : { requestPurpose: null }) });
    const given = get().requestPurpose;
    const purpose = given?.actionId === actionId && given.showsReporters ? given.purpose : null;
    const result = await api.call('request.get', purpose === null ? { actionId } : { actionId, purpose });
    if (openRequestId() !== actionId) return;
    set(result.ok ? { openRequestDetail: result.value, requestError: null } : { requestError: result.error });
    void get().loadNotes('action', actionId);
  };

  const loadSubjectRequests = async (query: RequestQuery) => {
    const key = subjectKey(query);
    if (get().subjectRequests?.key !== key) set({ subjectRequests: null });
    const result = await api.call('request.list', query);
    if (result.ok) set({ subjectRequests: { key, rows: result.value } });
  };

  /** Whatever about requests is on screen; also after a change made here, rather than waiting for the pushed event. */
  const refreshRequests = coalesce(async () => {
    const screen = get().view.screen;
    const actionId = openRequestId();
    const subject = get().subjectRequests;
    await Promise.all([
      screen === 'requests' ? loadRequests() : null,
      loadApprovalQueue(),
      actionId ? loadRequest(actionId) : null,
      subject ? loadSubjectRequests(JSON.parse(subject.key) as RequestQuery) : null,
    ]);
  });

  return {
    requestFilters: {},
    requestList: null,
    requestListError: null,
    approvalQueue: null,
    approvalQueueError: null,
    openRequestDetail: null,
    requestError: null,
    requestPurpose: null,
    subjectRequests: null,
    loadRequests,
    loadApprovalQueue,
    loadRequest,
    loadSubjectRequests,
    refreshRequests,

    setRequestFilters: (patch) => {
      set({ requestFilters: { ...get().requestFilters, ...patch } });
      void loadRequests();
    },

    replaceRequestFilters: (filters) => {
      set({ requestFilters: filters });
      void loadRequests();
    },

    editRequest: async (changes) => {
      const actionId = openRequestId();
      if (!actionId) return false;
      const result = await api.call('request.edit', { actionId, ...changes });
      if (!result.ok) {
        get().notifyError('requestEditFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'requestSaved' });
      await refreshRequests();
      return true;
    },

    transitionRequest: async (step) => {
      const detail = get().openRequestDetail;
      if (!detail || openRequestId() !== detail.actionId) return false;
      const result = await api.call('request.transition', { actionId: detail.actionId, from: detail.state, ...step });
      if (!result.ok) {
        get().notifyError('requestStepFailed', result.error);
        await refreshRequests();
        return false;
      }
      get().notify({ tone: 'success', key: `requestStep.${step.to}` });
      await refreshRequests();
      return true;
    },

    updateRequestReports: async () => {
      const actionId = openRequestId();
      if (!actionId) return false;
      const result = await api.call('request.updateReports', { actionId });
      if (!result.ok) {
        get().notifyError('requestReportsFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'requestReportsAdded', values: { count: result.value.added } });
      await refreshRequests();
      return true;
    },

    showRequestReporters: async (purpose) => {
      const actionId = openRequestId();
      if (!actionId) return false;
      set({ requestPurpose: { actionId, purpose, showsReporters: true } });
      await loadRequest(actionId);
      return get().openRequestDetail?.reportersWithheld === false;
    },

    suggestRequestPurpose: async () => {
      const detail = get().openRequestDetail;
      if (!detail) return null;
      const firstReport = detail.bundle.reports[0]?.reportId;
      return purposeFor(detail.actionId) ?? (firstReport === undefined ? null : get().lastPurposeFor(firstReport));
    },

    fetchRequestLetter: (actionId, purpose) => madeUnder(api.call('request.letter', { actionId, purpose }), actionId, purpose, 'letterFailed'),
    fetchRequestExport: (actionId, purpose) => madeUnder(api.call('request.export', { actionId, purpose }), actionId, purpose, 'exportFailed'),

    fetchWarningDocument: async (actionId, format) => {
      const result = await api.call('request.warningDocument', { actionId, format });
      if (result.ok) return result.value;
      get().notifyError('exportFailed', result.error);
      return null;
    },
  };
};
