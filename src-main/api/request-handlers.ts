import type { ApiHandlers } from '../../shared/api/contract';
import { requestDetail } from '../requests/request-detail';
import { requestExport, requestLetter } from '../requests/request-documents';
import { listRequests } from '../requests/request-list';
import { createRequest, editRequest, transitionRequest, updateRequestReports } from '../requests/request-services';
import { draftRequest } from '../requests/request-draft';
import { warningDocument } from '../requests/warning-documents';
import { dutchDay } from '../../shared/platform/dutch-days';
import { actorOf } from '../mutations/services/guards';
import { requireRequest } from '../requests/request-record';
import { logConsultation } from '../audit/consultation';
import { announceWork } from './after-write';
import { checkedPurpose } from './audit-read';
import type { ApiContext } from './context';
import { writeTransaction } from '../db/write-transaction';

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
  return writeTransaction(sqlite, () => {
    const result = change();
    logConsultation(sqlite, context.clock.now().toISOString(), {
      actor: context.officer.id,
      action: 'action.personal_data_included',
      subjectType: 'action',
      subjectId: result.actionId,
      purpose: why,
      details: { reportIds: requireRequest(sqlite, result.actionId).payload.reportIds },
    });
    return result;
  })();
}

export const requestHandlers = {
  'request.draft': (query, context) => draftRequest(context.store.sqlite, query),
  'request.create': ({ purpose, ...params }, context) => {
    const created = withPersonalData(context, params.includePersonalData, purpose, () => createRequest(context.store, context.services, { officer: context.officer.id, ...params }));
    announceWork(context, 'action');
    return created;
  },
  'request.list': (query, context) => listRequests(context.store.sqlite, query, dutchDay(context.clock.now())),
  'request.get': ({ actionId, purpose }, context) =>
    requestDetail(context.store.sqlite, actionId, { ...viewerOf(context), purpose: purpose === undefined ? null : checkedPurpose(purpose), use: 'request.get' }),
  'request.edit': ({ purpose, ...params }, context) => {
    withPersonalData(context, params.includePersonalData, purpose, () => {
      editRequest(context.store, context.services, { officer: context.officer.id, ...params });
      return { actionId: params.actionId };
    });
    announceWork(context, 'action');
    return null;
  },
  'request.updateReports': ({ actionId }, context) => {
    const result = updateRequestReports(context.store, context.services, { officer: context.officer.id, actionId });
    if (result.added > 0) announceWork(context, 'action');
    return result;
  },
  'request.transition': (params, context) => {
    transitionRequest(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'action');
    return null;
  },
  'request.letter': ({ actionId, purpose }, context) => requestLetter(context.store.sqlite, actionId, { ...viewerOf(context), purpose: checkedPurpose(purpose) }),
  'request.export': ({ actionId, purpose }, context) => requestExport(context.store.sqlite, actionId, { ...viewerOf(context), purpose: checkedPurpose(purpose) }),
  'request.warningDocument': ({ actionId, format }, context) => warningDocument(context.store.sqlite, actionId, format, context.clock.now()),
} satisfies Partial<ApiHandlers<ApiContext>>;
