// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../shared/api/views';
import { App } from '../../src-renderer/app/App';
import { SUPERVISOR } from './support/request-builders';
import { FakeApi, FakeFailure } from './support/fake-api';
import { renderWithStore } from './support/render';

/** Right after a police-account sign-in: the core asks for the offline code (`asked`) until one is taken. */
function askingApi(asked: 'set' | 'confirm', theirs = '24681357') {
  let offlineCode: SessionView['offlineCode'] = asked;
  const view = (): SessionView => ({ officer: SUPERVISOR, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode });
  return new FakeApi().handle('session.get', view).handle('session.setOfflineCode', ({ code, replace }) => {
    if (!replace && code !== theirs) throw new FakeFailure('UNAUTHENTICATED');
    offlineCode = null;
    return view();
  });
}

async function opened(api: FakeApi) {
  const rendered = renderWithStore(<App />, api);
  await act(async () => rendered.store.getState().loadSession());
  return rendered;
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const submit = () => act(() => Promise.resolve(void fireEvent.click(screen.getByTestId('offline-code-submit'))));

describe('the offline code dialog', () => {
  it('asks a new officer to set a code, refusing a short one and two that differ before anything is sent', async () => {
    const api = askingApi('set');
    await opened(api);
    expect(screen.getByRole('dialog', { name: 'Stel uw offlinecode in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sluiten' })).toBeNull();

    type('offline-code', '12345');
    expect(screen.getByRole('dialog').textContent).toMatch(/Te kort: minstens 6 cijfers, of 8 tekens\./);
    type('offline-code', 'pzh_geheim1');
    expect(screen.getByRole('dialog').textContent).toMatch(/mag niet met pzh_ beginnen/);
    type('offline-code', '24681357');
    type('offline-code-repeat', '24681358');
    expect(screen.getByRole('dialog').textContent).toMatch(/De twee codes verschillen\./);
    expect(screen.getByTestId<HTMLButtonElement>('offline-code-submit').disabled).toBe(true);
    expect(api.callsOf('session.setOfflineCode')).toHaveLength(0);

    type('offline-code-repeat', '24681357');
    await submit();
    expect(api.callsOf('session.setOfflineCode')).toEqual([{ code: '24681357', replace: true }]);
    expect(screen.queryByRole('dialog', { name: 'Stel uw offlinecode in' })).toBeNull();
  });

  it('asks an officer with a code to confirm it: a wrong one is refused and shown, a forgotten one replaced by a new one', async () => {
    const api = askingApi('confirm');
    await opened(api);
    expect(screen.getByRole('dialog', { name: 'Bevestig uw offlinecode' })).toBeTruthy();
    type('offline-code', '11112222');
    await submit();
    expect(screen.getByTestId('offline-code-failure')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Bevestig uw offlinecode' })).toBeTruthy();

    fireEvent.click(screen.getByTestId('offline-code-new'));
    type('offline-code', 'nieuwe-zin');
    type('offline-code-repeat', 'nieuwe-zin');
    await submit();
    expect(api.callsOf('session.setOfflineCode')).toEqual([
      { code: '11112222', replace: false },
      { code: 'nieuwe-zin', replace: true },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows nothing when the core asks for no code', async () => {
    const api = new FakeApi();
    await opened(api);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
