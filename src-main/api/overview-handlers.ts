import type { ApiHandlers } from '../../shared/api/contract';
import { dutchDay } from '../../shared/platform/dutch-days';
import { requireSupervisor } from '../mutations/services/guards';
import { cachedOverview } from '../overview/overview-cache';
import { readOverviewSettings, writeOverviewSettings } from '../overview/overview-settings';
import type { ApiContext } from './context';

export const overviewHandlers = {
  // Computed again only when the store changed. An officer sees their own team's overview (none when they have no team), a supervisor every team's.
  'overview.get': ({ asOf }, context) =>
    cachedOverview(context.store.sqlite, {
      asOf: asOf ?? dutchDay(context.services.clock.now()),
      team: context.officer.role === 'supervisor' ? null : (context.officer.team ?? ''),
    }),
  'overview.settings': (_params, context) => readOverviewSettings(context.store.sqlite),
  'overview.setSettings': ({ settings }, context) => {
    requireSupervisor(context.store.sqlite, context.officer.id, 'change the service levels and the overview’s thresholds');
    return writeOverviewSettings(context.store.sqlite, settings);
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
