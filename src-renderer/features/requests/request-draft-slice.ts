import type { ApiParams } from '../../../shared/api/contract';
import type { RequestDraftQuery, RequestDraftView } from '../../../shared/api/request-views';
import type { ApiErrorBody } from '../../../shared/api/result';
import type { SliceCreator } from '../../state/slice';

export type NewRequest = ApiParams<'request.create'>;

export interface RequestDraftSlice {
  /** The proposal the draft dialog shows: addressee, bundle and default texts. */
  requestDraft: RequestDraftView | null;
  requestDraftError: ApiErrorBody | null;
  loadRequestDraft: (query: RequestDraftQuery) => Promise<void>;
  clearRequestDraft: () => void;
  /** Concepts chosen in the requests list for one batched letter (action ids). */
  conceptBatch: string[];
  chooseForBatch: (actionId: string, chosen: boolean) => void;
  /** Creates the request as a concept and opens it (the concepts chosen for it are chosen no more); false when the main process refused. */
  createRequest: (action: NewRequest) => Promise<boolean>;
}

export const createRequestDraftSlice: SliceCreator<RequestDraftSlice> = (api) => (set, get) => {
  let ticket = 0;
  return {
    requestDraft: null,
    requestDraftError: null,
    conceptBatch: [],

    chooseForBatch: (actionId, chosen) => set({ conceptBatch: [...get().conceptBatch.filter((id) => id !== actionId), ...(chosen ? [actionId] : [])] }),

    loadRequestDraft: async (query) => {
      const asked = ++ticket;
      set({ requestDraft: null, requestDraftError: null });
      const result = await api.call('request.draft', query);
      if (asked !== ticket) return;
      set(result.ok ? { requestDraft: result.value } : { requestDraftError: result.error });
    },

    clearRequestDraft: () => {
      ticket++;
      set({ requestDraft: null, requestDraftError: null });
    },

    createRequest: async (action) => {
      const result = await api.call('request.create', action);
      if (!result.ok) {
        get().notifyError('requestCreateFailed', result.error);
        return false;
      }
      set({ conceptBatch: [] });
      get().notify({ tone: 'success', key: 'requestCreated', values: { title: action.title } });
      get().openRequest(result.value.actionId);
      return true;
    },
  };
};
