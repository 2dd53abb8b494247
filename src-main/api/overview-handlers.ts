import type { ApiHandlers } from '../../shared/api/contract';
import { cachedOverview } from '../overview/overview-cache';
import type { ApiContext } from './context';

export const overviewHandlers = {
  // Computed again only when the store changed. An officer sees their own team's overview (none when they have no team), a supervisor every team's.
  'overview.get': ({ asOf }, context) =>
    cachedOverview(context.store.sqlite, {
      asOf: asOf ?? context.services.clock.now().toISOString().slice(0, 10),
      team: context.officer.role === 'supervisor' ? null : (context.officer.team ?? ''),
    }),
} satisfies Partial<ApiHandlers<ApiContext>>;
