import type { ApiErrorBody } from '../../../shared/api/result';
import type { SyncConflictView, SyncStateView } from '../../../shared/api/views';
import type { SliceCreator } from '../../state/slice';

export interface SyncSlice {
  syncState: SyncStateView | null;
  syncError: ApiErrorBody | null;
  /** Loaded when the officer opens the list, refreshed while it is loaded. */
  conflicts: SyncConflictView[] | null;
  loadSyncState: () => Promise<void>;
  /** Keeps `view` unless the page holds a later one (see SyncStateView.revision). */
  receiveSyncState: (view: SyncStateView) => void;
  /** The core started again and numbers its views from the start: forgets the last one and asks for the state. */
  reloadSyncState: () => Promise<void>;
  loadConflicts: () => Promise<void>;
}

export const createSyncSlice: SliceCreator<SyncSlice> = (api) => (set, get) => {
  const loadConflicts = async () => {
    const result = await api.call('sync.conflicts', {});
    if (result.ok) set({ conflicts: result.value });
  };

  const receiveSyncState = (view: SyncStateView) => {
    const held = get().syncState;
    if (held !== null && held.revision >= view.revision) return;
    set({ syncState: view, syncError: null });
    if (view.conflicts !== held?.conflicts && get().conflicts !== null) void loadConflicts();
  };

  const loadSyncState = async () => {
    const result = await api.call('sync.state', {});
    if (result.ok) receiveSyncState(result.value);
    else set({ syncError: result.error });
  };

  return {
    syncState: null,
    syncError: null,
    conflicts: null,
    loadSyncState,
    receiveSyncState,

    reloadSyncState: () => {
      set({ syncState: null });
      return loadSyncState();
    },

    loadConflicts,
  };
};
