import type { RequestQuery } from '../../../shared/api/request-views';
import type { QueueFilters } from '../../../shared/api/views';
import type { ApiErrorBody } from '../../../shared/api/result';
import type { Overview } from '../../../shared/overview/types';
import type { SliceCreator } from '../../state/slice';

export interface OverviewSlice {
  overview: Overview | null;
  overviewError: ApiErrorBody | null;
  loadOverview: () => Promise<void>;
  /** Opens the work queue with exactly these filters, the list behind a number (shared/overview/number-lists.ts). */
  openQueueWith: (filters: QueueFilters) => void;
  /** Opens the requests list with exactly this query, the requests behind a number. */
  openRequestsWith: (query: RequestQuery) => void;
}

export const createOverviewSlice: SliceCreator<OverviewSlice> = (api) => (set, get) => ({
  overview: null,
  overviewError: null,
  loadOverview: async () => {
    // Computed afresh as of today: yesterday's numbers are not shown as if they were today's.
    set({ overview: null });
    const result = await api.call('overview.get', {});
    set(result.ok ? { overview: result.value, overviewError: null } : { overviewError: result.error });
  },
  openQueueWith: (filters) => {
    get().clearQueueFilters();
    get().setQueueFilters(filters);
    get().navigate({ screen: 'queue' });
  },
  openRequestsWith: (query) => {
    get().replaceRequestFilters(query);
    get().navigate({ screen: 'requests' });
  },
});
