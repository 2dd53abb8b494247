import type { ApiHandlers } from '../../shared/api/contract';
import type { ApiContext } from './context';

export const settingsHandlers = {
  'settings.get': (_params, context) => context.settings.get(),
  'settings.set': (change, context) => context.settings.set(change),
} satisfies Partial<ApiHandlers<ApiContext>>;
