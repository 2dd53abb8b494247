import type { SliceCreator } from '../state/slice';

/**
 * Why the officer consults personal data (issue 15 §1): the configured short list, the purpose they search
 * under this session, and the purpose they last gave within a report's cases (the core remembers it in the
 * audit log, so it is offered again on any workstation's next opening).
 */
export interface PurposeSlice {
  /** The short list officers choose from (audit.purposes); null until loaded. */
  purposes: string[] | null;
  /** Set once per session, changeable; every typed search is logged with it. */
  searchPurpose: string | null;
  loadPurposes: () => Promise<void>;
  /** Supervisors replace the list; resolves whether it was saved. */
  savePurposes: (purposes: string[]) => Promise<boolean>;
  setSearchPurpose: (purpose: string | null) => void;
  /** The purpose this officer last gave for the report or another report of its cases (null: none yet or not known). */
  lastPurposeFor: (reportId: string) => Promise<string | null>;
}

export const createPurposeSlice: SliceCreator<PurposeSlice> = (api) => (set, get) => ({
  purposes: null,
  searchPurpose: null,

  loadPurposes: async () => {
    const result = await api.call('audit.purposes', {});
    if (result.ok) set({ purposes: result.value.purposes });
  },

  savePurposes: async (purposes) => {
    const result = await api.call('audit.setPurposes', { purposes });
    if (!result.ok) {
      get().notifyError('purposesFailed', result.error);
      return false;
    }
    set({ purposes: result.value.purposes });
    get().notify({ tone: 'success', key: 'purposesSaved' });
    return true;
  },

  setSearchPurpose: (purpose) => set({ searchPurpose: purpose }),

  lastPurposeFor: async (reportId) => {
    const result = await api.call('audit.lastPurpose', { reportId });
    return result.ok ? result.value.purpose : null;
  },
});
