import type { ApiHandlers } from '../../shared/api/contract';
import { decideLink } from '../mutations';
import { clusterGraph } from '../queries/cluster-graph';
import { announceWork } from './after-write';
import type { ApiContext } from './context';

export const clusterHandlers = {
  'cluster.graph': ({ reportId }, context) => clusterGraph(context.store.sqlite, reportId),
  'link.decide': (params, context) => {
    decideLink(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'link');
    return null;
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
