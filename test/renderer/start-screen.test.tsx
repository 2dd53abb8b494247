// @vitest-environment jsdom
/**
 * The start screen: while the core opens or upgrades the store, the window says so ("Opslag bijwerken: stap 2 van
 * 3"), in Dutch; a core that cannot start shows why; once it has started, the workstation shows.
 */
import './support/dom-setup';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { watchStartState } from '../../src-renderer/app/start-state';
import { StartGate } from '../../src-renderer/app/StartScreen';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const WORKSTATION = 'de werkvoorraad';

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

  it('shows the workstation at once when the core has started', async () => {
    const api = new FakeApi().handle('app.startState', () => ({ phase: 'ready' }));
    startWith(api);
    await act(settle);
    expect(screen.getByText(WORKSTATION)).toBeTruthy();
  });
});
