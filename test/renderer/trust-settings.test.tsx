// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OfficerView, SettingsView } from '../../shared/api/views';
import { SettingsScreen } from '../../src-renderer/features/settings/SettingsScreen';
import { SUPERVISOR } from './support/request-builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const AGENT: OfficerView = { id: 'officer-1', displayName: 'A. Agent', role: 'officer', team: 'Cyber' };
const BOUND: SettingsView = { hubUrl: 'https://hub.politie.example', hubTokenSet: true, hubCaFile: null, language: 'nl', scope: '*', idleLockMinutes: 15, supervisorGuarded: true };

async function settingsAs(officer: OfficerView, settings: SettingsView) {
  const api = new FakeApi()
    .handle('session.get', () => ({ officer, demo: false, offline: false, locked: false, idleLockMinutes: settings.idleLockMinutes, offlineCode: null }))
    .handle('settings.get', () => settings)
    .handle('benign.list', () => []);
  const rendered = renderWithStore(<SettingsScreen />, api);
  await act(async () => {
    await rendered.store.getState().loadSession();
    await rendered.store.getState().loadSettings();
    await settle();
  });
  return api;
}

describe('Instellingen on a workstation that holds its hub’s reports', () => {
  it('shows an officer the hub read-only, saying only a supervisor changes it, and lets them only shorten the idle time', async () => {
    await settingsAs(AGENT, BOUND);
    expect(screen.getByTestId('hub-settings-supervisor-only').textContent).toMatch(/Alleen een leidinggevende kan het adres/);
    for (const field of ['hub-url-input', 'hub-ca-input', 'hub-scope-input', 'hub-token-input']) expect(screen.getByTestId<HTMLInputElement>(field).readOnly, field).toBe(true);
    expect(screen.queryByTestId('hub-settings-save')).toBeNull();
    expect(screen.getByTestId('settings-idle-lock').textContent).toMatch(/Tussen 1 en 15 minuten: alleen een leidinggevende kan de tijd verlengen/);
  });

  it('lets a supervisor change them', async () => {
    await settingsAs(SUPERVISOR, BOUND);
    expect(screen.queryByTestId('hub-settings-supervisor-only')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('hub-ca-input').readOnly).toBe(false);
    expect(screen.getByTestId('hub-settings-save')).toBeTruthy();
    expect(screen.getByTestId('settings-idle-lock').textContent).toMatch(/Tussen 1 en 60 minuten/);
  });

  it('lets anyone set up a store that never synced', async () => {
    const api = await settingsAs(AGENT, { ...BOUND, supervisorGuarded: false });
    fireEvent.change(screen.getByTestId('hub-ca-input'), { target: { value: '/etc/puzzelstuk/ca.pem' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('hub-settings-save'));
      await settle();
    });
    expect(api.callsOf('settings.set')).toEqual([{ hubUrl: 'https://hub.politie.example', scope: '*', hubCaFile: '/etc/puzzelstuk/ca.pem' }]);
  });
});
