// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const PRIVACY_OFFICER = { id: 'p.smit', displayName: 'P. Smit', role: 'privacy' as const, team: null };

describe('the privacy officer', () => {
  it('finds the Logboek in the navigation, and none of the supervisors’ screens', async () => {
    const api = new FakeApi()
      .handle('session.get', () => ({ officer: PRIVACY_OFFICER, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('audit.logbook', (query) => ({ entries: [], truncated: false, source: 'local', hubUnanswered: null, total: 0, next: null, workstationId: 'ws-1', query }));
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    expect(screen.getByTestId('signed-in-role').textContent).toBe('Privacyfunctionaris');
    for (const supervisors of ['nav-approvals', 'nav-routing', 'nav-directory']) expect(screen.queryByTestId(supervisors), supervisors).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByTestId('nav-logbook'));
      await settle();
    });
    await screen.findByTestId('logbook-report-form', {}, { timeout: 15_000 });
    expect(screen.queryByTestId('supervisors-only')).toBeNull();
    // What the hub refused is answered to supervisors only: not asked for them.
    expect(api.callsOf('audit.refusals')).toEqual([]);
    expect(api.callsOf('sync.refusedChanges')).toEqual([]);
  });
});
