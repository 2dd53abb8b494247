import type { ApiHandlers } from '../../shared/api/contract';
import { listOfficers } from '../queries/officers';
import type { ApiContext } from './context';

export const sessionHandlers = {
  'session.get': (_params, context) => ({ officer: context.session.current(), demo: context.sync.usesEmbeddedHub() }),
  'session.signIn': async (params, context) => {
    const officer = await context.session.signIn(params);
    // Every window shows who is signed in (and what they may do).
    context.events.emit('work.changed', { entities: ['officer'] });
    return { officer, demo: context.sync.usesEmbeddedHub() };
  },
  'officers.list': (_params, context) => listOfficers(context.store.sqlite),
} satisfies Partial<ApiHandlers<ApiContext>>;
