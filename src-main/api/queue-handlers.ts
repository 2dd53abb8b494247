import type { ApiHandlers } from '../../shared/api/contract';
import { overviewListWhere } from '../overview/list-filters';
import { listQueue, listRegions } from '../queries/queue';
import { auditSearch, checkedPurpose } from './audit-read';
import type { ApiContext } from './context';

export const queueHandlers = {
  'queue.list': (query, context) => {
    const text = query.filters.text?.trim() ?? '';
    // A search reads reports' personal data: refused without a purpose before anything is read.
    const purpose = text === '' ? null : checkedPurpose(query.purpose);
    const page = listQueue(context.store.sqlite, query, context.officer.id, overviewListWhere(context.store.sqlite, query.filters));
    if (purpose !== null) auditSearch(context, text, purpose, page.total);
    return page;
  },
  'queue.regions': (_params, context) => listRegions(context.store.sqlite),
} satisfies Partial<ApiHandlers<ApiContext>>;
