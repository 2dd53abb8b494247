import type { ApiHandlers } from '../../shared/api/contract';
import type { ApiContext } from './context';

export const settingsHandlers = {
  'settings.get': (_params, context) => context.settings.get(),
  'settings.set': (change, context) => {
    // Before anyone signs in the hub must be set up; once someone has, only they change it, and not while locked
    // (acting() refuses then). Which changes need a supervisor is the settings' own rule.
    const actor = context.session.current() === null ? null : context.session.acting();
    return context.settings.set(change, actor, actor !== null && context.session.signedInOffline());
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
