import type { ApiErrorBody } from '../../../shared/api/result';
import type { CaseDetail, CaseSummaryView } from '../../../shared/api/views';
import type { CaseStatus } from '../../../shared/mutations/kinds';
import type { SliceCreator } from '../../state/slice';

export interface NewCase {
  title: string;
  reportIds: string[];
  team: string | null;
  owner: string | null;
}

export interface CaseChanges {
  title?: string;
  owner?: string | null;
  team?: string | null;
}

export interface CasesSlice {
  caseList: CaseSummaryView[] | null;
  caseStatusFilter: CaseStatus[];
  caseListError: ApiErrorBody | null;
  openCaseDetail: CaseDetail | null;
  caseError: ApiErrorBody | null;
  loadCases: () => Promise<void>;
  setCaseStatusFilter: (statuses: CaseStatus[]) => void;
  loadCase: (caseId: string) => Promise<void>;
  refreshCases: () => Promise<void>;
  /** Creates the case and opens it; returns false when the main process refused. */
  createCase: (draft: NewCase) => Promise<boolean>;
  updateCase: (changes: CaseChanges) => Promise<boolean>;
  setCaseStatus: (status: CaseStatus, closeReason: string | null) => Promise<boolean>;
  addReportsToCase: (caseId: string, reportIds: string[]) => Promise<boolean>;
  removeReportsFromCase: (reportIds: string[]) => Promise<boolean>;
}

export const createCasesSlice: SliceCreator<CasesSlice> = (api) => (set, get) => {
  const openCaseId = (): string | null => {
    const view = get().view;
    return view.screen === 'cases' ? (view.caseId ?? null) : null;
  };

  const loadCase = async (caseId: string) => {
    if (get().openCaseDetail?.caseId !== caseId) set({ openCaseDetail: null, caseError: null });
    const result = await api.call('case.get', { caseId });
    if (openCaseId() !== caseId) return;
    set(result.ok ? { openCaseDetail: result.value, caseError: null } : { caseError: result.error });
    void get().loadNotes('case', caseId);
  };

  const loadCases = async () => {
    const statuses = get().caseStatusFilter;
    const result = await api.call('case.list', statuses.length > 0 ? { statuses } : {});
    set(result.ok ? { caseList: result.value, caseListError: null } : { caseListError: result.error });
  };

  /** After a change to the open case: reload it and the list beside it. */
  const reloadOpen = async () => {
    const caseId = openCaseId();
    await Promise.all([caseId ? loadCase(caseId) : null, loadCases()]);
  };

  return {
    caseList: null,
    caseStatusFilter: [],
    caseListError: null,
    openCaseDetail: null,
    caseError: null,
    loadCases,
    loadCase,

    setCaseStatusFilter: (statuses) => {
      set({ caseStatusFilter: statuses });
      void loadCases();
    },

    refreshCases: async () => {
      if (get().view.screen === 'cases') await reloadOpen();
    },

    createCase: async (draft) => {
      const result = await api.call('case.create', draft);
      if (!result.ok) {
        get().notifyError('caseCreateFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'caseCreated', values: { title: draft.title } });
      get().openCase(result.value.caseId);
      return true;
    },

    updateCase: async (changes) => {
      const caseId = openCaseId();
      if (!caseId) return false;
      const result = await api.call('case.update', { caseId, ...changes });
      if (!result.ok) {
        get().notifyError('caseUpdateFailed', result.error);
        return false;
      }
      await reloadOpen();
      return true;
    },

    setCaseStatus: async (status, closeReason) => {
      const caseId = openCaseId();
      if (!caseId) return false;
      const result = await api.call('case.update', { caseId, status, closeReason });
      if (!result.ok) {
        get().notifyError('caseUpdateFailed', result.error);
        return false;
      }
      await reloadOpen();
      return true;
    },

    addReportsToCase: async (caseId, reportIds) => {
      const result = await api.call('case.addReports', { caseId, reportIds });
      if (!result.ok) {
        get().notifyError('caseAddFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'reportsAddedToCase', values: { count: reportIds.length } });
      await reloadOpen();
      // Added from a report's own screen: show the case under "Zaken" there.
      if (get().view.screen === 'report') await Promise.all([get().refreshOpenReport(), loadCases()]);
      return true;
    },

    removeReportsFromCase: async (reportIds) => {
      const caseId = openCaseId();
      if (!caseId) return false;
      const result = await api.call('case.removeReports', { caseId, reportIds });
      if (!result.ok) {
        get().notifyError('caseRemoveFailed', result.error);
        return false;
      }
      await reloadOpen();
      return true;
    },
  };
};
