// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../shared/api/views';
import { App } from '../../src-renderer/app/App';
import { FakeApi, FakeFailure, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const AGENT = { id: 'officer-1', displayName: 'A. Agent', role: 'officer', team: 'Cyber' } as const;

/** A. Agent signed in with their offline code; the hub is back (or not), and their police account is taken (or refused). */
function offlineByCodeApi(options: { hubBack: boolean; outcome?: 'signed in' | 'refused' }) {
  let online = false;
  const session = (): SessionView => ({
    officer: AGENT,
    demo: false,
    offline: !online,
    locked: false,
    idleLockMinutes: 15,
    offlineCode: null,
    ...(options.hubBack && !online ? { hubBack: true as const } : {}),
  });
  return new FakeApi()
    .handle('session.get', session)
    .handle('session.oidcOffer', () => ({ offered: true }))
    .handle('session.oidcStart', () => ({ authorizationUrl: 'http://127.0.0.1:49152/begin?t=x', openedInBrowser: true }))
    .handle('session.oidcFinish', () => {
      if (options.outcome === 'refused') throw new FakeFailure('UNAUTHENTICATED');
      online = true;
      return session();
    });
}

async function rendered(api: FakeApi) {
  const result = renderWithStore(<App />, api);
  await act(async () => result.store.getState().loadSession());
  await act(settle);
  return result;
}

const prompt = () => screen.queryByRole('dialog', { name: 'De hub is weer bereikbaar' });

describe('the prompt to sign in with the police account once the hub is back', () => {
  it('asks, is put off until the badge is clicked, and signs in as the officer at the screen', async () => {
    const api = offlineByCodeApi({ hubBack: true });
    await rendered(api);
    expect(prompt()?.textContent).toContain('Meld u opnieuw aan met uw politie-account');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Later' }));
      await settle();
    });
    expect(prompt()).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('hub-back-badge'));
      await settle();
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Aanmelden met politie-account' }));
      await settle();
    });
    // Only their own police account may end it: the core is told who is at the screen.
    expect(api.callsOf('session.oidcStart')).toEqual([{ officerId: AGENT.id }]);
    expect(prompt()).toBeNull();
    expect(screen.queryByTestId('hub-back-badge')).toBeNull();
    expect(screen.queryByTestId('signed-in-offline')).toBeNull();
  });

  it('says why another police account was refused, and stays', async () => {
    await rendered(offlineByCodeApi({ hubBack: true, outcome: 'refused' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Aanmelden met politie-account' }));
      await settle();
    });
    expect(prompt()?.textContent).toContain('fake UNAUTHENTICATED');
    expect(screen.getByTestId('signed-in-offline')).toBeTruthy();
  });

  it('does not ask while the hub is still away', async () => {
    await rendered(offlineByCodeApi({ hubBack: false }));
    expect(screen.getByTestId('signed-in-offline')).toBeTruthy();
    expect(prompt()).toBeNull();
    expect(screen.queryByTestId('hub-back-badge')).toBeNull();
  });
});
