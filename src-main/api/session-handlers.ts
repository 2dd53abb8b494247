import type { ApiHandlers } from '../../shared/api/contract';
import type { SessionView } from '../../shared/api/views';
import { listOfficers } from '../db/officers';
import type { ApiContext } from './context';

const sessionView = (context: ApiContext): SessionView => ({
  officer: context.session.current(),
  demo: context.sync.usesEmbeddedHub(),
  offline: context.session.signedInOffline(),
  locked: context.session.locked(),
  idleLockMinutes: context.settings.get().idleLockMinutes,
  offlineCode: context.session.offlineCodeAsked(),
  ...(context.session.hubBack() ? { hubBack: true as const } : {}),
});

export const sessionHandlers = {
  'session.get': (_params, context) => sessionView(context),
  'session.signIn': async (params, context) => {
    await context.session.signIn(params);
    // Every window shows who is signed in (and what they may do).
    context.events.emit('work.changed', { entities: ['officer'] });
    return sessionView(context);
  },
  'session.drawn': (_params, context) => {
    context.session.drawn();
    return null;
  },
  'session.signOut': async (_params, context) => {
    await context.session.signOut();
    context.events.emit('work.changed', { entities: ['officer'] });
    return sessionView(context);
  },
  'session.lock': (_params, context) => {
    context.session.lock();
    return sessionView(context);
  },
  'session.unlock': async (params, context) => {
    await context.session.unlock(params);
    return sessionView(context);
  },
  'session.setOfflineCode': (params, context) => {
    context.session.setOfflineCode(params);
    return sessionView(context);
  },
  'session.activity': (_params, context) => {
    context.session.active();
    return null;
  },
  'session.oidcOffer': async (_params, context) => ({ offered: (await context.oidc.offer()) !== null }),
  'session.oidcStart': (params, context) => context.oidc.start(params),
  // The core announces `work.changed` itself when the sign-in ends, whether or not a page still waits here.
  'session.oidcFinish': async (_params, context) => {
    await context.oidc.finish();
    return sessionView(context);
  },
  'officers.list': (_params, context) => listOfficers(context.store.sqlite),
} satisfies Partial<ApiHandlers<ApiContext>>;
