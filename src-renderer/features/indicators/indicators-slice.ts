import type { ApiErrorBody } from '../../../shared/api/result';
import type { IndicatorSummaryView } from '../../../shared/api/summary';
import type { IndicatorQuery, IndicatorRow, QueueRow } from '../../../shared/api/views';
import type { IndicatorType } from '../../../shared/indicators/types';
import type { SliceCreator } from '../../state/slice';

export const INDICATOR_PAGE_SIZE = 50;

export type IndicatorFilters = Omit<IndicatorQuery, 'offset' | 'limit'>;

export interface IndicatorsSlice {
  indicatorFilters: IndicatorFilters;
  indicatorPage: number;
  indicatorRows: IndicatorRow[] | null;
  indicatorTotal: number;
  indicatorsError: ApiErrorBody | null;
  indicatorSummary: IndicatorSummaryView | null;
  indicatorReports: QueueRow[] | null;
  indicatorDetailError: ApiErrorBody | null;
  /** A search is typed but the officer has not said yet why they search (searchPurpose): nothing is fetched until then. */
  indicatorSearchPurposeAsked: boolean;
  /** Sets the session's search purpose and runs the waiting search; resolves whether it ran. */
  confirmIndicatorSearchPurpose: (purpose: string) => Promise<boolean>;
  /** The officer would rather not say why: the typed search is dropped. */
  cancelIndicatorSearchPurpose: () => void;
  loadIndicators: () => Promise<void>;
  refreshIndicators: () => Promise<void>;
  setIndicatorFilters: (patch: Partial<IndicatorFilters>) => void;
  setIndicatorPage: (page: number) => void;
  loadIndicatorDetail: (type: IndicatorType, value: string) => Promise<void>;
}

export const createIndicatorsSlice: SliceCreator<IndicatorsSlice> = (api) => (set, get) => {
  let asked = 0;
  const openIndicator = () => {
    const view = get().view;
    return view.screen === 'indicators' ? (view.indicator ?? null) : null;
  };

  const searched = () => get().indicatorFilters.search?.trim() ?? '';

  /** Resolves whether the list was answered; a typed search goes out only with the officer's purpose (the core refuses it otherwise). */
  const loadIndicators = async (): Promise<boolean> => {
    const ticket = ++asked;
    const { indicatorFilters, indicatorPage, searchPurpose } = get();
    if (searched() !== '' && searchPurpose === null) {
      set({ indicatorSearchPurposeAsked: true });
      return false;
    }
    set({ indicatorSearchPurposeAsked: false });
    const result = await api.call('indicator.list', {
      ...indicatorFilters,
      offset: indicatorPage * INDICATOR_PAGE_SIZE,
      limit: INDICATOR_PAGE_SIZE,
      ...(searched() !== '' && searchPurpose !== null ? { purpose: searchPurpose } : {}),
    });
    if (ticket !== asked) return false;
    if (!result.ok) {
      set({ indicatorsError: result.error });
      return false;
    }
    set({ indicatorRows: result.value.rows, indicatorTotal: result.value.total, indicatorsError: null });
    return true;
  };

  const loadIndicatorDetail = async (type: IndicatorType, value: string) => {
    set({ indicatorSummary: null, indicatorReports: null, indicatorDetailError: null });
    const [summary, reports] = await Promise.all([
      api.call('indicator.summary', { type, value }),
      api.call('indicator.reports', { type, value }),
    ]);
    const open = openIndicator();
    if (open?.type !== type || open.value !== value) return;
    if (!summary.ok) return set({ indicatorDetailError: summary.error });
    set({ indicatorSummary: summary.value, indicatorReports: reports.ok ? reports.value : [], indicatorDetailError: null });
  };

  return {
    indicatorFilters: { sort: 'reports', minReports: 2, includeBenign: false },
    indicatorPage: 0,
    indicatorRows: null,
    indicatorTotal: 0,
    indicatorsError: null,
    indicatorSummary: null,
    indicatorReports: null,
    indicatorDetailError: null,
    indicatorSearchPurposeAsked: false,
    loadIndicators: async () => {
      await loadIndicators();
    },

    confirmIndicatorSearchPurpose: async (purpose) => {
      get().setSearchPurpose(purpose);
      return loadIndicators();
    },

    cancelIndicatorSearchPurpose: () => {
      set({ indicatorSearchPurposeAsked: false });
      if (searched() !== '' && get().searchPurpose === null) get().setIndicatorFilters({ search: undefined });
    },

    refreshIndicators: async () => {
      if (get().view.screen !== 'indicators') return;
      await loadIndicators();
      const open = openIndicator();
      if (open) await loadIndicatorDetail(open.type, open.value);
    },

    setIndicatorFilters: (patch) => {
      set({ indicatorFilters: { ...get().indicatorFilters, ...patch }, indicatorPage: 0 });
      void loadIndicators();
    },

    setIndicatorPage: (page) => {
      set({ indicatorPage: page });
      void loadIndicators();
    },

    loadIndicatorDetail,
  };
};
