// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../shared/api/request-views';
import { App } from '../../src-renderer/app/App';
import { requestDetail, requestSummary, SUPERVISOR } from './support/request-builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const OTHERS = '0a4c5b1e-1111-4b7a-9f0e-2a4b6c8d0e1f';
const MINE = '0a4c5b1e-2222-4b7a-9f0e-2a4b6c8d0e1f';
const FOUR_EYES = 'four-eyes: the author of a request may not approve or send back their own request';

const pending = (actionId: string, createdBy: string, title: string) => requestSummary({ actionId, createdBy, title, state: 'awaiting_approval' });

function supervisorApi() {
  const details: Record<string, RequestDetail> = {
    [OTHERS]: requestDetail({ ...pending(OTHERS, 'officer-1', 'Blokkade ING-rekening'), nextSteps: [{ to: 'approved', refusal: null }, { to: 'draft', refusal: null }] }),
    [MINE]: requestDetail({ ...pending(MINE, 'officer-2', 'Eigen waarschuwing'), nextSteps: [{ to: 'approved', refusal: FOUR_EYES }, { to: 'draft', refusal: FOUR_EYES }] }),
  };
  return new FakeApi()
    .handle('session.get', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
    .handle('request.list', () => [pending(OTHERS, 'officer-1', 'Blokkade ING-rekening'), pending(MINE, 'officer-2', 'Eigen waarschuwing')])
    .handle('request.get', ({ actionId }) => details[actionId]!)
    .handle('request.transition', () => null);
}

async function renderApp(api: FakeApi) {
  const rendered = renderWithStore(<App />, api);
  await act(async () => {
    await rendered.store.getState().loadSession();
    await rendered.store.getState().loadApprovalQueue();
  });
  return rendered;
}

const click = async (element: HTMLElement) =>
  act(async () => {
    fireEvent.click(element);
    await settle();
  });

describe('approval queue', () => {
  it('lists what waits for a supervisor, marks their own, and approves another officer’s request', async () => {
    const api = supervisorApi();
    await renderApp(api);
    const nav = screen.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(within(nav).getByRole('button', { name: 'Ter goedkeuring (2 wachten)' })).toBeTruthy();
    await click(within(nav).getByTestId('nav-approvals'));

    // Screens other than the queue load as their own chunk when first opened.
    const own = await screen.findByTestId(`action-row-${MINE}`, {}, { timeout: 15_000 });
    expect(within(own).getByText('Eigen verzoek')).toBeTruthy();
    expect(within(screen.getByTestId(`action-row-${OTHERS}`)).queryByText('Eigen verzoek')).toBeNull();

    await click(screen.getByTestId(`action-open-${OTHERS}`));
    await click(within(screen.getByTestId('request-detail')).getByRole('button', { name: 'Goedkeuren' }));
    expect(api.callsOf('request.transition')).toEqual([{ actionId: OTHERS, from: 'awaiting_approval', to: 'approved' }]);
  });

  it('sends a request back only with a reason', async () => {
    const api = supervisorApi();
    const { store } = await renderApp(api);
    await act(async () => {
      store.getState().navigate({ screen: 'approvals', actionId: OTHERS });
      await settle();
    });
    await click(within(await screen.findByTestId('request-detail', {}, { timeout: 15_000 })).getByRole('button', { name: 'Terugsturen naar opsteller' }));
    const dialog = screen.getByRole('dialog', { name: 'Terugsturen naar opsteller' });
    await click(within(dialog).getByTestId('step-submit'));
    expect(api.callsOf('request.transition')).toHaveLength(0);
    fireEvent.change(within(dialog).getByTestId('step-reason'), { target: { value: 'Bankcode klopt niet; graag ING als geadresseerde' } });
    await click(within(dialog).getByTestId('step-submit'));
    expect(api.callsOf('request.transition')).toMatchObject([{ actionId: OTHERS, from: 'awaiting_approval', to: 'draft', reason: 'Bankcode klopt niet; graag ING als geadresseerde' }]);
  });

  it('shows the four-eyes refusal on the supervisor’s own request', async () => {
    const { store } = await renderApp(supervisorApi());
    await act(async () => {
      store.getState().navigate({ screen: 'approvals', actionId: MINE });
      await settle();
    });
    const detail = await screen.findByTestId('request-detail', {}, { timeout: 15_000 });
    expect(within(detail).getByRole('button', { name: 'Goedkeuren' })).toHaveProperty('disabled', true);
    expect(within(detail).getByTestId('step-refusal-approved').textContent).toBe(
      'Goedkeuren kan nu niet: vier ogen: u heeft dit verzoek zelf opgesteld, dus een andere leidinggevende beoordeelt het.',
    );
  });

  it('an officer sees no supervisor screens, and is told so when one is open', async () => {
    const { store } = await renderApp(new FakeApi());
    const nav = screen.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(within(nav).getByTestId('nav-requests')).toBeTruthy();
    for (const screenName of ['approvals', 'routing', 'directory']) expect(within(nav).queryByTestId(`nav-${screenName}`)).toBeNull();
    await act(async () => {
      store.getState().navigate({ screen: 'routing' });
      await settle();
    });
    expect((await screen.findByTestId('supervisors-only', {}, { timeout: 15_000 })).textContent).toContain('alleen voor leidinggevenden');
    expect(screen.queryByTestId('rule-add')).toBeNull();
  });

  it('switches officer from the navigation (demo)', async () => {
    const api = new FakeApi()
      .handle('session.get', () => ({ officer: { id: 'officer-1', displayName: 'A. Agent', role: 'officer', team: 'Cyber' }, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('session.signIn', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }));
    await renderApp(api);
    const signedIn = screen.getByTestId('signed-in');
    expect(signedIn.textContent).toContain('Aangemeld als A. Agent');
    expect(signedIn.textContent).toContain('Medewerker');
    await click(within(signedIn).getByRole('button', { name: 'Aanmelden als andere medewerker' }));
    await click(screen.getByRole('menuitem', { name: 'B. Brigadier · Leidinggevende' }));
    expect(api.callsOf('session.signIn')).toEqual([{ officerId: 'officer-2' }]);
    expect(screen.getByTestId('signed-in').textContent).toContain('Aangemeld als B. Brigadier');
  });
});
