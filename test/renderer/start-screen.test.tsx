// @vitest-environment jsdom
/**
 * The start screen: while the core opens or upgrades the store, the window says so ("Opslag bijwerken: stap 2 van
 * 3"), in Dutch; a core that cannot start shows why; once it has started, the workstation shows.
 */
import './support/dom-setup';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withEarlyCalls } from '../../src-renderer/api/early-calls';
import { startApp } from '../../src-renderer/app/boot';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { askFirstScreen } from '../../src-renderer/app/first-screen-calls';
import { watchStartState } from '../../src-renderer/app/start-state';
import { StartGate } from '../../src-renderer/app/StartScreen';
import type { StartState } from '../../shared/api/start-state';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const WORKSTATION = 'de werkvoorraad';
/** A started core's answer, a round trip away as over the wire (the fake's others come back at once). */
const readyAfterRoundTrip = () => new Promise<StartState>((resolve) => setTimeout(() => resolve({ phase: 'ready' }), 0));

function startWith(api: FakeApi) {
  const start = watchStartState(api);
  renderWithStore(
    <StartGate start={start}>
      <p>{WORKSTATION}</p>
    </StartGate>,
    api,
  );
}

describe('the start screen', () => {
  it('shows each step of the store’s upgrade, then the workstation', async () => {
    const api = new FakeApi().handle('app.startState', () => ({ phase: 'upgrading', step: 1, of: 3 }));
    startWith(api);
    await act(settle);
    expect(screen.getByRole('status').textContent).toContain('Opslag bijwerken: stap 1 van 3');
    expect(screen.queryByText(WORKSTATION)).toBeNull();

    act(() => api.emit('app.startState', { phase: 'upgrading', step: 2, of: 3 }));
    expect(screen.getByRole('status').textContent).toContain('Opslag bijwerken: stap 2 van 3');
    expect(screen.getByText(/enkele minuten duren/)).toBeTruthy();

    act(() => api.emit('app.startState', { phase: 'ready' }));
    expect(screen.getByText(WORKSTATION)).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('takes a later event over an earlier answer', async () => {
    const api = new FakeApi().handle('app.startState', () => ({ phase: 'opening' }));
    api.hold();
    startWith(api);
    act(() => api.emit('app.startState', { phase: 'upgrading', step: 3, of: 3 }));
    api.release();
    await act(settle);
    expect(screen.getByRole('status').textContent).toContain('Opslag bijwerken: stap 3 van 3');
  });

  it('says why the core could not start, in Dutch, with its message', async () => {
    const message = 'The case store /data/puzzelstuk.db could not be upgraded (step 2 of 3 failed: disk I/O error). It was left as it was; tell your administrator.';
    const api = new FakeApi().handle('app.startState', () => ({ phase: 'failed', error: { code: 'STORE_UPGRADE_FAILED', message } }));
    startWith(api);
    await act(settle);
    expect(screen.getByRole('heading').textContent).toContain('Puzzelstuk kan niet starten');
    expect(screen.getByRole('alert').textContent).toContain('Het bijwerken van de lokale gegevens is mislukt; ze zijn ongewijzigd gebleven.');
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(screen.queryByText(WORKSTATION)).toBeNull();
  });

  it('asked with the first screen’s calls, its answer is in when the screens are drawn: their first frame is the workstation', async () => {
    const api = new FakeApi().handle('app.startState', readyAfterRoundTrip);
    const client = withEarlyCalls(api);
    askFirstScreen(api, client);
    // The screens' code arrives after the early answers (show-app.tsx): the first loads, the start watch, then the frame.
    await settle();
    const app = startApp(client, createAppStore(client));
    const start = watchStartState(client);
    await app.readyToShow;
    renderWithStore(
      <StartGate start={start}>
        <p>{WORKSTATION}</p>
      </StartGate>,
      api,
    );
    expect(screen.getByText(WORKSTATION)).toBeTruthy();
    expect(api.callsOf('app.startState')).toHaveLength(1);
    app.disconnect();
  });

  it('asked only when the screens’ code has run, the first frame is the start screen (the twin of the one above)', async () => {
    const api = new FakeApi().handle('app.startState', readyAfterRoundTrip);
    const client = withEarlyCalls(api);
    await settle();
    const app = startApp(client, createAppStore(client));
    const start = watchStartState(client);
    await app.readyToShow;
    renderWithStore(
      <StartGate start={start}>
        <p>{WORKSTATION}</p>
      </StartGate>,
      api,
    );
    expect(screen.queryByText(WORKSTATION)).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('openen');
    await act(settle);
    expect(screen.getByText(WORKSTATION)).toBeTruthy();
    app.disconnect();
  });

  it('shows the workstation at once when the core has started', async () => {
    const api = new FakeApi().handle('app.startState', () => ({ phase: 'ready' }));
    startWith(api);
    await act(settle);
    expect(screen.getByText(WORKSTATION)).toBeTruthy();
  });
});
