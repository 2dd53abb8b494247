import type { QueueFilters } from '../../../shared/api/views';
import type { ApiErrorBody } from '../../../shared/api/result';
import type { Overview } from '../../../shared/overview/types';
import type { SliceCreator } from '../../state/slice';

export interface OverviewSlice {
  overview: Overview | null;
  overviewError: ApiErrorBody | null;
  loadOverview: () => Promise<void>;
  /** Opens the work queue with exactly these filters (open reports only), the list behind a number. */
  openQueueWith: (filters: QueueFilters) => void;
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
    get().setQueueFilters({ workStatuses: ['new', 'in_progress'], ...filters });
    get().navigate({ screen: 'queue' });
  },
});
