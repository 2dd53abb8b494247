import type { ApiHandlers } from '../../shared/api/contract';
import type { SessionView } from '../../shared/api/views';
import { listOfficers } from '../queries/officers';
import type { ApiContext } from './context';

const sessionOf = (context: ApiContext): SessionView => ({ officer: context.session.current(), demo: context.sync.usesEmbeddedHub(), offline: context.session.signedInOffline() });

export const sessionHandlers = {
  'session.get': (_params, context) => sessionOf(context),
  'session.signIn': async (params, context) => {
    await context.session.signIn(params);
    // Every window shows who is signed in (and what they may do).
    context.events.emit('work.changed', { entities: ['officer'] });
    return sessionOf(context);
  },
  'session.signOut': async (_params, context) => {
    await context.session.signOut();
    context.events.emit('work.changed', { entities: ['officer'] });
    return sessionOf(context);
  },
  'session.oidcOffer': async (_params, context) => ({ offered: (await context.oidc.offer()) !== null }),
  'session.oidcStart': (_params, context) => context.oidc.start(),
  // The core announces `work.changed` itself when the sign-in ends, whether or not a page still waits here.
  'session.oidcFinish': async (_params, context) => {
    await context.oidc.finish();
    return sessionOf(context);
  },
  'officers.list': (_params, context) => listOfficers(context.store.sqlite),
} satisfies Partial<ApiHandlers<ApiContext>>;
