import type { ApiHandlers } from '../../shared/api/contract';
import { actionDetail } from '../requests/action-detail';
import { actionExport, actionLetter } from '../requests/action-documents';
import { listActions } from '../requests/action-list';
import { createAction, editAction, transitionAction, updateActionReports } from '../requests/action-services';
import { draftAction } from '../requests/action-draft';
import { warningDocument } from '../requests/warning-documents';
import { dutchDay } from '../requests/dutch-format';
import { actorOf } from '../mutations/services/guards';
import { announceWork } from './after-write';
import type { ApiContext } from './context';

/** The signed-in officer with the role this workstation knows for them, at the workstation's time. */
const viewerOf = (context: ApiContext) => ({ ...actorOf(context.store.sqlite, context.officer.id), now: context.clock.now() });

export const actionHandlers = {
  'action.draft': (query, context) => draftAction(context.store.sqlite, query),
  'action.create': (params, context) => {
    const created = createAction(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'action');
    return created;
  },
  'action.list': (query, context) => listActions(context.store.sqlite, query, dutchDay(context.clock.now())),
  'action.get': ({ actionId }, context) => actionDetail(context.store.sqlite, actionId, { ...viewerOf(context), purpose: 'action.get' }),
  'action.edit': (params, context) => {
    editAction(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'action');
    return null;
  },
  'action.updateReports': ({ actionId }, context) => {
    const result = updateActionReports(context.store, context.services, { officer: context.officer.id, actionId });
    if (result.added > 0) announceWork(context, 'action');
    return result;
  },
  'action.transition': (params, context) => {
    transitionAction(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'action');
    return null;
  },
  'action.letter': ({ actionId }, context) => actionLetter(context.store.sqlite, actionId, viewerOf(context)),
  'action.export': ({ actionId }, context) => actionExport(context.store.sqlite, actionId, viewerOf(context)),
  'action.warningDocument': ({ actionId, format }, context) => warningDocument(context.store.sqlite, actionId, format, context.clock.now()),
} satisfies Partial<ApiHandlers<ApiContext>>;
