import type { ApiParams } from '../../../shared/api/contract';
import type { ActionDraftQuery, ActionDraftView } from '../../../shared/api/action-views';
import type { ApiErrorBody } from '../../../shared/api/result';
import type { SliceCreator } from '../../state/slice';

export type NewAction = ApiParams<'action.create'>;

export interface ActionDraftSlice {
  /** The proposal the draft dialog shows: addressee, bundle and default texts. */
  actionDraft: ActionDraftView | null;
  actionDraftError: ApiErrorBody | null;
  loadActionDraft: (query: ActionDraftQuery) => Promise<void>;
  clearActionDraft: () => void;
  /** Concepts chosen in the requests list for one batched letter (action ids). */
  conceptBatch: string[];
  chooseForBatch: (actionId: string, chosen: boolean) => void;
  /** Creates the request as a concept and opens it (the concepts chosen for it are chosen no more); false when the main process refused. */
  createAction: (action: NewAction) => Promise<boolean>;
}

export const createActionDraftSlice: SliceCreator<ActionDraftSlice> = (api) => (set, get) => {
  let ticket = 0;
  return {
    actionDraft: null,
    actionDraftError: null,
    conceptBatch: [],

    chooseForBatch: (actionId, chosen) => set({ conceptBatch: [...get().conceptBatch.filter((id) => id !== actionId), ...(chosen ? [actionId] : [])] }),

    loadActionDraft: async (query) => {
      const asked = ++ticket;
      set({ actionDraft: null, actionDraftError: null });
      const result = await api.call('action.draft', query);
      if (asked !== ticket) return;
      set(result.ok ? { actionDraft: result.value } : { actionDraftError: result.error });
    },

    clearActionDraft: () => {
      ticket++;
      set({ actionDraft: null, actionDraftError: null });
    },

    createAction: async (action) => {
      const result = await api.call('action.create', action);
      if (!result.ok) {
        get().notifyError('actionCreateFailed', result.error);
        return false;
      }
      set({ conceptBatch: [] });
      get().notify({ tone: 'success', key: 'actionCreated', values: { title: action.title } });
      get().openAction(result.value.actionId);
      return true;
    },
  };
};
