import type { ApiHandlers } from '../../shared/api/contract';
import { actionDetail } from '../requests/action-detail';
import { actionExport, actionLetter } from '../requests/action-documents';
import { listActions } from '../requests/action-list';
import { createAction, editAction, transitionAction, updateActionReports } from '../requests/action-services';
import { draftAction } from '../requests/action-draft';
import { warningDocument } from '../requests/warning-documents';
import { dutchDay } from '../../shared/platform/dutch-days';
import { actorOf } from '../mutations/services/guards';
import { requireAction } from '../requests/action-record';
import { logConsultation } from '../audit/consultation';
import { announceWork } from './after-write';
import { checkedPurpose } from './audit-read';
import type { ApiContext } from './context';

/** The signed-in officer with the role this workstation knows for them, at the workstation's time. */
const viewerOf = (context: ApiContext) => ({ ...actorOf(context.store.sqlite, context.officer.id), now: context.clock.now() });

/**
 * A request that will carry the reporters' data to a third party: refused without the officer's purpose, and
 * logged with it beside the change itself (the same transaction).
 */
function withPersonalData<T extends { actionId: string }>(context: ApiContext, includes: boolean | undefined, purpose: string | undefined, change: () => T): T {
  if (includes !== true) return change();
  const why = checkedPurpose(purpose);
  const { sqlite } = context.store;
  return sqlite.transaction(() => {
    const result = change();
    logConsultation(sqlite, context.clock.now().toISOString(), {
      actor: context.officer.id,
      action: 'action.personal_data_included',
      subjectType: 'action',
      subjectId: result.actionId,
      purpose: why,
      details: { reportIds: requireAction(sqlite, result.actionId).payload.reportIds },
    });
    return result;
  })();
}

export const actionHandlers = {
  'action.draft': (query, context) => draftAction(context.store.sqlite, query),
  'action.create': ({ purpose, ...params }, context) => {
    const created = withPersonalData(context, params.includePersonalData, purpose, () => createAction(context.store, context.services, { officer: context.officer.id, ...params }));
    announceWork(context, 'action');
    return created;
  },
  'action.list': (query, context) => listActions(context.store.sqlite, query, dutchDay(context.clock.now())),
  'action.get': ({ actionId, purpose }, context) =>
    actionDetail(context.store.sqlite, actionId, { ...viewerOf(context), purpose: purpose === undefined ? null : checkedPurpose(purpose), use: 'action.get' }),
  'action.edit': ({ purpose, ...params }, context) => {
    withPersonalData(context, params.includePersonalData, purpose, () => {
      editAction(context.store, context.services, { officer: context.officer.id, ...params });
      return { actionId: params.actionId };
    });
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
  'action.letter': ({ actionId, purpose }, context) => actionLetter(context.store.sqlite, actionId, { ...viewerOf(context), purpose: checkedPurpose(purpose) }),
  'action.export': ({ actionId, purpose }, context) => actionExport(context.store.sqlite, actionId, { ...viewerOf(context), purpose: checkedPurpose(purpose) }),
  'action.warningDocument': ({ actionId, format }, context) => warningDocument(context.store.sqlite, actionId, format, context.clock.now()),
} satisfies Partial<ApiHandlers<ApiContext>>;
