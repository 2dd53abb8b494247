import type { ApiErrorBody } from '../../../shared/api/result';
import type { QueueFilters, QueueQuery, QueueRow, QueueSortKey } from '../../../shared/api/views';
import type { WorkStatus } from '../../../shared/mutations/kinds';
import { coalesce } from '../../state/coalesce';
import type { SliceCreator } from '../../state/slice';
import { INITIAL_RANGE } from './first-query';
import { MAX_RUN_PAGES, PAGE_SIZE, missingPageRuns, pageOf, prunePages, rowAt, splitIntoPages, type PageRun, type Pages } from './row-window';
import { SAVED_VIEWS, compactFilters, type SavedViewId } from './saved-views';

/** Selecting "all" fetches ids; beyond this many rows an officer should narrow the filter instead. */
export const SELECTION_CAP = 5000;
/** The main process answers at most 500 rows per call (PARAM_LIMITS.pageSize). */
const MAX_ROWS_PER_CALL = 500;

export interface QueueRange {
  start: number;
  end: number;
}

export interface QueueSlice {
  queueFilters: QueueFilters;
  queueSort: QueueQuery['sort'];
  /** The preset the filters came from; null once the officer changed them. */
  queueSavedView: SavedViewId | null;
  queueTotal: number | null;
  queuePages: Pages<QueueRow>;
  queueLoading: boolean;
  queueError: ApiErrorBody | null;
  /** Rows on screen, so a refresh reloads exactly those. */
  queueVisibleRange: QueueRange;
  /** The row the keyboard is on. */
  queueActiveIndex: number;
  queueSelection: ReadonlySet<string>;
  queueSelectionAnchor: number | null;
  /** Set when "select all" stopped at SELECTION_CAP. */
  queueSelectionCapped: boolean;
  queueScrollOffset: number;
  queueRegions: string[];
  /** A query is typed but the officer has not said yet why they search (searchPurpose): nothing is fetched until then. */
  queueSearchPurposeAsked: boolean;

  /** Sets the session's search purpose and runs the waiting search. */
  confirmSearchPurpose: (purpose: string) => Promise<boolean>;
  /** The officer would rather not search: the typed query is dropped. */
  cancelSearchPurpose: () => void;
  loadQueue: () => Promise<void>;
  refreshQueue: () => Promise<void>;
  showQueueRange: (range: QueueRange) => Promise<void>;
  setQueueFilters: (patch: Partial<QueueFilters>) => void;
  clearQueueFilters: () => void;
  setQueueSort: (key: QueueSortKey) => void;
  applySavedView: (id: SavedViewId) => void;
  setQueueActive: (index: number) => void;
  moveQueueActive: (delta: number, extendSelection: boolean) => Promise<void>;
  toggleQueueSelected: (index: number) => void;
  selectQueueRangeTo: (index: number) => Promise<void>;
  selectAllQueue: () => Promise<void>;
  clearQueueSelection: () => void;
  assignSelected: (assignee: string | null) => Promise<boolean>;
  setSelectedWorkStatus: (status: WorkStatus) => Promise<boolean>;
  rememberQueueScroll: (offset: number) => void;
  loadQueueRegions: () => Promise<void>;
}

export const createQueueSlice: SliceCreator<QueueSlice> = (api) => (set, get) => {
  // Bumped whenever filters or sort change: answers for an older query are dropped.
  let generation = 0;
  const pending = new Set<number>();

  const searchText = () => get().queueFilters.text?.trim() ?? '';
  /** A typed query goes out only with the officer's purpose (the core refuses it otherwise). */
  const waitsForPurpose = () => searchText() !== '' && get().searchPurpose === null;

  const query = (offset: number, limit: number): QueueQuery => {
    const purpose = get().searchPurpose;
    return { filters: get().queueFilters, sort: get().queueSort, offset, limit, ...(searchText() !== '' && purpose !== null ? { purpose } : {}) };
  };

  const fetchRun = async (run: PageRun): Promise<void> => {
    const asked = generation;
    for (let page = run.firstPage; page < run.firstPage + run.pageCount; page++) pending.add(page);
    const result = await api.call('queue.list', query(run.firstPage * PAGE_SIZE, run.pageCount * PAGE_SIZE));
    if (asked !== generation) return;
    for (let page = run.firstPage; page < run.firstPage + run.pageCount; page++) pending.delete(page);
    if (!result.ok) return set({ queueError: result.error, queueLoading: false });
    const merged = { ...get().queuePages, ...splitIntoPages(run.firstPage, result.value.rows) };
    set({
      queuePages: prunePages(merged, pageOf(get().queueVisibleRange.start)),
      queueTotal: result.value.total,
      queueError: null,
      queueLoading: false,
    });
  };

  const fetchMissing = async (range: QueueRange): Promise<void> => {
    if (waitsForPurpose()) return;
    await Promise.all(missingPageRuns(get().queuePages, pending, range.start, range.end).map(fetchRun));
  };

  /** A new query: forget every row, keep the selection (ids stay meaningful). */
  const restart = () => {
    generation++;
    pending.clear();
    if (waitsForPurpose()) {
      set({ queuePages: {}, queueTotal: null, queueLoading: false, queueSearchPurposeAsked: true });
      return Promise.resolve();
    }
    set({ queuePages: {}, queueLoading: true, queueActiveIndex: 0, queueScrollOffset: 0, queueSelectionAnchor: null, queueSearchPurposeAsked: false });
    return fetchMissing({ start: 0, end: get().queueVisibleRange.end - get().queueVisibleRange.start });
  };

  const idsInRange = async (from: number, to: number): Promise<string[]> => {
    const start = Math.max(0, Math.min(from, to));
    const end = Math.min(Math.max(from, to), start + SELECTION_CAP - 1);
    await fetchMissing({ start, end });
    const ids: string[] = [];
    for (let index = start; index <= end; index++) {
      const row = rowAt(get().queuePages, index);
      if (row) ids.push(row.reportId);
    }
    return ids;
  };

  const afterBulkChange = (changed: number, key: string) => {
    get().notify({ tone: 'success', key, values: { count: changed } });
    void get().refreshQueue();
    void get().refreshOpenReport();
  };

  return {
    queueFilters: SAVED_VIEWS.all.filters,
    queueSort: SAVED_VIEWS.all.sort,
    queueSavedView: 'all',
    queueTotal: null,
    queuePages: {},
    queueLoading: false,
    queueError: null,
    queueVisibleRange: INITIAL_RANGE,
    queueActiveIndex: 0,
    queueSelection: new Set(),
    queueSelectionAnchor: null,
    queueSelectionCapped: false,
    queueScrollOffset: 0,
    queueRegions: [],
    queueSearchPurposeAsked: false,

    confirmSearchPurpose: async (purpose) => {
      get().setSearchPurpose(purpose);
      await restart();
      return true;
    },

    cancelSearchPurpose: () => {
      set({ queueSearchPurposeAsked: false });
      if (waitsForPurpose()) get().setQueueFilters({ text: '' });
    },

    loadQueue: restart,

    refreshQueue: coalesce(async () => {
      if (waitsForPurpose()) return restart();
      // Reload only what is on screen, in place: the scroll position and selection survive.
      generation++;
      pending.clear();
      const asked = generation;
      const { start, end } = get().queueVisibleRange;
      const firstPage = pageOf(start);
      const pageCount = Math.min(pageOf(end) - firstPage + 1, MAX_RUN_PAGES);
      const result = await api.call('queue.list', query(firstPage * PAGE_SIZE, pageCount * PAGE_SIZE));
      if (asked !== generation) return;
      if (!result.ok) return set({ queueError: result.error });
      const total = result.value.total;
      set({
        queuePages: splitIntoPages(firstPage, result.value.rows),
        queueTotal: total,
        queueError: null,
        queueActiveIndex: Math.min(get().queueActiveIndex, Math.max(0, total - 1)),
      });
      // The officer may have scrolled while this was on its way.
      await fetchMissing(get().queueVisibleRange);
    }),

    showQueueRange: async (range) => {
      set({ queueVisibleRange: range });
      await fetchMissing(range);
    },

    setQueueFilters: (patch) => {
      set({ queueFilters: compactFilters({ ...get().queueFilters, ...patch }), queueSavedView: null });
      void restart();
    },

    clearQueueFilters: () => get().applySavedView('all'),

    setQueueSort: (key) => {
      const current = get().queueSort;
      const direction = current.key === key && current.direction === 'desc' ? 'asc' : 'desc';
      set({ queueSort: { key, direction }, queueSavedView: null });
      void restart();
    },

    applySavedView: (id) => {
      set({ queueFilters: SAVED_VIEWS[id].filters, queueSort: SAVED_VIEWS[id].sort, queueSavedView: id });
      void restart();
    },

    setQueueActive: (index) => set({ queueActiveIndex: index }),

    moveQueueActive: async (delta, extendSelection) => {
      const total = get().queueTotal ?? 0;
      if (total === 0) return;
      const from = get().queueActiveIndex;
      const to = Math.max(0, Math.min(total - 1, from + delta));
      set({ queueActiveIndex: to });
      if (!extendSelection) return;
      const anchor = get().queueSelectionAnchor ?? from;
      const ids = await idsInRange(anchor, to);
      set({ queueSelection: new Set([...get().queueSelection, ...ids]), queueSelectionAnchor: anchor });
    },

    toggleQueueSelected: (index) => {
      const row = rowAt(get().queuePages, index);
      if (!row) return;
      const selection = new Set(get().queueSelection);
      if (selection.has(row.reportId)) selection.delete(row.reportId);
      else selection.add(row.reportId);
      set({ queueSelection: selection, queueSelectionAnchor: index, queueActiveIndex: index, queueSelectionCapped: false });
    },

    selectQueueRangeTo: async (index) => {
      const anchor = get().queueSelectionAnchor ?? get().queueActiveIndex;
      set({ queueActiveIndex: index });
      const ids = await idsInRange(anchor, index);
      set({ queueSelection: new Set([...get().queueSelection, ...ids]), queueSelectionAnchor: anchor });
    },

    selectAllQueue: async () => {
      const asked = generation;
      const total = get().queueTotal ?? 0;
      const ids: string[] = [];
      for (let offset = 0; offset < Math.min(total, SELECTION_CAP); offset += MAX_ROWS_PER_CALL) {
        const result = await api.call('queue.list', query(offset, Math.min(MAX_ROWS_PER_CALL, SELECTION_CAP - offset)));
        if (asked !== generation) return;
        if (!result.ok) return get().notifyError('selectAllFailed', result.error);
        ids.push(...result.value.rows.map((row) => row.reportId));
        if (result.value.rows.length === 0) break;
      }
      set({ queueSelection: new Set(ids), queueSelectionCapped: total > SELECTION_CAP, queueSelectionAnchor: null });
    },

    clearQueueSelection: () => set({ queueSelection: new Set(), queueSelectionAnchor: null, queueSelectionCapped: false }),

    assignSelected: async (assignee) => {
      const result = await api.call('report.assign', { reportIds: [...get().queueSelection], assignee });
      if (!result.ok) {
        get().notifyError('assignFailed', result.error);
        return false;
      }
      afterBulkChange(result.value.changed, 'assigned');
      return true;
    },

    setSelectedWorkStatus: async (status) => {
      const result = await api.call('report.setWorkStatus', { reportIds: [...get().queueSelection], status });
      if (!result.ok) {
        get().notifyError('statusFailed', result.error);
        return false;
      }
      afterBulkChange(result.value.changed, 'statusSet');
      return true;
    },

    rememberQueueScroll: (offset) => set({ queueScrollOffset: offset }),

    loadQueueRegions: async () => {
      const result = await api.call('queue.regions', {});
      if (result.ok) set({ queueRegions: result.value });
    },
  };
};

