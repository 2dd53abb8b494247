import type { ApiHandlers } from '../../shared/api/contract';
import { listQueue, listRegions } from '../queries/queue';
import { auditSearch } from './audit-read';
import type { ApiContext } from './context';

export const queueHandlers = {
  'queue.list': (query, context) => {
    const page = listQueue(context.store.sqlite, query, context.officer.id);
    const text = query.filters.text?.trim() ?? '';
    if (text !== '' && query.offset === 0) auditSearch(context, text, query.purpose?.replace(/\s+/g, ' ').trim(), page.total);
    return page;
  },
  'queue.regions': (_params, context) => listRegions(context.store.sqlite),
} satisfies Partial<ApiHandlers<ApiContext>>;
