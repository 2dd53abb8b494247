// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OfficerView } from '../../shared/api/views';
import { App } from '../../src-renderer/app/App';
import { SUPERVISOR } from './support/request-builders';
import { FakeApi, FakeFailure, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const AGENT: OfficerView = { id: 'officer-1', displayName: 'A. Agent', role: 'officer', team: 'Cyber' };

/** A.Agent signed in with a real hub; the police account the provider accepts is SUPERVISOR's (or refused). */
function signedInApi(provider: 'offered' | 'not offered', outcome: 'linked' | 'not linked' = 'linked') {
  let officer: OfficerView = AGENT;
  const session = () => ({ officer, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null });
  return new FakeApi()
    .handle('session.get', session)
    .handle('session.oidcOffer', () => ({ offered: provider === 'offered' }))
    .handle('session.oidcStart', () => ({ authorizationUrl: 'https://id.politie.test/auth?state=x', openedInBrowser: true }))
    .handle('session.oidcFinish', () => {
      if (outcome === 'not linked') throw new FakeFailure('FORBIDDEN');
      officer = SUPERVISOR;
      return session();
    });
}

async function openSignInDialog(api: FakeApi) {
  const rendered = renderWithStore(<App />, api);
  await act(async () => rendered.store.getState().loadSession());
  await act(settle);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Aanmelden als andere medewerker' }));
    await settle();
  });
  return screen.getByRole('dialog', { name: 'Aanmelden' });
}

describe('the dialog to sign in as someone else', () => {
  it('offers the police account as the sign-in screen does, and closes once the officer it links to is signed in', async () => {
    const api = signedInApi('offered');
    const dialog = await openSignInDialog(api);
    expect(dialog.textContent).toContain('Toegangscode');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Aanmelden met politie-account' }));
      await settle();
    });
    expect(api.callsOf('session.oidcStart')).toHaveLength(1);
    expect(screen.queryByRole('dialog', { name: 'Aanmelden' })).toBeNull();
    expect(screen.getByTestId('signed-in').getAttribute('data-officer-id')).toBe(SUPERVISOR.id);
  });

  it('stays open saying why a police account was refused, the officer still signed in', async () => {
    await openSignInDialog(signedInApi('offered', 'not linked'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Aanmelden met politie-account' }));
      await settle();
    });
    expect(screen.getByRole('dialog', { name: 'Aanmelden' })).toBeTruthy();
    expect(screen.getByTestId('police-account-failure').textContent).toMatch(/Uw politie-account is niet gekoppeld aan een medewerker/);
    expect(screen.getByTestId('signed-in').getAttribute('data-officer-id')).toBe(AGENT.id);
  });

  it('offers only the credential where the hub has no identity provider', async () => {
    const dialog = await openSignInDialog(signedInApi('not offered'));
    expect(dialog.textContent).toContain('Toegangscode');
    expect(screen.queryByRole('button', { name: 'Aanmelden met politie-account' })).toBeNull();
  });
});
