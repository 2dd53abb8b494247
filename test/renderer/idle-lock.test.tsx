// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../shared/api/views';
import { App } from '../../src-renderer/app/App';
import { SUPERVISOR } from './support/request-builders';
import { FakeApi, FakeFailure } from './support/fake-api';
import { renderWithStore } from './support/render';

const MINUTE = 60_000;

/** A workstation with a real hub, SUPERVISOR signed in, locking after 15 minutes; 'goed' is SUPERVISOR's credential. */
function signedInApi() {
  let locked = false;
  const view = (): SessionView => ({ officer: SUPERVISOR, demo: false, offline: false, locked, idleLockMinutes: 15, offlineCode: null });
  return new FakeApi()
    .handle('session.get', view)
    .handle('session.lock', () => {
      locked = true;
      return view();
    })
    .handle('session.activity', () => null)
    .handle('session.unlock', ({ credential }) => {
      if (credential !== 'goed') throw new FakeFailure('UNAUTHENTICATED');
      locked = false;
      return view();
    });
}

/** Lets the timers due within `ms` fire, and the answers and renders they cause run. */
const pass = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

describe('the idle lock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function opened() {
    const rendered = renderWithStore(<App />, signedInApi());
    await act(async () => rendered.store.getState().loadSession());
    await pass(1);
    expect(screen.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeTruthy();
    return rendered;
  }

  it('locks after the idle time without keyboard or mouse, counting again from each use, and shows nothing of the screen behind', async () => {
    const { api } = await opened();
    await pass(14 * MINUTE);
    fireEvent.keyDown(window, { key: 'a' });
    await pass(14 * MINUTE);
    fireEvent.pointerMove(window);
    await pass(14 * MINUTE);
    expect(api.callsOf('session.lock')).toHaveLength(0);
    expect(screen.queryByTestId('lock-screen')).toBeNull();

    await pass(1 * MINUTE + 1);
    expect(api.callsOf('session.lock')).toHaveLength(1);
    expect(screen.getByTestId('lock-screen')).toBeTruthy();
    expect(screen.getByTestId('lock-officer').textContent).toMatch(/Vergrendeld voor B\. Brigadier/);
    // Not a curtain: the navigation and the screen are gone from the page.
    expect(screen.queryByRole('navigation', { name: 'Hoofdnavigatie' })).toBeNull();
    expect(document.querySelector('.app-main')).toBeNull();
  });

  it('tells the core of the officer’s activity at most every 30 seconds', async () => {
    const { api } = await opened();
    await pass(31_000);
    for (let i = 0; i < 20; i++) {
      fireEvent.pointerMove(window);
      await pass(1000);
    }
    expect(api.callsOf('session.activity')).toHaveLength(1);
    await pass(10_000);
    fireEvent.keyDown(window, { key: 'b' });
    expect(api.callsOf('session.activity')).toHaveLength(2);
  });

  it('unlocks only with the officer’s credential, and lets another officer sign in instead', async () => {
    const { api } = await opened();
    await pass(15 * MINUTE + 1);
    expect(screen.getByTestId('lock-screen')).toBeTruthy();

    fireEvent.change(screen.getByTestId('sign-in-credential'), { target: { value: 'fout' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('unlock-submit'));
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(screen.getByTestId('unlock-failure').textContent).toMatch(/Toegangscode klopt niet/);
    expect(screen.getByTestId('lock-screen')).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>('sign-in-credential').value).toBe('');

    fireEvent.click(screen.getByTestId('lock-other-officer'));
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    fireEvent.click(screen.getByTestId('back-to-lock'));

    fireEvent.change(screen.getByTestId('sign-in-credential'), { target: { value: 'goed' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('unlock-submit'));
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(api.callsOf('session.unlock')).toEqual([{ credential: 'fout' }, { credential: 'goed' }]);
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeTruthy();
    // The timer runs again after unlocking.
    await pass(15 * MINUTE + 1);
    expect(api.callsOf('session.lock')).toHaveLength(2);
  });

  it('locks at once with the lock button or Ctrl/Cmd+L, and not with other keys', async () => {
    const { api } = await opened();
    fireEvent.keyDown(window, { key: 'l' });
    fireEvent.keyDown(window, { key: 'L', ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    await pass(1);
    expect(api.callsOf('session.lock')).toHaveLength(0);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Scherm nu vergrendelen (Ctrl+L)' }));
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(api.callsOf('session.lock')).toHaveLength(1);
    expect(screen.getByTestId('lock-screen')).toBeTruthy();
    expect(document.querySelector('.app-main')).toBeNull();

    fireEvent.change(screen.getByTestId('sign-in-credential'), { target: { value: 'goed' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('unlock-submit'));
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(screen.queryByTestId('lock-screen')).toBeNull();

    for (const modifier of [{ ctrlKey: true }, { metaKey: true }]) {
      const pressed = fireEvent.keyDown(window, { key: 'l', ...modifier });
      await pass(1);
      // The browser's own Ctrl+L (the address bar) is kept from taking it.
      expect(pressed).toBe(false);
      expect(screen.getByTestId('lock-screen')).toBeTruthy();
      fireEvent.change(screen.getByTestId('sign-in-credential'), { target: { value: 'goed' } });
      await act(async () => {
        fireEvent.click(screen.getByTestId('unlock-submit'));
        await vi.advanceTimersByTimeAsync(1);
      });
    }
    expect(api.callsOf('session.lock')).toHaveLength(3);
  });
});
