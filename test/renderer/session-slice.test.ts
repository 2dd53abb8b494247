// @vitest-environment jsdom
// The session slice: signing in with a credential, and telling the core once the officer's workstation is drawn
// (the station's first sync is held for that frame).
import { describe, expect, it } from 'vitest';
import { connectEvents } from '../../src-renderer/state/connect-events';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { afterNextPaint } from '../../src-renderer/state/first-frame';
import { SUPERVISOR } from './support/request-builders';
import { FakeApi, FakeFailure, settle } from './support/fake-api';

describe('sign-in', () => {
  it('signs in as another officer and, on the announced change, reloads in their name', async () => {
    const api = new FakeApi().handle('session.signIn', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }));
    const store = createAppStore(api);
    connectEvents(api, store);
    await store.getState().loadSession();
    expect(await store.getState().signIn('officer-2')).toBe(true);
    expect(api.callsOf('session.signIn')).toEqual([{ officerId: 'officer-2' }]);
    expect(store.getState().session?.officer?.role).toBe('supervisor');

    api.handle('session.get', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }));
    api.emit('work.changed', { entities: ['officer'] });
    await settle();
    expect(api.callsOf('session.get')).toHaveLength(2);
    // A supervisor now: the approval queue is loaded for the navigation's count.
    expect(api.callsOf('request.list')).toContainEqual({ states: ['awaiting_approval'] });
  });

  it('sends the credential when one is given and reports a refusal', async () => {
    const api = new FakeApi().handle('session.signIn', () => {
      throw new FakeFailure('UNAUTHENTICATED');
    });
    const store = createAppStore(api);
    expect(await store.getState().signIn('officer-2', 'geheim')).toBe(false);
    expect(api.callsOf('session.signIn')).toEqual([{ officerId: 'officer-2', credential: 'geheim' }]);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', key: 'signInFailed' });
  });
});

describe('the first frame after a sign-in with a credential', () => {
  const signedIn = { officer: SUPERVISOR, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null };

  it('is drawn with the officer’s queue rows asked first, and the core is told once it is on screen', async () => {
    const api = new FakeApi().handle('session.signIn', () => signedIn).handle('session.drawn', () => null);
    const store = createAppStore(api);
    expect(await store.getState().signIn('officer-2', 'geheim')).toBe(true);
    expect(api.callsOf('queue.list').length).toBeGreaterThan(0);
    expect(api.callsOf('session.drawn')).toHaveLength(0);
    await afterNextPaint();
    expect(api.callsOf('session.drawn')).toHaveLength(1);
  });

  it('is not announced when the credential is refused (the core released the sync itself)', async () => {
    const api = new FakeApi()
      .handle('session.signIn', () => {
        throw new FakeFailure('UNAUTHENTICATED');
      })
      .handle('session.drawn', () => null);
    const store = createAppStore(api);
    expect(await store.getState().signIn('officer-2', 'fout')).toBe(false);
    await afterNextPaint();
    await settle();
    expect(api.callsOf('session.drawn')).toHaveLength(0);
  });
});
