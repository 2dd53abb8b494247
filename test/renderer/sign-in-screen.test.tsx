// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { afterNextPaint } from '../../src-renderer/state/first-frame';
import { queueRow } from './support/builders';
import { SUPERVISOR } from './support/request-builders';
import { FakeApi, FakeFailure, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

/**
 * A workstation with a real hub where nobody has signed in yet; the credential 'goed' is SUPERVISOR's, which the
 * core takes without the hub when it is given as 'zonder-hub'.
 */
function signedOutApi() {
  let signedIn = false;
  let offline = false;
  const session = () => ({ officer: signedIn ? SUPERVISOR : null, demo: false, offline, locked: false, idleLockMinutes: 15, offlineCode: null });
  return new FakeApi()
    .handle('session.get', session)
    .handle('session.signIn', ({ officerId, credential }) => {
      if (credential === 'gedeactiveerd') throw new FakeFailure('FORBIDDEN');
      if (credential === 'onbereikbaar') throw new FakeFailure('UNAVAILABLE');
      if (credential === 'te-vaak') throw new FakeFailure('RATE_LIMITED');
      if (officerId !== SUPERVISOR.id || (credential !== 'goed' && credential !== 'zonder-hub')) throw new FakeFailure('UNAUTHENTICATED');
      signedIn = true;
      offline = credential === 'zonder-hub';
      return session();
    })
    .handle('session.signOut', () => {
      signedIn = false;
      offline = false;
      return session();
    });
}

async function signInWith(officerId: string, credential: string) {
  fireEvent.change(screen.getByTestId('sign-in-officer'), { target: { value: officerId } });
  fireEvent.change(screen.getByTestId('sign-in-credential'), { target: { value: credential } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('sign-in-submit'));
    await settle();
  });
}

describe('the sign-in screen', () => {
  it('shows only the sign-in form while nobody is signed in, and says in Dutch why a sign-in failed', async () => {
    const rendered = renderWithStore(<App />, signedOutApi());
    await act(async () => rendered.store.getState().loadSession());
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Hoofdnavigatie' })).toBeNull();

    await signInWith(SUPERVISOR.id, 'fout');
    expect(screen.getByTestId('sign-in-failure').textContent).toMatch(/Dienstnummer of toegangscode klopt niet/);
    await signInWith(SUPERVISOR.id, 'gedeactiveerd');
    expect(screen.getByTestId('sign-in-failure').textContent).toMatch(/Uw account is gedeactiveerd/);
    await signInWith(SUPERVISOR.id, 'onbereikbaar');
    expect(screen.getByTestId('sign-in-failure').textContent).toMatch(/De hub is niet bereikbaar/);
    await signInWith(SUPERVISOR.id, 'te-vaak');
    expect(screen.getByTestId('sign-in-failure').textContent).toMatch(/Te vaak een verkeerde toegangscode/);
    // A failed attempt leaves no credential in the form.
    expect(screen.getByTestId<HTMLInputElement>('sign-in-credential').value).toBe('');
    expect(screen.queryByRole('navigation', { name: 'Hoofdnavigatie' })).toBeNull();
  });

  it('opens the workstation for the officer whose credential the hub accepts', async () => {
    const rendered = renderWithStore(<App />, signedOutApi());
    await act(async () => rendered.store.getState().loadSession());
    await signInWith(SUPERVISOR.id, 'fout');
    expect(rendered.store.getState().notices.map((notice) => notice.key)).toEqual(['signInFailed']);
    await signInWith(SUPERVISOR.id, 'goed');
    expect(screen.queryByTestId('sign-in-screen')).toBeNull();
    // The failed attempt's notice (errors stay until dismissed) goes with the successful sign-in.
    expect(rendered.store.getState().notices.map((notice) => notice.key)).toEqual(['signedIn']);
    expect(screen.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeTruthy();
    expect(screen.queryByTestId('signed-in-offline')).toBeNull();
  });

  it('says beside the officer’s name that they signed in without the hub, and signs out back to the sign-in screen', async () => {
    const rendered = renderWithStore(<App />, signedOutApi());
    await act(async () => rendered.store.getState().loadSession());
    await signInWith(SUPERVISOR.id, 'zonder-hub');
    expect(screen.getByTestId('signed-in-offline').textContent).toBe('offline aangemeld');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Afmelden van deze werkplek' }));
      await settle();
    });
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Hoofdnavigatie' })).toBeNull();
    expect(rendered.store.getState().session).toEqual({ officer: null, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null });
  });
});

describe('signing in with a police account', () => {
  /** A hub that offers the identity provider; the desktop opens the provider's page itself. */
  function policeAccountApi(outcome: 'linked' | 'not linked') {
    let signedIn = false;
    return signedOutApi()
      .handle('session.get', () => ({ officer: signedIn ? SUPERVISOR : null, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('session.oidcOffer', () => ({ offered: true }))
      .handle('session.oidcStart', () => ({ authorizationUrl: 'https://id.politie.test/auth?state=x', openedInBrowser: true }))
      .handle('session.oidcFinish', () => {
        if (outcome === 'not linked') throw new FakeFailure('FORBIDDEN');
        signedIn = true;
        return { officer: SUPERVISOR, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null };
      })
      .handle('session.drawn', () => null);
  }

  async function clickPoliceAccount() {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Aanmelden met politie-account' }));
      await settle();
    });
  }

  it('offers no police account where the hub has no identity provider', async () => {
    const rendered = renderWithStore(<App />, signedOutApi().handle('session.oidcOffer', () => ({ offered: false })));
    await act(async () => rendered.store.getState().loadSession());
    await act(settle);
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Aanmelden met politie-account' })).toBeNull();
  });

  it('opens the workstation for the officer the hub links to the police account', async () => {
    const api = policeAccountApi('linked');
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    await act(settle);
    await clickPoliceAccount();
    expect(api.callsOf('session.oidcStart')).toHaveLength(1);
    expect(screen.queryByTestId('sign-in-screen')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeTruthy();
    // Once that frame is on screen the core is told, and the station's sync it held goes on.
    await act(afterNextPaint);
    expect(api.callsOf('session.drawn')).toHaveLength(1);
  });

  it('does not tell the core a workstation was drawn when the police account is refused (the core released the sync itself)', async () => {
    const api = policeAccountApi('not linked');
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    await act(settle);
    await clickPoliceAccount();
    await act(afterNextPaint);
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    expect(api.callsOf('session.drawn')).toHaveLength(0);
  });

  /** How many queue.list calls were asked when the workstation was about to be drawn (the session set), or null. */
  function queueCallsWhenSignedIn(rendered: ReturnType<typeof renderWithStore>, api: ReturnType<typeof policeAccountApi>): () => number | null {
    let asked: number | null = null;
    rendered.store.subscribe((state, before) => {
      if (asked === null && state.session?.officer && !before.session?.officer) asked = api.callsOf('queue.list').length;
    });
    return () => asked;
  }

  it('asks the queue as soon as the police account is accepted, before the workstation is drawn', async () => {
    const api = policeAccountApi('linked');
    // A queue with a row: its first page is all there is (an empty queue asks for its visible range once more).
    api.rows = [queueRow(0)];
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    await act(settle);
    const askedBefore = api.callsOf('queue.list').length;
    const queueCallsAtSignIn = queueCallsWhenSignedIn(rendered, api);
    await clickPoliceAccount();
    expect(queueCallsAtSignIn()).toBe(askedBefore + 1);
    const finished = api.calls.findIndex((call) => call.method === 'session.oidcFinish');
    expect(api.calls[finished + 1]?.method).toBe('queue.list');
  });

  it('draws the workstation once its queue’s rows are in, never empty or with the refusal the queue got before sign-in', async () => {
    const api = policeAccountApi('linked');
    // The core refuses the queue (an officer-bound call) until the sign-in has ended.
    api.handle('queue.list', (query) => {
      if (api.callsOf('session.oidcFinish').length === 0) throw new FakeFailure('UNAUTHENTICATED');
      return { rows: [queueRow(0)], total: 1, offset: query.offset };
    });
    const rendered = renderWithStore(<App />, api);
    await act(async () => {
      await rendered.store.getState().loadSession();
      await rendered.store.getState().loadQueue();
    });
    await act(settle);
    expect(rendered.store.getState().queueError?.code).toBe('UNAUTHENTICATED');
    let drawnWith: { rows: number; error: string | null } | null = null;
    rendered.store.subscribe((state, before) => {
      if (drawnWith === null && state.session?.officer && !before.session?.officer) drawnWith = { rows: state.queuePages[0]?.length ?? 0, error: state.queueError?.code ?? null };
    });
    await clickPoliceAccount();
    expect(drawnWith).toEqual({ rows: 1, error: null });
    expect(screen.getByTestId(`queue-row-${queueRow(0).reportId}`)).toBeTruthy();
  });

  it('asks no queue when the police account is refused', async () => {
    const api = policeAccountApi('not linked');
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    await act(settle);
    const askedBefore = api.callsOf('queue.list').length;
    await clickPoliceAccount();
    expect(api.callsOf('session.oidcFinish')).toHaveLength(1);
    expect(api.callsOf('queue.list')).toHaveLength(askedBefore);
  });

  it('says in Dutch why the police account was refused, and stays on the sign-in screen', async () => {
    const rendered = renderWithStore(<App />, policeAccountApi('not linked'));
    await act(async () => rendered.store.getState().loadSession());
    await act(settle);
    await clickPoliceAccount();
    expect(screen.getByTestId('police-account-failure').textContent).toMatch(/Uw politie-account is niet gekoppeld aan een medewerker/);
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Hoofdnavigatie' })).toBeNull();
  });
});
