import type { ApiErrorBody } from '../../../shared/api/result';
import type { SyncConflictView, SyncStateView } from '../../../shared/api/views';
import type { SliceCreator } from '../../state/slice';

export interface SyncSlice {
  syncState: SyncStateView | null;
  syncError: ApiErrorBody | null;
  /** Loaded when the officer opens the list, refreshed while it is loaded. */
  conflicts: SyncConflictView[] | null;
  loadSyncState: () => Promise<void>;
  receiveSyncState: (view: SyncStateView) => void;
  loadConflicts: () => Promise<void>;
}

export const createSyncSlice: SliceCreator<SyncSlice> = (api) => (set, get) => {
  const loadConflicts = async () => {
    const result = await api.call('sync.conflicts', {});
    if (result.ok) set({ conflicts: result.value });
  };

  return {
    syncState: null,
    syncError: null,
    conflicts: null,

    loadSyncState: async () => {
      const result = await api.call('sync.state', {});
      set(result.ok ? { syncState: result.value, syncError: null } : { syncError: result.error });
    },

    receiveSyncState: (view) => {
      const conflictsChanged = view.conflicts !== get().syncState?.conflicts;
      set({ syncState: view, syncError: null });
      if (conflictsChanged && get().conflicts !== null) void loadConflicts();
    },

    loadConflicts,
  };
};
