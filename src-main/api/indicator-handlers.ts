import type { ApiHandlers } from '../../shared/api/contract';
import { indicatorSummary } from '../linking/indicator-summary';
import { resolveIndicator } from '../queries/indicator-lookup';
import { listIndicators } from '../queries/indicator-list';
import { indicatorReports } from '../queries/indicator-reports';
import type { ApiContext } from './context';

export const indicatorHandlers = {
  'indicator.list': (query, context) => listIndicators(context.store.sqlite, query),
  'indicator.summary': ({ type, value }, context) => {
    const indicator = resolveIndicator(context.store.sqlite, type, value);
    return indicatorSummary(context.store.sqlite, indicator.type, indicator.value);
  },
  'indicator.reports': ({ type, value }, context) => indicatorReports(context.store.sqlite, type, value),
  'indicator.seenElsewhere': ({ type, value }, context) => context.sync.seenElsewhere(type, value, context.officer.id),
} satisfies Partial<ApiHandlers<ApiContext>>;
