import type { ApiHandlers } from '../../shared/api/contract';
import { listQueue, listRegions } from '../queries/queue';
import type { ApiContext } from './context';

export const queueHandlers = {
  'queue.list': (query, context) => listQueue(context.store.sqlite, query, context.officer.id),
  'queue.regions': (_params, context) => listRegions(context.store.sqlite),
} satisfies Partial<ApiHandlers<ApiContext>>;
