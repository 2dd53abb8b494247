import type { ApiHandlers } from '../../shared/api/contract';
import { listDirectory } from '../requests/directory-entries';
import { putDirectoryEntry, removeDirectoryEntry } from '../requests/directory-services';
import { announceWork } from './after-write';
import type { ApiContext } from './context';

/** The addressees of requests; supervisors edit them (the services refuse anyone else). */
export const directoryHandlers = {
  'directory.list': (_params, context) => listDirectory(context.store.sqlite),
  'directory.put': (params, context) => {
    const entry = putDirectoryEntry(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'directory');
    return entry;
  },
  'directory.remove': ({ entryId }, context) => {
    removeDirectoryEntry(context.store, context.services, { officer: context.officer.id, entryId });
    announceWork(context, 'directory');
    return null;
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
