import type { ApiErrorBody } from '../../../shared/api/result';
import type { BenignEntryView } from '../../../shared/api/views';
import type { IndicatorType } from '../../../shared/indicators/types';
import type { SliceCreator } from '../../state/slice';

export interface BenignSlice {
  benignEntries: BenignEntryView[] | null;
  benignError: ApiErrorBody | null;
  loadBenignList: () => Promise<void>;
  addBenign: (type: IndicatorType, value: string, reason: string) => Promise<boolean>;
  removeBenign: (type: IndicatorType, value: string) => Promise<boolean>;
}

export const createBenignSlice: SliceCreator<BenignSlice> = (api) => (set, get) => {
  const loadBenignList = async () => {
    const result = await api.call('benign.list', {});
    set(result.ok ? { benignEntries: result.value, benignError: null } : { benignError: result.error });
  };

  /** Benign values change which reports link, so everything that shows links reloads. */
  const afterChange = async () => {
    await loadBenignList();
    void get().refreshIndicators();
    void get().refreshCluster();
    void get().refreshQueue();
  };

  return {
    benignEntries: null,
    benignError: null,
    loadBenignList,

    addBenign: async (type, value, reason) => {
      const result = await api.call('benign.add', { type, value, reason });
      if (!result.ok) {
        get().notifyError('benignAddFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'benignAdded', values: { value: result.value.value } });
      await afterChange();
      return true;
    },

    removeBenign: async (type, value) => {
      const result = await api.call('benign.remove', { type, value });
      if (!result.ok) {
        get().notifyError('benignRemoveFailed', result.error);
        return false;
      }
      await afterChange();
      return true;
    },
  };
};
