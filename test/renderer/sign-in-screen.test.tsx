// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { SUPERVISOR } from './support/action-builders';
import { FakeApi, FakeFailure, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

/** A workstation with a real hub where nobody has signed in yet; the credential 'goed' is SUPERVISOR's. */
function signedOutApi() {
  let signedIn = false;
  return new FakeApi()
    .handle('session.get', () => ({ officer: signedIn ? SUPERVISOR : null, demo: false }))
    .handle('session.signIn', ({ officerId, credential }) => {
      if (credential === 'gedeactiveerd') throw new FakeFailure('FORBIDDEN');
      if (credential === 'onbereikbaar') throw new FakeFailure('UNAVAILABLE');
      if (officerId !== SUPERVISOR.id || credential !== 'goed') throw new FakeFailure('UNAUTHENTICATED');
      signedIn = true;
      return { officer: SUPERVISOR, demo: false };
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
    expect(screen.getByTestId('sign-in-failure').textContent).toMatch(/Je account is gedeactiveerd/);
    await signInWith(SUPERVISOR.id, 'onbereikbaar');
    expect(screen.getByTestId('sign-in-failure').textContent).toMatch(/De hub is niet bereikbaar/);
    // A failed attempt leaves no credential in the form.
    expect(screen.getByTestId<HTMLInputElement>('sign-in-credential').value).toBe('');
    expect(screen.queryByRole('navigation', { name: 'Hoofdnavigatie' })).toBeNull();
  });

  it('opens the workstation for the officer whose credential the hub accepts', async () => {
    const rendered = renderWithStore(<App />, signedOutApi());
    await act(async () => rendered.store.getState().loadSession());
    await signInWith(SUPERVISOR.id, 'goed');
    expect(screen.queryByTestId('sign-in-screen')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeTruthy();
  });
});
