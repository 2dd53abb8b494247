import type { DirectoryEntry, DirectoryEntryView } from '../../../shared/requests/directory';
import type { ApiErrorBody } from '../../../shared/api/result';
import type { SliceCreator } from '../../state/slice';

export interface DirectorySlice {
  /** Addressees of requests; the draft dialog and the actions list name them from here. */
  directoryEntries: DirectoryEntryView[] | null;
  directoryError: ApiErrorBody | null;
  loadDirectory: () => Promise<void>;
  /** Supervisors: saves an entry (a new one without an id). */
  putDirectoryEntry: (entryId: string | undefined, entry: DirectoryEntry) => Promise<boolean>;
  removeDirectoryEntry: (entryId: string) => Promise<boolean>;
}

export const createDirectorySlice: SliceCreator<DirectorySlice> = (api) => (set, get) => {
  const loadDirectory = async () => {
    const result = await api.call('directory.list', {});
    set(result.ok ? { directoryEntries: result.value, directoryError: null } : { directoryError: result.error });
  };

  return {
    directoryEntries: null,
    directoryError: null,
    loadDirectory,

    putDirectoryEntry: async (entryId, entry) => {
      const result = await api.call('directory.put', entryId === undefined ? { entry } : { entryId, entry });
      if (!result.ok) {
        get().notifyError('directorySaveFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'directorySaved', values: { name: result.value.name } });
      await loadDirectory();
      return true;
    },

    removeDirectoryEntry: async (entryId) => {
      const result = await api.call('directory.remove', { entryId });
      if (!result.ok) {
        get().notifyError('directoryRemoveFailed', result.error);
        return false;
      }
      await loadDirectory();
      return true;
    },
  };
};
