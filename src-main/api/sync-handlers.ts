import type { ApiHandlers } from '../../shared/api/contract';
import { dismissSyncConflict, listSyncConflicts } from '../mutations';
import { requireSupervisor } from '../mutations/services/guards';
import type { ApiContext } from './context';

export const syncHandlers = {
  'sync.state': (_params, context) => context.sync.state(),
  'sync.conflicts': (_params, context) =>
    listSyncConflicts(context.store).map((notice) => ({
      id: notice.id,
      mutationId: notice.mutationId,
      entity: notice.entity,
      entityId: notice.entityId,
      field: notice.field,
      mine: notice.myValue,
      winning: notice.winningValue,
      winningOfficer: notice.winningOfficer,
      at: notice.winningAt,
    })),
  'sync.dismissConflict': ({ id }, context) => {
    dismissSyncConflict(context.store, context.services, { officer: context.officer.id, id });
    // The count in the sync state drops; every window shows it.
    context.events.emit('sync.state', context.sync.state());
    return null;
  },
  'sync.refusedChanges': async (_params, context) => {
    requireSupervisor(context.store.sqlite, context.officer.id, 'see which changes the hub refused');
    return context.sync.refusedChanges();
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
